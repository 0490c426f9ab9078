/**
 * The inverted index proper: a sorted term list and, per term, its posting list (postings.ts) in
 * one byte array, with the list's start offset, its article count (df) and its last article
 * number. A segment is never changed in place: new articles are merged in as a new segment
 * (their numbers are above every existing one, so each list is the old bytes plus the new
 * postings appended), and removed articles stay in the lists until a compaction renumbers the
 * survivors (search-index.ts marks them dead meanwhile).
 */
import { ByteWriter, forEachPosting, writePostings } from './postings';

export interface Segment {
  /** Sorted by UTF-16 code units (Array#sort). */
  terms: string[];
  /** Term t's postings are bytes[offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  df: Uint32Array;
  /** Highest article number in term t's list. */
  last: Uint32Array;
  bytes: Uint8Array;
}

export function emptySegment(): Segment {
  return { terms: [], offsets: new Uint32Array(1), df: new Uint32Array(0), last: new Uint32Array(0), bytes: new Uint8Array(0) };
}

/** New postings per term: [articleNo, info, articleNo, info, …], ascending. */
export type PendingPostings = Map<string, number[]>;

/** The segment with `pending` appended (every pending article number is above the segment's). */
export function mergeSegment(base: Segment, pending: PendingPostings): Segment {
  if (pending.size === 0) return base;
  const added = [...pending.keys()].sort();
  let pendingBytes = 0;
  for (const list of pending.values()) pendingBytes += list.length * 3; // <= 5 + 1 bytes per pair
  const termCount = base.terms.length + added.length; // an upper bound: shared terms counted twice
  const terms: string[] = [];
  const offsets = new Uint32Array(termCount + 1);
  const df = new Uint32Array(termCount);
  const last = new Uint32Array(termCount);
  const out = new ByteWriter(base.bytes.length + pendingBytes + 16);
  let b = 0;
  let a = 0;
  while (b < base.terms.length || a < added.length) {
    const baseTerm = b < base.terms.length ? base.terms[b]! : null;
    const addedTerm = a < added.length ? added[a]! : null;
    const t = terms.length;
    offsets[t] = out.length;
    if (addedTerm === null || (baseTerm !== null && baseTerm < addedTerm)) {
      terms.push(baseTerm!);
      out.append(base.bytes.subarray(base.offsets[b]!, base.offsets[b + 1]!));
      df[t] = base.df[b]!;
      last[t] = base.last[b]!;
      b++;
      continue;
    }
    const list = pending.get(addedTerm)!;
    let previous = 0;
    let count = 0;
    if (baseTerm === addedTerm) {
      out.append(base.bytes.subarray(base.offsets[b]!, base.offsets[b + 1]!));
      previous = base.last[b]!;
      count = base.df[b]!;
      b++;
    }
    writePostings(out, list, previous);
    terms.push(addedTerm);
    df[t] = count + list.length / 2;
    last[t] = list[list.length - 2]!;
    a++;
  }
  offsets[terms.length] = out.length;
  return {
    terms,
    offsets: offsets.slice(0, terms.length + 1),
    df: df.slice(0, terms.length),
    last: last.slice(0, terms.length),
    bytes: out.bytes.slice(0, out.length),
  };
}

/**
 * The segment without removed articles, renumbered: `renumber[old]` is the new number, or -1 for
 * an article that is gone. Terms left with no article are dropped.
 */
export function compactSegment(base: Segment, renumber: Int32Array): Segment {
  const terms: string[] = [];
  const offsets: number[] = [];
  const df: number[] = [];
  const last: number[] = [];
  const out = new ByteWriter(base.bytes.length);
  const kept: number[] = [];
  for (let t = 0; t < base.terms.length; t++) {
    kept.length = 0;
    forEachPosting(base.bytes, base.offsets[t]!, base.offsets[t + 1]!, (doc, info) => {
      const now = doc < renumber.length ? renumber[doc]! : -1;
      if (now >= 0) kept.push(now, info);
    });
    if (kept.length === 0) continue;
    offsets.push(out.length);
    writePostings(out, kept, 0);
    terms.push(base.terms[t]!);
    df.push(kept.length / 2);
    last.push(kept[kept.length - 2]!);
  }
  offsets.push(out.length);
  return { terms, offsets: Uint32Array.from(offsets), df: Uint32Array.from(df), last: Uint32Array.from(last), bytes: out.bytes.slice(0, out.length) };
}
