/**
 * Search benchmark (`npm run bench -- search`): a generated data folder of 50k articles whose text
 * varies like news (a Zipf-distributed vocabulary of ~60k words, some accented; ~10 KB bodies),
 * measured in fresh child processes: building the index from the bodies (time, RSS, file size),
 * then a start as the service does it (store opened progressively, index file loaded in the
 * background: time until search is ready, RSS), then search latency over a mixed query set (one
 * and two words, typos, missing accents, prefixes, section and saved filters): p50/p95 of the
 * index query alone and of the whole answer (filters, summaries, snippets from the hits' bodies).
 * The whole answer is measured with limit 30, the page size of the Search screen.
 * Env: BENCH_SEARCH_ARTICLES (default 50000), BENCH_SEARCH_DIR (reuse/keep a generated folder).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEX_FILE, SearchEngine } from '../electron/core/search/search-engine';
import { articleIdFor } from '../electron/core/store/ids';
import type { StoredSummary } from '../electron/core/store/schema';
import { NewsStore } from '../electron/core/store/store';
import { partitionOf } from '../electron/core/store/summaries';

const SOURCES = 200;
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 28);
const SECTIONS = [['News', 'World'], ['News', 'City'], ['Business'], ['Sport'], ['Culture'], ['News', 'Politics']];
const FUNCTION_WORDS = 'the of and to a in that is for on it with as was he be by at this from have are not but had his they an or which were their has been will would who more one said after also'.split(' ');
const ACCENTED = ['café', 'résumé', 'São', 'Zürich', 'Málaga', 'Señora', 'naïve', 'Kraków', 'Ålesund', 'Dvořák', 'Gdańsk', 'fiancée', 'Peña', 'Besançon', 'Québec'];

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi ga go ha he ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi wa we ya zo ar en or an in on er st tr pl'.split(' ');

function vocabulary(size: number): string[] {
  const random = rng(7);
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words, ...ACCENTED];
}

const VOCAB = vocabulary(60_000);
/** Zipf sampler over VOCAB (s = 1): cumulative weights, binary search. */
const CUMULATIVE = (() => {
  const c = new Float64Array(VOCAB.length);
  let total = 0;
  for (let i = 0; i < VOCAB.length; i++) c[i] = total += 1 / (i + 10);
  return c;
})();
function word(random: () => number): string {
  if (random() < 0.4) return FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)]!;
  const x = random() * CUMULATIVE[CUMULATIVE.length - 1]!;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo]!;
}
function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(word(random));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** Writes a data folder of n articles with varied text. */
export function generateSearchStore(dir: string, n: number): void {
  for (const d of ['articles', 'photos', 'summaries']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const sources: Record<string, unknown> = {};
  for (let s = 0; s < SOURCES; s++) {
    const id = `s${s.toString(16).padStart(12, '0')}`;
    sources[id] = { id, url: `https://news${s}.example/feed.xml`, title: `Source ${s}`, siteUrl: '', addedAt: new Date(START - 400 * DAY).toISOString(), lastSyncAt: null, lastError: null, etag: null, lastModified: null, feedUrl: null };
  }
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, sources, settings: { keepDays: 3650, maxPerSource: 100_000, keepNewest: 20 }, sync: { lastSyncAt: null, lastSyncReachedHost: true }, firstRunSeededAt: null }));
  const partitions = new Map<string, Record<string, StoredSummary>>();
  for (let i = 0; i < n; i++) {
    const random = rng(1000 + i);
    const link = `https://news${i % SOURCES}.example/story/${i}`;
    const published = new Date(START - Math.floor((i / n) * 365 * DAY) - (i % 1000) * 1000).toISOString();
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 10_000) {
      const p = Array.from({ length: 4 }, () => sentence(random, 8 + Math.floor(random() * 14))).join(' ');
      paragraphs.push(p);
      length += p.length;
    }
    const s: StoredSummary = {
      id: articleIdFor(`url:${link}`),
      url: link,
      canonicalUrl: link,
      sourceId: `s${(i % SOURCES).toString(16).padStart(12, '0')}`,
      sourceTitle: `Source ${i % SOURCES}`,
      sectionPath: SECTIONS[i % SECTIONS.length]!,
      title: sentence(random, 6 + Math.floor(random() * 6)).slice(0, -1),
      dek: sentence(random, 14 + Math.floor(random() * 10)),
      byline: `${word(random)} ${word(random)}`.replace(/\b\w/g, (c) => c.toUpperCase()),
      publishedAt: published,
      updatedAt: null,
      thumbnail: null,
      saved: i % 97 === 0,
      savedAt: i % 97 === 0 ? published : null,
      read: i % 3 === 0,
      offline: true,
      fetchedAt: published,
      contentSource: 'page',
      keys: [`url:${link}`],
      feedFingerprint: null,
      photos: [],
    };
    const body = { schemaVersion: 2, id: s.id, photo: null, bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''), bodyText: paragraphs.join('\n\n'), related: [], siteName: 'Example', language: 'en' };
    fs.writeFileSync(path.join(dir, 'articles', `${s.id}.json`), JSON.stringify(body));
    const day = partitionOf(s);
    (partitions.get(day) ?? partitions.set(day, {}).get(day)!)[s.id] = s;
  }
  for (const [day, articles] of partitions) {
    fs.writeFileSync(path.join(dir, 'summaries', `${day}.json`), JSON.stringify({ schemaVersion: 2, partition: day, articles }));
  }
}

/** A mixed query set: common and rare words, pairs, typos, no accents, prefixes, filters. */
export function queries(): { text: string; section?: string; saved?: boolean }[] {
  const random = rng(99);
  const pick = (from: number, to: number) => VOCAB[from + Math.floor(random() * (to - from))]!;
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w.slice(3) : w + 'e');
  const out: { text: string; section?: string; saved?: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ text: pick(0, 300) }); // common
    out.push({ text: pick(2000, 60_000) }); // rare
    out.push({ text: `${pick(0, 2000)} ${pick(0, 2000)}` }); // two words
    out.push({ text: typo(pick(0, 5000)) }); // a typo
    out.push({ text: pick(0, 5000).slice(0, 4) }); // being typed (prefix)
    out.push({ text: ACCENTED[i % ACCENTED.length]!.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase() }); // no accent
    out.push({ text: pick(0, 3000), section: 'News' });
    out.push({ text: pick(0, 3000), saved: true });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function child(kind: string, dir: string): Promise<void> {
  const t0 = performance.now();
  const mb = () => process.memoryUsage().rss / 2 ** 20;
  if (kind === 'build') {
    fs.rmSync(path.join(dir, SEARCH_INDEX_FILE), { force: true });
    const store = await NewsStore.open(dir, { lock: false });
    const engine = SearchEngine.start(store);
    await engine.whenReady();
    const buildMs = performance.now() - t0;
    const rssMb = mb();
    const terms = (engine as unknown as { index: { termCount: number } }).index.termCount;
    await engine.close();
    const fileMb = fs.statSync(path.join(dir, SEARCH_INDEX_FILE)).size / 2 ** 20;
    await store.close();
    process.stdout.write(`${JSON.stringify({ buildMs, rssMb, fileMb, terms, indexed: engine.stats.indexed })}\n`);
    return;
  }
  // As the service starts: the store progressively, the index in the background.
  const store = await NewsStore.open(dir, { lock: false, progressive: 500 });
  const engine = SearchEngine.start(store);
  const firstScreenMs = performance.now() - t0;
  let allReadMs = 0;
  void store.whenAllRead().then(() => (allReadMs = performance.now() - t0));
  await engine.whenReady();
  const readyMs = performance.now() - t0;
  const startCpuMs = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
  const rssMb = mb();
  const set = queries();
  const core = engine as unknown as { index: { search(text: string): unknown } };
  for (const q of set.slice(0, 20)) await engine.search(q); // warm up
  const indexTimes: number[] = [];
  const indexCpu: number[] = [];
  const fullTimes: number[] = [];
  let hits = 0;
  for (const q of set) {
    let t = performance.now();
    const cpu = process.cpuUsage();
    core.index.search(q.text);
    indexTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    indexCpu.push((used.user + used.system) / 1000);
    t = performance.now();
    const r = await engine.search({ ...q, limit: 30 });
    fullTimes.push(performance.now() - t);
    hits += r.total;
  }
  indexTimes.sort((a, b) => a - b);
  indexCpu.sort((a, b) => a - b);
  fullTimes.sort((a, b) => a - b);
  await engine.close();
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ firstScreenMs, readyMs, allReadMs, readMs: engine.stats.readMs, parseMs: engine.stats.parseMs, loadMs: engine.stats.loadMs, origin: engine.stats.origin, rssMb, queries: set.length, avgHits: hits / set.length, index: { p50: percentile(indexTimes, 50), p95: percentile(indexTimes, 95), cpuP50: percentile(indexCpu, 50), cpuP95: percentile(indexCpu, 95) }, startCpuMs, full: { p50: percentile(fullTimes, 50), p95: percentile(fullTimes, 95) } })}\n`,
  );
}

function runChild(kind: string, dir: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) return { error: (out.stderr || `exit ${out.status}`).split('\n').filter(Boolean).slice(-3).join(' | ') };
  return JSON.parse(line);
}

export async function runSearchBench(n = Number(process.env.BENCH_SEARCH_ARTICLES ?? 50_000)) {
  const keep = process.env.BENCH_SEARCH_DIR;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  try {
    const t0 = performance.now();
    if (!keep || !fs.existsSync(path.join(dir, 'index.json'))) generateSearchStore(dir, n);
    const generateMs = performance.now() - t0;
    const build = runChild('build', dir);
    const start = runChild('start', dir);
    return { n, generateMs, build, start };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
