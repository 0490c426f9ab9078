/**
 * A search hit as the Search screen shows it: the article's public summary, a snippet (from the
 * dek when the dek matches, else around the first match in the body, read from the body file:
 * synchronously, since ~30 small reads are ~2 ms and cheaper than 30 trips through the thread
 * pool) and the words that matched, as written, for highlighting.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SearchHit } from '../../shared/models';
import { toPublicSummary } from '../store/queries';
import type { StoredSummary } from '../store/schema';
import type { NewsStore } from '../store/store';
import { matchedWords, snippetAround } from './text';

export function bodyFileOf(store: NewsStore, id: string): string {
  return path.join(store.articlesDir, `${id}.json`);
}

/** The bodyText of a body file's JSON ('' when it has none). */
export function bodyTextIn(json: string): string {
  const body = JSON.parse(json) as { bodyText?: unknown };
  return typeof body.bodyText === 'string' ? body.bodyText : '';
}

function bodyTextNow(store: NewsStore, id: string): string {
  try {
    return bodyTextIn(fs.readFileSync(bodyFileOf(store, id), 'utf8'));
  } catch {
    return '';
  }
}

/** `folded`: the query's folded terms (with typos and completions). */
export function hitOf(store: NewsStore, summary: StoredSummary, folded: ReadonlySet<string>, score: number): SearchHit {
  let snippet = snippetAround(summary.dek, folded, 240, false);
  if (snippet === null) {
    // Around the first match in the body; a headline-only match shows the dek (else the body's start).
    const body = bodyTextNow(store, summary.id);
    snippet = snippetAround(body, folded, 240, false) ?? (summary.dek || snippetAround(body, folded) || '');
  }
  return {
    article: toPublicSummary(summary),
    terms: matchedWords([summary.title, summary.dek, summary.byline, snippet], folded),
    snippet,
    score,
  };
}
