/**
 * The annotated real pages of DEV_DATA's trafilatura-eval.tar.xz (default ../shared/dev-data) and
 * the upstream scoring rule (tests/eval_common.py in the archive): whitespace-normalized text;
 * each `with` segment found is a true positive, else a false negative; each `without` segment
 * found is a false positive; a crash or a refused page counts as every segment missed.
 * The archive is unpacked once into a cache folder under os.tmpdir(), never into the project.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EvalPage {
  url: string;
  file: string;
  with: string[];
  without: string[];
}

export interface EvalSet {
  dir: string;
  pages: EvalPage[];
}

const ARCHIVE = 'trafilatura-eval.tar.xz';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** DEV_DATA, else ../shared/dev-data next to the project. */
export function devDataDir(): string {
  return path.resolve(projectRoot, process.env.DEV_DATA ?? '../shared/dev-data');
}

/** Why the set cannot be read (absent data), or null when it can. */
export function evalSetMissing(): string | null {
  const archive = path.join(devDataDir(), ARCHIVE);
  return fs.existsSync(archive) ? null : `no ${ARCHIVE} in ${devDataDir()} (set DEV_DATA to the dev-data folder)`;
}

/** Unpacks the archive (once per archive version) and reads its annotations. */
export function loadEvalSet(): EvalSet {
  const archive = path.join(devDataDir(), ARCHIVE);
  const stat = fs.statSync(archive);
  const cache = path.join(os.tmpdir(), `offline-news-eval-${stat.size}-${Math.round(stat.mtimeMs)}`);
  const done = path.join(cache, '.unpacked');
  if (!fs.existsSync(done)) {
    // Unpacked beside, then renamed: two processes (bench and test) never see half a tree.
    const partial = `${cache}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    execFileSync('tar', ['-xJf', archive, '-C', partial], { stdio: 'ignore' });
    fs.writeFileSync(path.join(partial, '.unpacked'), new Date().toISOString());
    try {
      fs.renameSync(partial, cache);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // another process won the race
    }
  }
  const dir = path.join(cache, 'tests');
  const annotations = JSON.parse(fs.readFileSync(path.join(dir, 'evaldata.json'), 'utf8')) as Record<string, Omit<EvalPage, 'url'>>;
  const pages = Object.keys(annotations)
    .sort()
    .map((url) => ({ url, ...annotations[url]! }));
  return { dir, pages };
}

/** The page's raw bytes (tests/cache/<file>, else tests/eval/<file>). */
export function readPageBytes(set: EvalSet, page: EvalPage): Buffer {
  for (const sub of ['cache', 'eval']) {
    const file = path.join(set.dir, sub, page.file);
    if (fs.existsSync(file)) return fs.readFileSync(file);
  }
  throw new Error(`page file not found: ${page.file}`);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Python's re.sub(r"\s+", " ", text).strip(). */
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Counts for one page; `text` null = crashed or refused (every segment missed). */
export function countPage(page: EvalPage, text: string | null): Counts {
  const t = text === null ? null : norm(text);
  const tp = t === null ? 0 : page.with.filter((w) => t.includes(norm(w))).length;
  const fp = t === null ? 0 : page.without.filter((w) => t.includes(norm(w))).length;
  return { tp, fp, fn: page.with.length - tp, tn: page.without.length - fp };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

export function scores(c: Counts): { precision: number; recall: number; f: number } {
  return {
    precision: c.tp / (c.tp + c.fp || 1),
    recall: c.tp / (c.tp + c.fn || 1),
    f: (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1),
  };
}

/** A fixed sample of the pages: a seeded Fisher-Yates shuffle of the URL-sorted list, first n. */
export function seededSample<T>(items: T[], n: number, seed: number): T[] {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, n);
}
