/**
 * The photo cache: downloads a photo, accepts it only when its bytes are a JPEG, PNG, GIF, WebP
 * or AVIF (sniffed magic bytes, never the URL or Content-Type; HTML and SVG are refused), reads
 * its size from the header (refusing > 50 megapixels before anything decodes it), and stores it
 * as "<sha256>.<ext>" in the photos folder with a temp file + fsync + rename. Idempotent.
 * Photos stored at the same time share one fsync of the folder (each caller waits for an fsync
 * that started after its rename).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { fetchUrl } from '../fetch/http';
import type { CachedPhoto, FetchOptions } from '../types';

export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 50_000_000;
/** At most this many photos are stored per article (the first ones: lead photo, then in body order). */
export const PHOTOS_PER_ARTICLE_MAX = 200;
/** And at most this many bytes of photos per article (one photo at the per-photo cap always fits). */
export const ARTICLE_PHOTO_BUDGET_BYTES = 50 * 1024 * 1024;
export const PHOTO_ACCEPT = 'image/avif,image/webp,image/jpeg,image/png,image/gif;q=0.9,*/*;q=0.1';

export type PhotoRejectReason = 'not-an-image' | 'pixel-bomb' | 'unreadable' | 'not-modified';

export class PhotoRejectedError extends Error {
  readonly reason: PhotoRejectReason;
  constructor(reason: PhotoRejectReason, message: string) {
    super(message);
    this.name = 'PhotoRejectedError';
    this.reason = reason;
  }
}

export interface SniffedImage {
  ext: 'jpg' | 'png' | 'gif' | 'webp' | 'avif';
  mime: string;
}

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** Image type from magic bytes, or null (HTML, SVG, text, anything else). */
export function sniffImage(bytes: Buffer): SniffedImage | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { ext: 'png', mime: 'image/png' };
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return { ext: 'gif', mime: 'image/gif' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { ext: 'webp', mime: 'image/webp' };
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    const brands = [ascii(bytes, 8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(bytes, i, i + 4));
    if (brands.includes('avif') || brands.includes('avis')) return { ext: 'avif', mime: 'image/avif' };
  }
  return null;
}

/** Checks the bytes and returns type and size; throws PhotoRejectedError. */
export function inspectPhoto(bytes: Buffer): SniffedImage & { width: number; height: number } {
  const sniffed = sniffImage(bytes);
  if (!sniffed) {
    const head = ascii(bytes, 0, 256).trimStart().toLowerCase();
    const what = head.startsWith('<svg') || head.includes('<svg') ? 'an SVG' : head.startsWith('<') ? 'HTML or XML' : 'not a JPEG, PNG, GIF, WebP or AVIF';
    throw new PhotoRejectedError('not-an-image', `refused a photo that is ${what}`);
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw new PhotoRejectedError('unreadable', `unreadable ${sniffed.ext} header: ${(error as Error).message}`);
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (!(width > 0 && height > 0)) throw new PhotoRejectedError('unreadable', `the ${sniffed.ext} header gives no size`);
  if (width * height > PHOTO_MAX_PIXELS) {
    throw new PhotoRejectedError('pixel-bomb', `refused a ${width}x${height} photo (over ${PHOTO_MAX_PIXELS / 1_000_000} megapixels)`);
  }
  return { ...sniffed, width, height };
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some platforms cannot fsync a directory; the rename is still atomic
  }
}

interface DirSync {
  running: Promise<void> | null;
  next: Promise<void> | null;
}
const dirSyncs = new Map<string, DirSync>();

/** Resolves after an fsync of `dir` that started after this call; concurrent callers share one. */
function syncDirShared(dir: string): Promise<void> {
  let state = dirSyncs.get(dir);
  if (!state) dirSyncs.set(dir, (state = { running: null, next: null }));
  const s = state;
  const run = (): Promise<void> =>
    (s.running = fsyncDir(dir).finally(() => {
      s.running = null;
    }));
  if (!s.running) return run();
  s.next ??= s.running.then(() => {
    s.next = null;
    return run();
  });
  return s.next;
}

/** Folders known to exist (one mkdir per folder and process, not one per photo). */
const madeDirs = new Set<string>();

async function writeNew(temp: string, bytes: Buffer): Promise<void> {
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Stores checked photo bytes in the cache (content-addressed). */
export async function storePhotoBytes(bytes: Buffer, photosDir: string): Promise<CachedPhoto> {
  const info = inspectPhoto(bytes);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const file = `${hash}.${info.ext}`;
  const target = path.join(photosDir, file);
  const result: CachedPhoto = { file, mime: info.mime, width: info.width, height: info.height, bytes: bytes.length };
  if (!madeDirs.has(photosDir)) {
    await mkdir(photosDir, { recursive: true });
    madeDirs.add(photosDir);
  }
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.length) return result;
  const temp = path.join(photosDir, `.${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    try {
      await writeNew(temp, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder was removed since it was made: make it again.
      madeDirs.delete(photosDir);
      await mkdir(photosDir, { recursive: true });
      madeDirs.add(photosDir);
      await writeNew(temp, bytes);
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirShared(photosDir);
  return result;
}

/** Downloads a photo's bytes (20 MiB cap, image Accept header), without storing them. */
export async function downloadPhoto(url: string, opts: FetchOptions = {}): Promise<Buffer> {
  const { etag: _etag, lastModified: _lastModified, ...rest } = opts;
  const res = await fetchUrl(url, {
    ...rest,
    accept: PHOTO_ACCEPT,
    maxBytes: Math.min(rest.maxBytes ?? PHOTO_MAX_BYTES, PHOTO_MAX_BYTES),
  });
  if (res.notModified) throw new PhotoRejectedError('not-modified', `no body for ${url} (304)`);
  return res.body;
}

/** Downloads a photo and stores it. */
export async function cachePhoto(url: string, photosDir: string, opts: FetchOptions = {}): Promise<CachedPhoto> {
  return storePhotoBytes(await downloadPhoto(url, opts), photosDir);
}

/**
 * One article's share of the photo cache: the first PHOTOS_PER_ARTICLE_MAX photos asked for, and
 * photos only while their bytes fit in ARTICLE_PHOTO_BUDGET_BYTES. `admit` is called in the
 * article's order before a download; `fits` after it (synchronously, so parallel downloads never
 * store more than the budget together).
 */
export class ArticlePhotoBudget {
  private admitted = 0;
  private bytes = 0;
  /** Photos left out (over the count, or over the bytes). */
  overCount = 0;
  overBytes = 0;

  constructor(
    private readonly maxPhotos = PHOTOS_PER_ARTICLE_MAX,
    private readonly maxBytes = ARTICLE_PHOTO_BUDGET_BYTES,
  ) {}

  /** True when one more photo may be downloaded. */
  admit(): boolean {
    if (this.admitted >= this.maxPhotos || this.bytes >= this.maxBytes) {
      if (this.admitted >= this.maxPhotos) this.overCount++;
      else this.overBytes++;
      return false;
    }
    this.admitted++;
    return true;
  }

  /** True (and counted) when `size` more bytes fit. */
  fits(size: number): boolean {
    if (this.bytes + size > this.maxBytes) {
      this.overBytes++;
      return false;
    }
    this.bytes += size;
    return true;
  }

  /** The warning for the photos left out, or null. */
  warning(): string | null {
    const parts: string[] = [];
    if (this.overCount) parts.push(`${this.overCount} beyond the first ${this.maxPhotos}`);
    if (this.overBytes) parts.push(`${this.overBytes} over the ${Math.round(this.maxBytes / 1024 / 1024)} MB of photos kept per article`);
    return parts.length ? `photos not stored: ${parts.join(', ')}` : null;
  }
}

const CACHE_NAME = /^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/;

/** Absolute path of a cached photo, or null unless `name` is a plain cache file name of an existing file. */
export function resolveCachedPhoto(photosDir: string, name: string): string | null {
  if (typeof name !== 'string' || !CACHE_NAME.test(name)) return null;
  const dir = path.resolve(photosDir);
  const full = path.join(dir, name);
  if (path.dirname(full) !== dir) return null;
  try {
    return lstatSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}
