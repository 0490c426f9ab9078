import { describe, expect, it } from 'vitest';
import { extractArticle, extractFeedContent, NotAnArticleError } from './article';
import { assertReasonableHtml, HtmlTooComplexError, MAX_NESTING } from './guard';
import { sanitizeArticleHtml } from './sanitize';

const nested = (n: number) => '<div>'.repeat(n) + 'text' + '</div>'.repeat(n);

describe('assertReasonableHtml', () => {
  it('accepts ordinary markup, unclosed paragraphs and list items, and script text', () => {
    expect(() => assertReasonableHtml(nested(200))).not.toThrow();
    expect(() => assertReasonableHtml('<p>one<p>two'.repeat(5000))).not.toThrow();
    expect(() => assertReasonableHtml('<ul>' + '<li>x'.repeat(5000) + '</ul>')).not.toThrow();
    expect(() => assertReasonableHtml(`<script>${'<div>'.repeat(5000)}</script><p>ok</p>`)).not.toThrow();
  });

  it('refuses deep nesting and element floods quickly', () => {
    const t0 = performance.now();
    expect(() => assertReasonableHtml(nested(MAX_NESTING + 1))).toThrow(HtmlTooComplexError);
    expect(() => assertReasonableHtml('<span></span>'.repeat(100_000))).toThrow(HtmlTooComplexError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('200,000 nested elements fail fast in every entry point', () => {
    const html = `<html><body><article><h1>x</h1>${nested(200_000)}</article></body></html>`;
    const t0 = performance.now();
    expect(() => extractArticle(html, 'https://x.example.test/a.html')).toThrow(NotAnArticleError);
    expect(() => extractFeedContent(nested(200_000), 'https://x.example.test/')).toThrow(HtmlTooComplexError);
    expect(() => sanitizeArticleHtml(nested(200_000), 'https://x.example.test/')).toThrow(HtmlTooComplexError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
