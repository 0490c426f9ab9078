/**
 * The page-extraction task the sync hands to the worker pool (pool.ts): decode the fetched bytes
 * (charset sniffing), extract the article (Readability over linkedom, metadata, photos, sanitize),
 * and split the lead photo's caption from its credit. The same function runs inside a worker
 * (extract-worker.ts) and in the calling thread when no worker can start, so both give the same
 * result. Errors cross the thread boundary as { name, message } and are rebuilt on the other side.
 */
import { extractArticle, NotAnArticleError } from '../extract/article';
import { splitCaptionCredit } from '../extract/credit';
import { decodeBody } from '../fetch/decode';
import type { ExtractedArticle } from '../types';

export interface PageTask {
  /** Final URL of the page (after redirects). */
  url: string;
  contentType: string;
  body: Uint8Array;
}

export interface SerializedError {
  name: string;
  message: string;
}

/** Decodes and extracts one fetched page. Throws NotAnArticleError (or another error) like extractArticle. */
export function runPageTask(task: PageTask): ExtractedArticle {
  const body = Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
  const page = extractArticle(decodeBody(body, task.contentType), task.url);
  const lead = page.leadPhoto;
  if (lead && !lead.credit && lead.caption) {
    const { caption, credit } = splitCaptionCredit(lead.caption);
    lead.caption = caption;
    lead.credit = credit;
  }
  return page;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error a task failed with, as the caller would have seen it in-thread. */
export function rebuildError(error: SerializedError): Error {
  const rebuilt = error.name === 'NotAnArticleError' ? new NotAnArticleError(error.message) : new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
