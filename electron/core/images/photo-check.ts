/**
 * Photos are checked before they are served. A cache file is named by the SHA-256 of its bytes
 * (cache.ts), so a file truncated or overwritten on disk no longer matches its name: it is
 * removed (the next sync stores it again, see sync/article.ts needsWork) and the host answers 404,
 * never damaged bytes. A file that checked out is remembered by size and mtime, so each photo is
 * hashed once per process, not per request.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';

const HASHED_NAME = /^([0-9a-f]{64})\.[a-z0-9]{1,5}$/;
const checked = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

export type PhotoCheck = 'ok' | 'missing' | 'damaged';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks a resolved cache file against the hash in its name; removes it when damaged. Files not
 * named by a hash are only checked for existence. */
export async function checkPhotoFile(file: string): Promise<PhotoCheck> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return 'missing';
  }
  if (!info.isFile()) return 'missing';
  const expected = HASHED_NAME.exec(path.basename(file))?.[1];
  if (!expected) return 'ok';
  const stamp = `${info.size}:${info.mtimeMs}`;
  if (checked.get(file) === stamp) return 'ok';
  let actual: string;
  try {
    actual = await sha256Of(file);
  } catch {
    return 'missing';
  }
  if (actual !== expected) {
    checked.delete(file);
    await rm(file, { force: true }).catch(() => undefined);
    return 'damaged';
  }
  if (checked.size >= MAX_REMEMBERED) checked.clear();
  checked.set(file, stamp);
  return 'ok';
}
