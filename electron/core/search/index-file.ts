/**
 * The file form of the search index (`search-index.bin`), made to load in a few tens of
 * milliseconds: a 16-byte preamble ("ONSI", format version, CRC-32 of everything after the
 * preamble, header length), a JSON header (article ids and stamps, the sorted terms, counts), then
 * the binary parts, each starting at a multiple of 4 bytes so they are read as typed-array views
 * without copying: body lengths (u16 per article), dead flags (u8 per article), term offsets
 * (u32, terms + 1), df (u32 per term), last article (u32 per term), and the posting bytes.
 * See docs/STORAGE.md.
 */
import zlib from 'node:zlib';
import type { Segment } from './segment';

export const MAGIC = 0x49534e4f; // "ONSI" little-endian
export const FILE_VERSION = 3; // 3: own posting lists over whole bodies (1-2: minisearch, search-index.json)

export interface IndexFileContent {
  savedAt: string;
  /** The CRC-32 the file says it has (checked by verifyIndexFile, in the background). */
  crc?: number;
  ids: string[];
  stamps: string[];
  /** Words in each article's body (capped at 65535). */
  bodyLengths: Uint16Array;
  /** 1 for an article removed or replaced since the last compaction. */
  dead: Uint8Array;
  segment: Segment;
}

interface Header {
  format: 'offline-news-search';
  savedAt: string;
  ids: string[];
  stamps: string[];
  terms: string[];
  postingBytes: number;
}

/** The file is of another version (rebuilt without a note). */
export class OutdatedIndexError extends Error {}

const pad4 = (n: number) => (n + 3) & ~3;

function crc32(bytes: Uint8Array): number | null {
  const fn = (zlib as { crc32?: (data: Uint8Array) => number }).crc32; // Node >= 20.15 and 22.2
  return typeof fn === 'function' ? fn(bytes) >>> 0 : null;
}

export function encodeIndexFile(content: IndexFileContent): Buffer {
  const { ids, segment } = content;
  const header: Header = { format: 'offline-news-search', savedAt: content.savedAt, ids, stamps: content.stamps, terms: segment.terms, postingBytes: segment.bytes.length };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const n = ids.length;
  const t = segment.terms.length;
  const parts: [Uint8Array, number][] = [
    [new Uint8Array(content.bodyLengths.buffer, content.bodyLengths.byteOffset, n * 2), n * 2],
    [content.dead.subarray(0, n), n],
    [new Uint8Array(segment.offsets.buffer, segment.offsets.byteOffset, (t + 1) * 4), (t + 1) * 4],
    [new Uint8Array(segment.df.buffer, segment.df.byteOffset, t * 4), t * 4],
    [new Uint8Array(segment.last.buffer, segment.last.byteOffset, t * 4), t * 4],
    [segment.bytes, segment.bytes.length],
  ];
  let size = 16 + pad4(headerBytes.length);
  for (const [, length] of parts) size += pad4(length);
  const file = Buffer.alloc(size);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(FILE_VERSION, 4);
  file.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(file, 16);
  let at = 16 + pad4(headerBytes.length);
  for (const [bytes, length] of parts) {
    file.set(bytes.subarray(0, length), at);
    at += pad4(length);
  }
  file.writeUInt32LE(crc32(file.subarray(16)) ?? 0, 8);
  return file;
}

function copyOf(data: Buffer): Buffer {
  const copy = Buffer.alloc(data.length); // never pooled: starts at offset 0
  data.copy(copy);
  return copy;
}

/**
 * Reads a file written by encodeIndexFile; throws with the reason when it is damaged. Checks the
 * structure only: the checksum (~0.25 s for 80 MB) is left to verifyIndexFile.
 */
export function decodeIndexFile(data: Buffer): IndexFileContent {
  // Typed-array views need 4-byte alignment of the underlying memory.
  const file = data.byteOffset % 4 === 0 ? data : copyOf(data);
  if (file.length < 16 || file.readUInt32LE(0) !== MAGIC) throw new Error('not a search index file');
  const version = file.readUInt32LE(4);
  if (version !== FILE_VERSION) throw new OutdatedIndexError(`index version ${version}, this app writes ${FILE_VERSION}`);
  const headerLength = file.readUInt32LE(12);
  if (16 + headerLength > file.length) throw new Error('header cut short');
  const header = JSON.parse(file.toString('utf8', 16, 16 + headerLength)) as Partial<Header>;
  if (header.format !== 'offline-news-search' || !Array.isArray(header.ids) || !Array.isArray(header.stamps) || !Array.isArray(header.terms) || typeof header.postingBytes !== 'number') {
    throw new Error('header incomplete');
  }
  const n = header.ids.length;
  const t = header.terms.length;
  if (header.stamps.length !== n) throw new Error(`${header.stamps.length} stamps for ${n} articles`);
  let at = 16 + pad4(headerLength);
  const take = (length: number): number => {
    const start = at;
    at += pad4(length);
    if (start + length > file.length) throw new Error('file cut short');
    return file.byteOffset + start;
  };
  const buffer = file.buffer;
  const bodyLengths = new Uint16Array(buffer, take(n * 2), n);
  const dead = new Uint8Array(buffer, take(n), n);
  const offsets = new Uint32Array(buffer, take((t + 1) * 4), t + 1);
  const df = new Uint32Array(buffer, take(t * 4), t);
  const last = new Uint32Array(buffer, take(t * 4), t);
  const bytes = new Uint8Array(buffer, take(header.postingBytes), header.postingBytes);
  if (offsets[t] !== header.postingBytes) throw new Error('term offsets do not match the postings');
  for (let i = 0; i < t; i++) if (offsets[i]! > offsets[i + 1]!) throw new Error('term offsets out of order');
  return { savedAt: String(header.savedAt ?? ''), crc: file.readUInt32LE(8), ids: header.ids, stamps: header.stamps, bodyLengths, dead, segment: { terms: header.terms, offsets, df, last, bytes } };
}

/**
 * Whether the file's bytes match its checksum, computed in slices of `slice` bytes with a turn of
 * the event loop between them (so a large file is checked in the background). True when this
 * Node has no zlib.crc32.
 */
export async function verifyIndexFile(data: Uint8Array, slice = 4 << 20): Promise<boolean> {
  const fn = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof fn !== 'function' || data.length < 16) return data.length >= 16;
  const expected = Buffer.from(data.buffer, data.byteOffset, 16).readUInt32LE(8);
  let crc = 0;
  for (let at = 16; at < data.length; at += slice) {
    crc = fn(data.subarray(at, Math.min(data.length, at + slice)), crc);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return crc >>> 0 === expected;
}
