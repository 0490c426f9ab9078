/**
 * The 990 annotated real pages of the development data (trafilatura's evaluation set), read from
 * DEV_DATA (default ../shared/dev-data next to the project). The archive is unpacked once into a
 * cache folder under os.tmpdir(), never into the project. Pages are raw bytes, decoded as the sync
 * decodes a fetched page (decodeBody with an HTML content type).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeBody } from '../electron/core/fetch/decode';

export interface DevPage {
  url: string;
  file: string;
  html: string;
}

const ARCHIVE = 'trafilatura-eval.tar.xz';

/** Where the development data is, or a plain reason why it is not there. */
export function devDataDir(): { dir: string } | { missing: string } {
  const dir = path.resolve(process.env.DEV_DATA ?? path.join(process.cwd(), '..', 'shared', 'dev-data'));
  if (!fs.existsSync(path.join(dir, ARCHIVE))) return { missing: `no ${ARCHIVE} in ${dir} (set DEV_DATA to the dev-data folder)` };
  return { dir };
}

/** Unpacks the archive into os.tmpdir() once (keyed by its size and mtime) and returns the tests/ folder. */
function unpacked(dir: string): string {
  const archive = path.join(dir, ARCHIVE);
  const stat = fs.statSync(archive);
  const target = path.join(os.tmpdir(), `news-dev-data-${stat.size}-${Math.floor(stat.mtimeMs)}`);
  const done = path.join(target, '.unpacked');
  if (!fs.existsSync(done)) {
    fs.mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xJf', archive, '-C', target], { stdio: 'inherit' });
    fs.writeFileSync(done, new Date().toISOString());
  }
  return path.join(target, 'tests');
}

/** Every page of the evaluation set, in the order of evaldata.json. */
export function loadDevPages(dir: string, limit = Infinity): DevPage[] {
  const tests = unpacked(dir);
  const index = JSON.parse(fs.readFileSync(path.join(tests, 'evaldata.json'), 'utf8')) as Record<string, { file: string }>;
  const pages: DevPage[] = [];
  for (const [url, entry] of Object.entries(index)) {
    if (pages.length >= limit) break;
    const file = [path.join(tests, 'cache', entry.file), path.join(tests, 'eval', entry.file)].find((f) => fs.existsSync(f));
    if (!file) continue;
    pages.push({ url, file: entry.file, html: decodeBody(fs.readFileSync(file), 'text/html') });
  }
  return pages;
}
