/**
 * Posting lists of the search index, as bytes. Per article (ascending article number): a varint
 * (7 bits per byte, high bit = more) of gap * 2 + extra, where gap is the distance to the previous
 * article number; when extra is 1 an info byte follows: bits 0-2 say the term is in the headline
 * (1), dek (2) or byline (4), bits 3-7 its count in the body (0-31, capped; 0 = not in the body).
 * extra 0 means "once in the body, in no other field": 84% of the postings of a news-like corpus
 * (bench/RESULTS.md), so the lists are ~35% smaller than with an info byte each.
 * A list of 50k articles decodes in well under a millisecond.
 */

export const IN_TITLE = 1;
export const IN_DEK = 2;
export const IN_BYLINE = 4;
export const MAX_BODY_COUNT = 31;
/** The info of a posting written without an info byte: once in the body only. */
export const PLAIN = 8;

/** The info byte of a posting. */
export function infoByte(fields: number, bodyCount: number): number {
  return (fields & 7) | (Math.min(bodyCount, MAX_BODY_COUNT) << 3);
}

/** A growable byte buffer. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(value: number): void {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  append(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** The written bytes (a view, valid until the next write). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Decoded postings: docs[i] and infos[i] for i < count. */
export interface DecodedPostings {
  docs: Uint32Array;
  infos: Uint8Array;
}

/**
 * Decodes the postings in bytes[start, end) into `into` (its arrays must hold end - start
 * entries: a posting takes at least one byte) and returns how many there are. Throws on a list
 * that runs past its end (a damaged file). A plain loop into typed arrays: the queries' hot path.
 */
export function decodePostings(bytes: Uint8Array, start: number, end: number, into: DecodedPostings): number {
  const { docs, infos } = into;
  let at = start;
  let doc = 0;
  let count = 0;
  while (at < end) {
    let b = bytes[at++]!;
    let value = b & 0x7f;
    for (let shift = 7; b & 0x80 && shift < 35; shift += 7) {
      b = bytes[at++]!;
      value |= (b & 0x7f) << shift;
    }
    value >>>= 0;
    doc += value >>> 1;
    docs[count] = doc;
    if (value & 1) {
      if (at >= end) throw new Error('posting list cut short');
      infos[count++] = bytes[at++]!;
    } else infos[count++] = PLAIN;
  }
  if (at > end) throw new Error('posting list cut short');
  return count;
}

let shared: DecodedPostings = { docs: new Uint32Array(1024), infos: new Uint8Array(1024) };

/** Room for decoding `bytes` bytes of postings (one buffer, reused). */
export function decodeBuffer(bytes: number): DecodedPostings {
  if (shared.docs.length < bytes) {
    const size = Math.max(bytes, shared.docs.length * 2);
    shared = { docs: new Uint32Array(size), infos: new Uint8Array(size) };
  }
  return shared;
}

/** Calls `visit(articleNo, info)` for each posting in bytes[start, end). */
export function forEachPosting(bytes: Uint8Array, start: number, end: number, visit: (doc: number, info: number) => void): void {
  const { docs, infos } = decodeBuffer(end - start);
  const count = decodePostings(bytes, start, end, { docs, infos });
  for (let i = 0; i < count; i++) visit(docs[i]!, infos[i]!);
}

/** Appends postings [doc, info, doc, info, …] (ascending docs, all after `previous`) to `out`. */
export function writePostings(out: ByteWriter, postings: ArrayLike<number>, previous: number): void {
  let last = previous;
  for (let i = 0; i < postings.length; i += 2) {
    const doc = postings[i]!;
    const info = postings[i + 1]!;
    const extra = info === PLAIN ? 0 : 1;
    out.varint((doc - last) * 2 + extra);
    if (extra) out.byte(info);
    last = doc;
  }
}
