// Ingest step of the XSS table (xss-vectors.fixtures.ts): every generated payload through
// sanitizeArticleHtml, then the properties checked on the parsed result. The render step (DOMPurify
// under jsdom, alone and after ingest) is renderer/src/ui/html/xss-table.test.ts.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sanitizeArticleHtml } from './sanitize';
import { hideSrcsetParserNoise, problemsIn, xssCases } from './xss-vectors.fixtures';

const BASE = 'https://news.example.test/articles/story.html';
const cases = xssCases();

// sanitize-html's srcset parser logs every odd candidate it drops; the table makes many on purpose.
const quietSrcsetParser = () => hideSrcsetParserNoise((impl) => vi.spyOn(console, 'log').mockImplementation(impl));
let restoreLog = () => undefined as void;
beforeAll(() => {
  restoreLog = quietSrcsetParser();
});
afterAll(() => restoreLog());

describe('XSS table at ingest (sanitize-html)', () => {
  it('has at least as many payloads as DOMPurify publishes (223)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(223);
    expect(new Set(cases.map((c) => c.html)).size).toBe(cases.length);
  });

  it('leaves no script, handler, dangerous URL, frame, object, style, base or meta in any of them', () => {
    const failures: string[] = [];
    for (const { name, html } of cases) {
      const out = sanitizeArticleHtml(html, BASE);
      const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
      const problems = problemsIn(document);
      if (problems.length) failures.push(`${name}: ${problems.join('; ')} in ${out}`);
    }
    expect(failures).toEqual([]);
  });

  it('catches what it should: the checker flags unsanitized payloads', () => {
    const flagged = cases.filter(({ html }) => problemsIn(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document).length > 0);
    // Most raw payloads are live attacks (raw-text wrappers like <textarea> hide the rest).
    expect(flagged.length).toBeGreaterThan(cases.length * 0.7);
  });
});
