/**
 * Store benchmark (`npm run bench -- store`): a generated data folder of 50k articles (bodies
 * ~10 KB, 2 photo references each, 200 sources over a year), measured in a fresh child process:
 * cold open to first query, committing 100 new articles (main-thread time = event-loop active time,
 * wall time, bytes written from /proc/self/io), saving one article from half a year ago, and RSS. Side by side
 * with the naive design: everything (summaries and bodies) in one lowdb JSONFile.
 * Env: BENCH_STORE_ARTICLES (default 50000).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { articleIdFor } from '../electron/core/store/ids';
import type { StoredSummary } from '../electron/core/store/schema';
import { NewsStore, type ArticleInput } from '../electron/core/store/store';
import { partitionOf } from '../electron/core/store/summaries';

const SOURCES = 200;
const PHOTOS = 400;
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 28);
const PARAGRAPH = 'The council met on Tuesday to discuss the harbour plan, and residents filled the hall to hear it. ';
const BODY_TEXT = PARAGRAPH.repeat(45); // ~4.4 KB
const photoName = (i: number) => `${(i % PHOTOS).toString(16).padStart(64, '0')}.jpg`;

function summaryOf(i: number): StoredSummary {
  const link = `https://news${i % SOURCES}.example/story/${i}`;
  const key = `url:${link}`;
  const published = new Date(START - Math.floor((i / 50_000) * 365 * DAY) - (i % 1000) * 1000).toISOString();
  return {
    id: articleIdFor(key),
    url: link,
    canonicalUrl: link,
    sourceId: `s${(i % SOURCES).toString(16).padStart(12, '0')}`,
    sourceTitle: `Source ${i % SOURCES}`,
    sectionPath: ['News', ['World', 'City', 'Business', 'Sport', 'Culture'][i % 5]!],
    title: `Harbour plan story number ${i} draws a crowd to the council hall`,
    dek: 'Residents filled the hall to hear the plan for the old harbour.',
    byline: 'A. Reporter',
    publishedAt: published,
    updatedAt: null,
    thumbnail: photoName(i),
    saved: i % 97 === 0,
    savedAt: i % 97 === 0 ? published : null,
    read: i % 3 === 0,
    offline: true,
    fetchedAt: published,
    contentSource: 'page',
    keys: [key],
    feedFingerprint: 'f'.repeat(16),
    photos: [photoName(i), photoName(i + 1)],
  };
}

function bodyOf(i: number, id: string) {
  return {
    schemaVersion: 2,
    id,
    photo: { file: photoName(i), url: `https://img.example/${i}.jpg`, caption: 'The hall', credit: 'Photo desk', alt: 'A hall', width: 800, height: 500 },
    bodyHtml: `<p>${BODY_TEXT}</p><figure><img src="/photos/${photoName(i + 1)}" alt=""></figure><p>${BODY_TEXT.slice(0, 500)}</p>`,
    bodyText: BODY_TEXT,
    related: [],
    siteName: 'Example',
    language: 'en',
  };
}

function head(schemaVersion: number) {
  const sources: Record<string, unknown> = {};
  for (let s = 0; s < SOURCES; s++) {
    const id = `s${s.toString(16).padStart(12, '0')}`;
    sources[id] = { id, url: `https://news${s}.example/feed.xml`, title: `Source ${s}`, siteUrl: '', addedAt: new Date(START - 400 * DAY).toISOString(), lastSyncAt: null, lastError: null, etag: null, lastModified: null, feedUrl: null };
  }
  return { schemaVersion, sources, settings: { keepDays: 3650, maxPerSource: 100_000, keepNewest: 20 }, sync: { lastSyncAt: null, lastSyncReachedHost: true }, firstRunSeededAt: null };
}

/** Writes the naive single lowdb file (summaries with their bodies) for n articles. */
function generateNaive(file: string, n: number): void {
  const naive = fs.openSync(file, 'w');
  fs.writeSync(naive, JSON.stringify(head(1)).slice(0, -1) + ',"articles":{');
  for (let i = 0; i < n; i++) {
    const s = summaryOf(i);
    fs.writeSync(naive, `${i ? ',' : ''}${JSON.stringify(s.id)}:${JSON.stringify({ ...s, body: bodyOf(i, s.id) })}`);
  }
  fs.writeSync(naive, '}}');
  fs.closeSync(naive);
}

/** Writes our layout and the naive single file for n articles. */
export function generate(root: string, n: number): { ours: string; naive: string } {
  const ours = path.join(root, 'ours');
  for (const d of ['articles', 'photos', 'summaries']) fs.mkdirSync(path.join(ours, d), { recursive: true });
  for (let p = 0; p < PHOTOS; p++) fs.writeFileSync(path.join(ours, 'photos', photoName(p)), 'tiny-jpeg');
  fs.writeFileSync(path.join(ours, 'index.json'), JSON.stringify(head(2)));
  const partitions = new Map<string, Record<string, StoredSummary>>();
  for (let i = 0; i < n; i++) {
    const s = summaryOf(i);
    const body = bodyOf(i, s.id);
    const day = partitionOf(s);
    (partitions.get(day) ?? partitions.set(day, {}).get(day)!)[s.id] = s;
    fs.writeFileSync(path.join(ours, 'articles', `${s.id}.json`), JSON.stringify(body));
  }
  const naiveFile = path.join(root, 'naive.json');
  generateNaive(naiveFile, n);
  for (const [day, articles] of partitions) {
    fs.writeFileSync(path.join(ours, 'summaries', `${day}.json`), JSON.stringify({ schemaVersion: 2, partition: day, articles }));
  }
  return { ours, naive: naiveFile };
}

export function newInput(i: number): ArticleInput {
  const s = summaryOf(10_000_000 + i);
  const b = bodyOf(i, s.id);
  return { ...s, publishedAt: new Date(START + 3_600_000).toISOString(), photo: b.photo, bodyHtml: b.bodyHtml, bodyText: b.bodyText, related: [], siteName: 'Example', language: 'en' };
}

function writtenBytes(): number {
  const match = /wchar:\s*(\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/** Runs `fn` and returns its wall time, event-loop active (main-thread) time and bytes written. */
async function measure(fn: () => Promise<unknown>): Promise<{ wallMs: number; mainMs: number; bytes: number }> {
  const elu = performance.eventLoopUtilization();
  const bytes = writtenBytes();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const used = performance.eventLoopUtilization(elu);
  return { wallMs, mainMs: used.active, bytes: writtenBytes() - bytes };
}

async function child(kind: string, target: string): Promise<void> {
  const t0 = performance.now();
  let result: Record<string, unknown>;
  if (kind === 'ours') {
    // As the service opens it: the newest 500 summaries, the older days in the background.
    const store = await NewsStore.open(target, { progressive: 500 });
    const first = store.listArticles({ limit: 50 });
    const openMs = performance.now() - t0;
    await store.whenLoaded();
    store.listSections();
    const fullMs = performance.now() - t0;
    const inputs = Array.from({ length: 200 }, (_, i) => newInput(i));
    const firstCommit = await measure(() => Promise.all(inputs.slice(0, 100).map((input) => store.upsertArticle(input))));
    const commit = await measure(() => Promise.all(inputs.slice(100).map((input) => store.upsertArticle(input))));
    const queryAfterMs = await measure(async () => store.listArticles({ limit: 50 }));
    // An unsaved article from half a year ago (a typical day partition of ~140 summaries).
    const old = store.sortedSummaries().slice(store.articleCount() / 2).find((s) => !s.saved)!.id;
    const save = await measure(() => store.setSaved(old, true));
    result = { openMs, fullMs, first: first.length, firstCommit, commit, queryAfterMs: queryAfterMs.wallMs, save, count: store.articleCount() };
    await store.close();
  } else {
    const db = new Low<{ articles: Record<string, StoredSummary & { body: unknown }> }>(new JSONFile(target), { articles: {} });
    await db.read();
    const first = Object.values(db.data.articles)
      .sort((a, b) => Date.parse(b.publishedAt ?? b.fetchedAt) - Date.parse(a.publishedAt ?? a.fetchedAt))
      .slice(0, 50);
    const openMs = performance.now() - t0;
    const inputs = Array.from({ length: 200 }, (_, i) => newInput(i));
    const batch = (from: number) => async () => {
      for (let i = from; i < from + 100; i++) {
        const input = inputs[i]!;
        const s = input as unknown as StoredSummary;
        db.data.articles[s.id] = { ...s, body: bodyOf(i, s.id) };
      }
      await db.write();
    };
    const firstCommit = await measure(batch(0));
    const commit = await measure(batch(100));
    const oldest = Object.values(db.data.articles).slice(Object.keys(db.data.articles).length / 2).find((a) => !a.saved)!;
    const save = await measure(async () => {
      oldest.saved = true;
      await db.write();
    });
    result = { openMs, first: first.length, firstCommit, commit, save, count: Object.keys(db.data.articles).length };
  }
  result.rssMb = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(kind: string, target: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, target], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) {
    const lines = (out.stderr || `exit ${out.status}`).split('\n');
    return { error: lines.find((l) => /Error|heap/i.test(l))?.trim() ?? lines.filter(Boolean).slice(-1)[0] };
  }
  return JSON.parse(line);
}

export async function runStoreBench(
  n = Number(process.env.BENCH_STORE_ARTICLES ?? 50_000),
  smallN = Number(process.env.BENCH_STORE_NAIVE_SMALL ?? 10_000),
) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  try {
    const t0 = performance.now();
    const { ours, naive } = generate(root, n);
    const generateMs = performance.now() - t0;
    const size = (p: string) => fs.statSync(p).size;
    const naiveSmall = path.join(root, 'naive-small.json');
    generateNaive(naiveSmall, smallN);
    const summariesBytes = fs.readdirSync(path.join(ours, 'summaries')).reduce((t, f) => t + size(path.join(ours, 'summaries', f)), 0);
    return {
      n,
      generateMs,
      naiveFileMb: size(naive) / 2 ** 20,
      summariesMb: summariesBytes / 2 ** 20,
      partitions: fs.readdirSync(path.join(ours, 'summaries')).length,
      ours: runChild('ours', ours),
      naive: runChild('naive', naive),
      smallN,
      naiveSmallFileMb: size(naiveSmall) / 2 ** 20,
      naiveSmall: runChild('naive', naiveSmall),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
