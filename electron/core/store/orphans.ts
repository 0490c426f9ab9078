/**
 * Photos nobody shows any more, and disk use. Orphaned photos (photos/<file> no summary lists, and
 * no body without a summary shows) older than a grace period are deleted; the grace period
 * protects files written just before the summary that will name them (a sync downloads photos and
 * writes the body before the index). Bodies are never collected here: a body no summary names is
 * taken back on open (recovery.ts), since a missing summary means "rebuild", never "garbage".
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StorageInfo } from './retention';

export interface OrphanScan {
  photosDir: string;
  photoInUse: (file: string) => boolean;
  /** Only files last modified before this time (ms since epoch) are removed. */
  modifiedBefore: number;
}

export async function collectOrphans(scan: OrphanScan): Promise<{ photosRemoved: number; bytesFreed: number }> {
  let photosRemoved = 0;
  let bytesFreed = 0;
  for (const name of await fs.readdir(scan.photosDir)) {
    if (name.startsWith('.') || scan.photoInUse(name)) continue;
    const file = path.join(scan.photosDir, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.mtimeMs >= scan.modifiedBefore) continue;
      await fs.rm(file, { force: true });
      bytesFreed += stat.size;
      photosRemoved++;
    } catch {
      // gone meanwhile
    }
  }
  return { photosRemoved, bytesFreed };
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
