/**
 * Highlighting of search terms: splits plain text into runs and wraps the words the search
 * matched (SearchHit.terms, as written in the text) in <mark>. Builds React elements from plain
 * text only (never HTML), so a fetched headline cannot inject markup.
 */
import type { ReactNode } from 'react';

/** Runs of `text`: matched words (compared without case) and the text between them. */
export function highlightRuns(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const wanted = new Set(terms.map((t) => t.toLocaleLowerCase()));
  const runs: { text: string; match: boolean }[] = [];
  let plain = '';
  // Words as the index splits them: anything between spaces and punctuation.
  for (const part of text.split(/([^\n\r\p{Z}\p{P}]+)/u)) {
    if (part === '') continue;
    if (wanted.has(part.toLocaleLowerCase())) {
      if (plain) runs.push({ text: plain, match: false });
      plain = '';
      runs.push({ text: part, match: true });
    } else {
      plain += part;
    }
  }
  if (plain) runs.push({ text: plain, match: false });
  return runs;
}

export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): ReactNode {
  return highlightRuns(text, terms).map((run, i) => (run.match ? <mark key={i}>{run.text}</mark> : run.text));
}
