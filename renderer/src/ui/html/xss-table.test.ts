// Render step of the XSS table (electron/core/extract/xss-vectors.fixtures.ts): DOMPurify bound to a
// jsdom window (over linkedom it silently returns its input), on every raw payload and on what the
// ingest step made of it; the properties are checked on the DOM jsdom parses from the result.
import { JSDOM, VirtualConsole } from 'jsdom';
import createDOMPurify from 'dompurify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sanitizeArticleHtml } from '../../../../electron/core/extract/sanitize';
import { hideSrcsetParserNoise, problemsIn, xssCases } from '../../../../electron/core/extract/xss-vectors.fixtures';
import { sanitizeBodyHtml } from './sanitizeBody';

// A silent console: jsdom reports the (harmless) odd srcset values it parses.
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const cases = xssCases();

// sanitize-html's srcset parser logs every odd candidate it drops; the table makes many on purpose.
const quietSrcsetParser = () => hideSrcsetParserNoise((impl) => vi.spyOn(console, 'log').mockImplementation(impl));
let restoreLog = () => undefined as void;
beforeAll(() => {
  restoreLog = quietSrcsetParser();
});
afterAll(() => restoreLog());

const holder = window.document.createElement('template');

function problemsAfterRender(html: string): string[] {
  let out: string;
  try {
    out = sanitizeBodyHtml(html, purify);
  } catch (error) {
    return [`render threw ${String(error)}`];
  }
  holder.innerHTML = out;
  return problemsIn(holder.content).map((p) => `${p} in ${out}`);
}

describe('XSS table at render (DOMPurify in jsdom)', () => {
  it('DOMPurify is really sanitizing here (not a pass-through)', () => {
    expect(purify.isSupported).toBe(true);
    expect(sanitizeBodyHtml('<img src=x onerror=alert(1)><script>alert(1)</script>', purify)).not.toMatch(/onerror|script/);
  });

  it('a raw payload rendered directly keeps none of the forbidden things', () => {
    const failures = cases.flatMap(({ name, html }) => problemsAfterRender(html).map((p) => `${name}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('an ingested payload rendered keeps none of the forbidden things', () => {
    const failures = cases.flatMap(({ name, html }) =>
      problemsAfterRender(sanitizeArticleHtml(html, 'https://news.example.test/a.html')).map((p) => `${name}: ${p}`),
    );
    expect(failures).toEqual([]);
  });
});
