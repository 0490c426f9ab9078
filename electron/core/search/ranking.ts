/**
 * How a query is answered from the posting lists: each word expanded to the terms it stands for
 * (itself; with 4+ letters, terms within 20% edits, at most 2; the word being typed, also its
 * PREFIX_LIMIT most common completions), each term's postings scored into per-article arrays, and
 * the best matches picked with a min-heap. Score: BM25 over the body (k1 1.2, b 0.75) plus fixed
 * weights for the headline (3), dek and byline (1.5), times the term's idf, times the expansion's
 * weight (a typo or a completion counts less than the word as typed).
 */
import { decodeBuffer, decodePostings, IN_BYLINE, IN_DEK, IN_TITLE } from './postings';
import type { PostingLists } from './segment';
import { findTerm, fuzzyTerms, prefixRange } from './vocabulary';

/** Completions of the word being typed that are searched (the most common ones). */
export const PREFIX_LIMIT = 64;
const K1 = 1.2;
const B = 0.75;
const WEIGHT_TITLE = 3;
const WEIGHT_DEK = 1.5;
const WEIGHT_BYLINE = 1.5;

/** Term numbers a query word stands for, with their weights (the word itself 1). */
export function expandWord(postings: PostingLists, word: string, last: boolean): Map<number, number> {
  const { terms, df } = postings;
  const out = new Map<number, number>();
  const add = (t: number, weight: number) => out.set(t, Math.max(out.get(t) ?? 0, weight));
  const exact = findTerm(terms, word);
  if (exact >= 0) add(exact, 1);
  if (word.length >= 4) {
    const maxDistance = Math.min(2, Math.round(word.length * 0.2));
    for (const { index, distance } of fuzzyTerms(terms, word, maxDistance)) {
      if (distance > 0) add(index, 0.45 * (1 - distance / word.length));
    }
  }
  if (last && word.length >= 3) {
    const [from, to] = prefixRange(terms, word);
    let completions = Array.from({ length: to - from }, (_, i) => from + i).filter((t) => t !== exact);
    if (completions.length > PREFIX_LIMIT) completions = completions.sort((a, b) => df[b]! - df[a]!).slice(0, PREFIX_LIMIT);
    for (const t of completions) add(t, 0.5 * (word.length / terms[t]!.length));
  }
  return out;
}

export interface ScoreContext {
  /** Live articles (for idf) and their average body length in words. */
  live: number;
  averageBody: number;
  dead: Uint8Array;
  lengths: Uint16Array;
  scores: Float64Array;
  masks: Uint32Array;
}

/** Adds term t's score (times `weight`) to each of its articles and sets `bit` in their masks. */
export function scoreTerm(postings: PostingLists, t: number, weight: number, bit: number, context: ScoreContext): void {
  const { live, averageBody, dead, lengths, scores, masks } = context;
  const df = postings.df[t]!;
  const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
  const into = decodeBuffer(postings.used[t]!);
  const found = decodePostings(postings.lists[t]!, 0, postings.used[t]!, into);
  const { docs, infos } = into;
  for (let i = 0; i < found; i++) {
    const doc = docs[i]!;
    const info = infos[i]!;
    if (dead[doc]) continue;
    const tf = info >>> 3;
    let field = (info & IN_TITLE ? WEIGHT_TITLE : 0) + (info & IN_DEK ? WEIGHT_DEK : 0) + (info & IN_BYLINE ? WEIGHT_BYLINE : 0);
    if (tf > 0) field += (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / averageBody));
    scores[doc] += idf * weight * field;
    masks[doc] |= bit;
  }
}

/**
 * The articles whose mask is `all` (any non-zero mask when `all` is 0) and that `take` accepts:
 * how many, and the best `limit` of them by score, best first (ties: the later article first).
 */
export function bestMatches(scores: Float64Array, masks: Uint32Array, count: number, all: number, take: (n: number) => boolean, limit: number): { best: number[]; total: number } {
  const heap: number[] = []; // article numbers, the lowest score at the top
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a < b);
  let total = 0;
  for (let n = 0; n < count; n++) {
    const mask = masks[n]!;
    if (mask === 0 || (all !== 0 && mask !== all) || !take(n)) continue;
    total++;
    if (heap.length < limit) {
      heap.push(n);
      siftUp(heap, heap.length - 1, less);
    } else if (less(heap[0]!, n)) {
      heap[0] = n;
      siftDown(heap, 0, less);
    }
  }
  heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
  return { best: heap, total };
}

function siftUp(heap: number[], i: number, less: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, less: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let least = i;
    if (l < heap.length && less(heap[l]!, heap[least]!)) least = l;
    if (r < heap.length && less(heap[r]!, heap[least]!)) least = r;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least]!, heap[i]!];
    i = least;
  }
}
