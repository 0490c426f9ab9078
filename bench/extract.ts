/**
 * Extraction benchmark: our pipeline (Readability over linkedom + metadata + sanitizing) against
 * Readability over jsdom, on the same generated pages, in one run. Reports ms/page for each and
 * how close the extracted texts are (word-level Jaccard similarity).
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../electron/core/extract/article';
import { makeArticlePage } from './pages';

export interface ExtractBenchResult {
  pages: number;
  pageKb: number;
  oursMsPerPage: number;
  jsdomMsPerPage: number;
  speedup: number;
  textSimilarity: number;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/\W+/).filter(Boolean));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both || 1);
}

export async function runExtractBench(pageCount = 60): Promise<ExtractBenchResult> {
  const origin = 'http://bench.test';
  const pages = Array.from({ length: pageCount }, (_, i) => makeArticlePage(origin, i, 100, 2));
  const url = (slug: string) => `${origin}/articles/${slug}.html`;

  // Warm both up so JIT start-up is not counted.
  for (const p of pages.slice(0, 3)) {
    extractArticle(p.html, url(p.slug));
    new Readability(new JSDOM(p.html, { url: url(p.slug) }).window.document).parse();
  }

  const oursTexts: string[] = [];
  let t = performance.now();
  for (const p of pages) oursTexts.push(extractArticle(p.html, url(p.slug)).bodyText);
  const ours = performance.now() - t;

  const jsdomTexts: string[] = [];
  t = performance.now();
  for (const p of pages) {
    const dom = new JSDOM(p.html, { url: url(p.slug) });
    jsdomTexts.push(new Readability(dom.window.document).parse()?.textContent ?? '');
    dom.window.close();
  }
  const naive = performance.now() - t;

  const similarity =
    oursTexts.reduce((sum, text, i) => sum + jaccard(words(text), words(jsdomTexts[i]!)), 0) / pages.length;
  return {
    pages: pageCount,
    pageKb: Math.round(pages.reduce((s, p) => s + p.html.length, 0) / pages.length / 1024),
    oursMsPerPage: ours / pageCount,
    jsdomMsPerPage: naive / pageCount,
    speedup: naive / ours,
    textSimilarity: similarity,
  };
}
