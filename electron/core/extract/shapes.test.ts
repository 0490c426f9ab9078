import { describe, expect, it } from 'vitest';
import { extractArticle, NotAnArticleError } from './article';
import { shapePages } from './shapes.fixtures';

describe('extraction on page shapes real sites use', () => {
  it('has at least 20 pages', () => {
    expect(shapePages.length).toBeGreaterThanOrEqual(20);
  });

  it.each(shapePages.map((p) => [p.name, p] as const))('%s', (_name, page) => {
    if (page.expect === 'not-an-article') {
      expect(() => extractArticle(page.html, page.url)).toThrow(NotAnArticleError);
      return;
    }
    const e = page.expect;
    const r = extractArticle(page.html, page.url);
    if (e.title !== undefined) expect(r.title).toBe(e.title);
    expect(r.short ?? false).toBe(e.short ?? false);
    if (e.sectionPath !== undefined) expect(r.sectionPath).toEqual(e.sectionPath);
    if (e.byline !== undefined) expect(r.byline).toBe(e.byline);
    if (e.publishedAt !== undefined) {
      if (e.publishedAt === null) expect(r.publishedAt).toBeNull();
      else expect(r.publishedAt?.startsWith(e.publishedAt), `${r.publishedAt}`).toBe(true);
    }
    if (e.lead !== undefined) {
      if (e.lead === null) expect(r.leadPhoto).toBeNull();
      else expect(r.leadPhoto).toMatchObject(e.lead);
    }
    if (r.leadPhoto) expect(r.bodyHtml).not.toContain(`src="${r.leadPhoto.url}"`);
    if (e.inline !== undefined) expect(r.inlinePhotos.map(({ url, caption, credit }) => ({ url, caption, credit }))).toEqual(e.inline);
    for (const s of e.bodyHas) expect(r.bodyText).toContain(s);
    for (const s of e.bodyLacks) expect(r.bodyText).not.toContain(s);
    for (const s of e.htmlHas ?? []) expect(r.bodyHtml).toContain(s);
    for (const url of e.related ?? []) expect(r.related.map((x) => x.url)).toContain(url);
    expect(r.bodyHtml).not.toMatch(/<(script|style|iframe|form|nav|button|video)\b|\son\w+=|\sstyle=/i);
  });
});
