/**
 * Files nobody references any more, and disk use. Orphaned bodies (articles/<id>.json and .bak of
 * an article no summary names) and photos (photos/<file> no summary lists) older than a grace
 * period are deleted; the grace period protects files written just before the summary that will
 * name them (a sync downloads photos and writes the body before the index).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StorageInfo } from './retention';

export interface OrphanScan {
  articlesDir: string;
  photosDir: string;
  isArticle: (id: string) => boolean;
  photoInUse: (file: string) => boolean;
  /** Only files last modified before this time (ms since epoch) are removed. */
  modifiedBefore: number;
}

export async function collectOrphans(scan: OrphanScan): Promise<{ bodiesRemoved: number; photosRemoved: number; bytesFreed: number }> {
  let bodiesRemoved = 0;
  let photosRemoved = 0;
  let bytesFreed = 0;
  const removeIfOld = async (file: string): Promise<boolean> => {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.mtimeMs >= scan.modifiedBefore) return false;
      await fs.rm(file, { force: true });
      bytesFreed += stat.size;
      return true;
    } catch {
      return false; // gone meanwhile
    }
  };
  for (const name of await fs.readdir(scan.articlesDir)) {
    const match = /^([A-Za-z0-9_-]{1,100})\.json(\.bak)?$/.exec(name);
    if (!match || scan.isArticle(match[1]!)) continue;
    if ((await removeIfOld(path.join(scan.articlesDir, name))) && !match[2]) bodiesRemoved++;
  }
  for (const name of await fs.readdir(scan.photosDir)) {
    if (name.startsWith('.') || scan.photoInUse(name)) continue;
    if (await removeIfOld(path.join(scan.photosDir, name))) photosRemoved++;
  }
  return { bodiesRemoved, photosRemoved, bytesFreed };
}

async function folderBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return { bytes, files };
  }
  for (let i = 0; i < names.length; i += 256) {
    const stats = await Promise.all(names.slice(i, i + 256).map((n) => fs.stat(path.join(dir, n)).catch(() => null)));
    for (const s of stats) {
      if (!s?.isFile()) continue;
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** Disk used by the data folder, by part. */
export async function storageInfo(dataDir: string, articles: number): Promise<StorageInfo> {
  let indexBytes = 0;
  let searchBytes = 0;
  for (const name of await fs.readdir(dataDir)) {
    const search = name.startsWith('search-index.');
    if (!name.startsWith('index.json') && !search) continue;
    const size = (await fs.stat(path.join(dataDir, name)).catch(() => null))?.size ?? 0;
    if (search) searchBytes += size;
    else indexBytes += size;
  }
  const [summaries, bodies, photos] = await Promise.all(
    ['summaries', 'articles', 'photos'].map((d) => folderBytes(path.join(dataDir, d))),
  );
  return {
    indexBytes,
    searchBytes,
    summariesBytes: summaries!.bytes,
    bodiesBytes: bodies!.bytes,
    photosBytes: photos!.bytes,
    totalBytes: indexBytes + searchBytes + summaries!.bytes + bodies!.bytes + photos!.bytes,
    articles,
    photos: photos!.files,
  };
}
