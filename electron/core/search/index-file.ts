/**
 * The file form of the search index (`search-index.bin`), made to load in a few tens of
 * milliseconds: a 16-byte preamble ("ONSI", format version, CRC-32 of everything after the
 * preamble, header length), a JSON header (article ids and stamps, the sorted terms, counts), then
 * the binary parts, each starting at a multiple of 4 bytes so they are read as typed-array views
 * without copying (the checksum is checked later, in the background: verifyIndexFile): body
 * lengths (u16 per article), dead flags (u8 per article), term offsets
 * (u32, terms + 1), df (u32 per term), last article (u32 per term), and the posting bytes.
 * See docs/STORAGE.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { describeWriteError, syncDirectory } from '../store/durable-file';
import { PostingLists } from './segment';

export const MAGIC = 0x49534e4f; // "ONSI" little-endian
export const FILE_VERSION = 3; // 3: own posting lists over whole bodies (1-2: minisearch, search-index.json)

export interface IndexFileContent {
  savedAt: string;
  ids: string[];
  stamps: string[];
  /** Words in each article's body (capped at 65535). */
  bodyLengths: Uint16Array;
  /** 1 for an article removed or replaced since the last compaction. */
  dead: Uint8Array;
  postings: PostingLists;
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

/** The file as a sequence of byte chunks (the posting lists are not copied), CRC field zero. */
function fileChunks(content: IndexFileContent): Uint8Array[] {
  const { ids, postings } = content;
  const n = ids.length;
  const t = postings.terms.length;
  const offsets = new Uint32Array(t + 1);
  for (let i = 0; i < t; i++) offsets[i + 1] = offsets[i]! + postings.used[i]!;
  const header: Header = { format: 'offline-news-search', savedAt: content.savedAt, ids, stamps: content.stamps, terms: postings.terms, postingBytes: offsets[t]! };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(16);
  preamble.writeUInt32LE(MAGIC, 0);
  preamble.writeUInt32LE(FILE_VERSION, 4);
  preamble.writeUInt32LE(headerBytes.length, 12);
  const padded = (bytes: Uint8Array): Uint8Array[] => (bytes.length % 4 ? [bytes, new Uint8Array(4 - (bytes.length % 4))] : [bytes]);
  const view = (a: Uint16Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    preamble,
    ...padded(headerBytes),
    ...padded(view(content.bodyLengths.subarray(0, n))),
    ...padded(content.dead.subarray(0, n)),
    view(offsets),
    view(Uint32Array.from(postings.df)),
    view(Uint32Array.from(postings.last)),
    ...postings.lists.map((list, i) => list.subarray(0, postings.used[i]!)),
  ];
}

/** The whole file in one buffer (tests; the app writes with writeIndexFile). */
export function encodeIndexFile(content: IndexFileContent): Buffer {
  const file = Buffer.concat(fileChunks(content));
  file.writeUInt32LE(crc32(file.subarray(16)) ?? 0, 8);
  return file;
}

/**
 * Writes the file durably (temp file, fsync, rename, folder fsync) in 1 MiB blocks with a turn
 * of the event loop between them, computing the checksum on the way: never one large buffer.
 */
export async function writeIndexFile(file: string, content: IndexFileContent): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const crcOf = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    let filled = 0;
    let position = 0;
    let crc = 0;
    const flush = async () => {
      if (filled === 0) return;
      const bytes = block.subarray(0, filled);
      if (crcOf) crc = crcOf(position === 0 ? bytes.subarray(16) : bytes, crc);
      await handle.write(bytes, 0, filled, position);
      position += filled;
      filled = 0;
    };
    for (const chunk of fileChunks(content)) {
      for (let at = 0; at < chunk.length; ) {
        const take = Math.min(chunk.length - at, block.length - filled);
        block.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === block.length) await flush();
      }
    }
    await flush();
    const crcBytes = Buffer.alloc(4);
    crcBytes.writeUInt32LE(crc >>> 0, 0);
    await handle.write(crcBytes, 0, 4, 8);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw describeWriteError(error, file);
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw describeWriteError(error, file);
  }
  await syncDirectory(path.dirname(file));
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
  return { savedAt: String(header.savedAt ?? ''), ids: header.ids, stamps: header.stamps, bodyLengths, dead, postings: PostingLists.fromFile(header.terms, offsets, df, last, bytes) };
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
