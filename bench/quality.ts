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
  /** The same in process CPU time (less moved by other processes on a busy machine). */
  cpuMsPerPage: number;
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

/** The page's address (a few annotation keys are not URLs: those get one under a reserved domain). */
export function pageUrl(page: EvalPage): string {
  return /^https?:\/\//i.test(page.url) ? page.url : `https://eval.invalid/${encodeURIComponent(page.file)}`;
}

interface Tally {
  counts: Counts;
  refused: number;
  crashed: number;
  firstCrash: string | null;
  totalMs: number;
  cpuMs: number;
  perPage: QualityResult['perPage'];
}

function scoreOne(tally: Tally, page: EvalPage, html: string, extract: TextExtractor): void {
  let text: string | null = null;
  let outcome: 'ok' | 'refused' | 'crashed' = 'ok';
  let message: string | undefined;
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    text = extract(html, pageUrl(page));
  } catch (error) {
    if (error instanceof NotAnArticleError || (error as Error)?.name === 'NotAnArticleError') {
      tally.refused++;
      outcome = 'refused';
    } else {
      tally.crashed++;
      outcome = 'crashed';
      tally.firstCrash ??= `${page.file}: ${(error as Error)?.stack ?? String(error)}`;
    }
    message = (error as Error)?.message;
  }
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  tally.totalMs += ms;
  tally.cpuMs += (used.user + used.system) / 1000;
  const c = countPage(page, text);
  tally.counts = addCounts(tally.counts, c);
  tally.perPage.push({ url: page.url, file: page.file, counts: c, outcome, ms, message });
}

/**
 * Scores each extractor on every page. The extractors take turns page by page (the order
 * alternating), so a change in machine load during the run weighs on all of them alike.
 */
export function scoreExtractors(pages: EvalPage[], htmls: string[], extractors: TextExtractor[]): QualityResult[] {
  const tallies: Tally[] = extractors.map(() => ({ counts: { tp: 0, fp: 0, fn: 0, tn: 0 }, refused: 0, crashed: 0, firstCrash: null, totalMs: 0, cpuMs: 0, perPage: [] }));
  pages.forEach((page, i) => {
    const order = extractors.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) scoreOne(tallies[k]!, page, htmls[i]!, extractors[k]!);
  });
  return tallies.map((t) => ({
    pages: pages.length,
    counts: t.counts,
    ...scores(t.counts),
    refused: t.refused,
    crashed: t.crashed,
    msPerPage: t.totalMs / (pages.length || 1),
    cpuMsPerPage: t.cpuMs / (pages.length || 1),
    firstCrash: t.firstCrash,
    perPage: t.perPage,
  }));
}

export function scoreExtractor(pages: EvalPage[], htmls: string[], extract: TextExtractor): QualityResult {
  return scoreExtractors(pages, htmls, [extract])[0]!;
}

export interface QualityBench {
  project: QualityResult;
  readability: QualityResult;
}

/** Both extractors over the same decoded pages, page by page in turn; each warmed up on a few pages first. */
export function runQualityBench(pages?: EvalPage[]): QualityBench {
  const set = loadEvalSet();
  const chosen = pages ?? set.pages;
  const htmls = decodePages(set, chosen);
  for (let i = 0; i < Math.min(5, chosen.length); i++) {
    for (const fn of [projectText, plainReadabilityText]) {
      try {
        fn(htmls[i]!, pageUrl(chosen[i]!));
      } catch {
        // scored below
      }
    }
  }
  const [project, readability] = scoreExtractors(chosen, htmls, [projectText, plainReadabilityText]) as [QualityResult, QualityResult];
  if (process.env.QUALITY_DUMP) fs.writeFileSync(process.env.QUALITY_DUMP, JSON.stringify({ project: project.perPage, readability: readability.perPage }));
  return { project, readability };
}
