/**
 * Extraction quality on real pages: the 990 annotated pages of DEV_DATA's trafilatura-eval set
 * (bench/quality-data.ts), scored with the upstream rule on the text a reader sees (headline,
 * standfirst, body), for the project's extractArticle and for plain @mozilla/readability over
 * linkedom, in the same run, with ms/page for each. Each page's bytes are decoded the way the
 * sync decodes a fetched page (fetch/decode.ts) before either extractor sees them.
 */
import fs from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle, NotAnArticleError } from '../electron/core/extract/article';
import { decodeBody } from '../electron/core/fetch/decode';
import { addCounts, countPage, loadEvalSet, readPageBytes, scores, type Counts, type EvalPage, type EvalSet } from './quality-data';

/** Text a reader sees, or a refusal (NotAnArticleError) thrown. */
export type TextExtractor = (html: string, url: string) => string;

export interface QualityResult {
  pages: number;
  counts: Counts;
  precision: number;
  recall: number;
  f: number;
  refused: number;
  crashed: number;
  /** Extraction only (decoding excluded), wall time. */
  msPerPage: number;
  firstCrash: string | null;
  perPage: { url: string; file: string; counts: Counts; outcome: 'ok' | 'refused' | 'crashed'; ms: number; message?: string }[];
}

export const projectText: TextExtractor = (html, url) => {
  const a = extractArticle(html, url);
  return [a.title, a.dek, a.bodyText].filter(Boolean).join('\n');
};

export const plainReadabilityText: TextExtractor = (html, url) => {
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  const parsed = new Readability(document as never).parse();
  if (!parsed) throw new NotAnArticleError('Readability found no article');
  return [parsed.title, parsed.excerpt, parsed.textContent].filter(Boolean).join('\n');
};

/** Decodes every page once, as the sync would (no Content-Type known: the page's own declaration decides). */
export function decodePages(set: EvalSet, pages: EvalPage[]): string[] {
  return pages.map((p) => decodeBody(readPageBytes(set, p), 'text/html'));
}

export function scoreExtractor(pages: EvalPage[], htmls: string[], extract: TextExtractor): QualityResult {
  let counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let refused = 0;
  let crashed = 0;
  let firstCrash: string | null = null;
  let total = 0;
  const perPage: QualityResult['perPage'] = [];
  pages.forEach((page, i) => {
    let text: string | null = null;
    let outcome: 'ok' | 'refused' | 'crashed' = 'ok';
    let message: string | undefined;
    const t = performance.now();
    try {
      text = extract(htmls[i]!, page.url);
    } catch (error) {
      if (error instanceof NotAnArticleError || (error as Error)?.name === 'NotAnArticleError') {
        refused++;
        outcome = 'refused';
      } else {
        crashed++;
        outcome = 'crashed';
        firstCrash ??= `${page.file}: ${(error as Error)?.stack ?? String(error)}`;
      }
      message = (error as Error)?.message;
    }
    const ms = performance.now() - t;
    total += ms;
    const c = countPage(page, text);
    counts = addCounts(counts, c);
    perPage.push({ url: page.url, file: page.file, counts: c, outcome, ms, message });
  });
  return { pages: pages.length, counts, ...scores(counts), refused, crashed, msPerPage: total / (pages.length || 1), firstCrash, perPage };
}

export interface QualityBench {
  project: QualityResult;
  readability: QualityResult;
}

/** Both extractors over the same decoded pages; each warmed up on a few pages first. */
export function runQualityBench(pages?: EvalPage[]): QualityBench {
  const set = loadEvalSet();
  const chosen = pages ?? set.pages;
  const htmls = decodePages(set, chosen);
  for (let i = 0; i < Math.min(5, chosen.length); i++) {
    for (const fn of [projectText, plainReadabilityText]) {
      try {
        fn(htmls[i]!, chosen[i]!.url);
      } catch {
        // scored below
      }
    }
  }
  const project = scoreExtractor(chosen, htmls, projectText);
  const readability = scoreExtractor(chosen, htmls, plainReadabilityText);
  if (process.env.QUALITY_DUMP) fs.writeFileSync(process.env.QUALITY_DUMP, JSON.stringify({ project: project.perPage, readability: readability.perPage }));
  return { project, readability };
}
