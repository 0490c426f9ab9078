/**
 * Damaged store files, end to end through the real CLIs (`tsx electron/cli/sync.ts`, `export.ts`
 * as child processes) on real folders: a folder is synced from the fixture news server, one
 * article with a photo is saved, every file is aged past the orphan collector's grace period, then
 * one kind of store file is deleted or cut short (a day file and its .bak, a body file and its
 * .bak, index.json and its .bak). The next sync and export must keep the saved article with its
 * body and photo, and say in words what was repaired.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import { createNewsService } from '../core/service';
import { partitionOf } from '../core/store/summaries';
import { NewsStore } from '../core/store/store';
import type { ExportedArticle } from './export';
import { repoRoot, runCli } from './run-cli.fixture';

let news: NewsServer;
const dirs: string[] = [];

beforeAll(async () => {
  news = await startNewsServer();
});
afterAll(async () => {
  await news.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Prepared {
  dir: string;
  saved: ExportedArticle;
  /** The saved article's files. */
  dayFile: string;
  bodyFile: string;
  feed: string;
}

/** Every file under dir, modified an hour ago (so the grace period protects none of them). */
function age(dir: string): void {
  const then = new Date(Date.now() - 3_600_000);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), then, then);
  }
}

async function exportAll(dir: string): Promise<{ code: number | null; articles: ExportedArticle[]; stderr: string }> {
  const result = await runCli('export.ts', ['--data-dir', dir]);
  return { code: result.code, articles: result.code === 0 ? (JSON.parse(result.stdout) as ExportedArticle[]) : [], stderr: result.stderr };
}

/** A synced folder with one saved article that has a photo. */
async function prepare(): Promise<Prepared> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-damage-'));
  dirs.push(dir);
  const feed = `${news.url}/feeds/news.rss`;
  const synced = await runCli('sync.ts', ['--data-dir', dir, '--feed', feed]);
  expect(synced.code, synced.stderr).toBe(0);
  const store = await NewsStore.open(dir);
  const withPhoto = store.listArticles({}).find((a) => a.thumbnail && store.getSummary(a.id)?.offline)!;
  expect(withPhoto).toBeDefined();
  await store.setSaved(withPhoto.id, true);
  const dayFile = path.join(dir, 'summaries', `${partitionOf(store.getSummary(withPhoto.id)!)}.json`);
  await store.close();
  const exported = await exportAll(dir);
  const saved = exported.articles.find((a) => a.id === withPhoto.id)!;
  expect(saved.saved).toBe(true);
  expect(saved.bodyText.length).toBeGreaterThan(200);
  age(dir);
  return { dir, saved, dayFile, bodyFile: path.join(dir, 'articles', `${withPhoto.id}.json`), feed };
}

function cutShort(file: string): void {
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/** After a sync (which prunes) and an export: the saved article is whole, its photo on disk. */
async function expectSavedIntact(p: Prepared, syncArgs: string[] = []): Promise<{ syncErr: string; exportErr: string; articles: ExportedArticle[] }> {
  const synced = await runCli('sync.ts', ['--data-dir', p.dir, ...syncArgs]);
  expect(synced.code, synced.stdout + synced.stderr).toBe(0);
  const exported = await exportAll(p.dir);
  expect(exported.code, exported.stderr).toBe(0);
  const article = exported.articles.find((a) => a.id === p.saved.id);
  expect(article, 'the saved article is exported').toBeDefined();
  expect(article!.saved).toBe(true);
  expect(article!.offline).toBe(true);
  expect(article!.bodyText).toBe(p.saved.bodyText);
  expect(article!.photo?.file).toBe(p.saved.photo?.file);
  expect(fs.existsSync(article!.photo!.file!), 'its photo is on disk').toBe(true);
  return { syncErr: synced.stderr, exportErr: exported.stderr, articles: exported.articles };
}

describe('a saved article survives the loss of any one store file', () => {
  it('case 1: its day file and the .bak deleted: taken back from its body file, photo kept, user told', async () => {
    const p = await prepare();
    fs.rmSync(p.dayFile);
    fs.rmSync(`${p.dayFile}.bak`, { force: true });
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/warning: The list of some stored articles was missing or damaged; .* were recovered from their own files/);
  }, 60_000);

  it('case 1: its day file cut short with no .bak: the article keeps saved: true (not fetched again as unsaved)', async () => {
    const p = await prepare();
    cutShort(p.dayFile);
    fs.rmSync(`${p.dayFile}.bak`, { force: true });
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/was damaged \(.*\) and no usable backup exists; .* its articles are rebuilt from their body files/);
    expect(syncErr).toMatch(/recovered from their own files/);
  }, 60_000);

  it('case 1: its day file cut short with its .bak there: restored from the .bak', async () => {
    const p = await prepare();
    cutShort(p.dayFile);
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/restored the previous version/);
  }, 60_000);

  it('case 2: its body file cut short, no .bak: told at export, fetched again by the next sync', async () => {
    const p = await prepare();
    cutShort(p.bodyFile);
    fs.rmSync(`${p.bodyFile}.bak`, { force: true });
    const before = await exportAll(p.dir);
    const damaged = before.articles.find((a) => a.id === p.saved.id)!;
    expect(damaged.offline).toBe(false); // never an empty body posing as complete
    expect(damaged.saved).toBe(true);
    expect(before.stderr).toMatch(/warning: .*was damaged .* the text of ".+" is fetched again at the next sync/);
    await expectSavedIntact(p); // the sync fetched it again
  }, 60_000);

  it('case 2: its body file overwritten with random bytes, no .bak: the sync finds it and fetches it again', async () => {
    const p = await prepare();
    const size = fs.statSync(p.bodyFile).size;
    fs.writeFileSync(p.bodyFile, Buffer.from(Array.from({ length: size }, (_, i) => (i * 7919 + 13) % 256)));
    fs.rmSync(`${p.bodyFile}.bak`, { force: true });
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/warning: .*was damaged .* the text of ".+" is fetched again at the next sync/);
  }, 60_000);

  it('case 2: a body whose bytes were changed but still parse is caught by its checksum', async () => {
    const p = await prepare();
    const text = fs.readFileSync(p.bodyFile, 'utf8');
    fs.writeFileSync(p.bodyFile, text.replace(/"bodyText":"(.)/, (_m, c: string) => `"bodyText":"${c === 'X' ? 'Y' : 'X'}`));
    JSON.parse(fs.readFileSync(p.bodyFile, 'utf8')); // still JSON
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/checksum mismatch .*restored the previous version/);
  }, 60_000);

  it('a saved article\'s photo file deleted: the sync stores it again', async () => {
    const p = await prepare();
    fs.rmSync(p.saved.photo!.file!);
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/a photo of it was missing or damaged; it is fetched again at the next sync/);
  }, 60_000);

  it('case 4: index.json and its .bak deleted: rebuilt (sources too), sync and export work without --feed', async () => {
    const p = await prepare();
    fs.rmSync(path.join(p.dir, 'index.json'));
    fs.rmSync(path.join(p.dir, 'index.json.bak'), { force: true });
    const exported = await exportAll(p.dir); // before any sync
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/index\.json and its backup were missing; it was rebuilt from the stored articles: \d+ articles \(1 saved\) and 1 source/);
    expect(exported.articles.find((a) => a.id === p.saved.id)?.saved).toBe(true);
    const { articles } = await expectSavedIntact(p); // no --feed: the source came back from the day files
    expect(articles.length).toBe(exported.articles.length);
    const index = JSON.parse(fs.readFileSync(path.join(p.dir, 'index.json'), 'utf8')) as { sources: Record<string, { url: string }> };
    expect(Object.values(index.sources).map((s) => s.url)).toEqual([p.feed]);
  }, 60_000);

  it('case 4: index.json cut short with no .bak: rebuilt the same way', async () => {
    const p = await prepare();
    cutShort(path.join(p.dir, 'index.json'));
    fs.rmSync(path.join(p.dir, 'index.json.bak'), { force: true });
    const { syncErr } = await expectSavedIntact(p);
    expect(syncErr).toMatch(/index\.json was damaged .* it is rebuilt from the stored articles/);
    expect(syncErr).toMatch(/index\.json was damaged and had no usable backup; it was rebuilt from the stored articles/);
  }, 60_000);

  it('case 4: the first-run edition is seeded only into an empty folder, never over a folder whose index.json is gone', async () => {
    const firstRunDir = path.join(repoRoot, 'assets', 'first-run');
    const p = await prepare();
    fs.rmSync(path.join(p.dir, 'index.json'));
    fs.rmSync(path.join(p.dir, 'index.json.bak'), { force: true });
    const service = await createNewsService({ dataDir: p.dir, firstRunDir });
    try {
      expect(service.seededArticles).toBe(0);
      await service.store.whenLoaded();
      expect(service.store.getSummary(p.saved.id)?.saved).toBe(true);
      expect(service.store.allSummaries().some((s) => s.sourceId === 'first-run')).toBe(false);
    } finally {
      await service.close();
    }
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'store-damage-empty-'));
    dirs.push(empty);
    const fresh = await createNewsService({ dataDir: empty, firstRunDir });
    try {
      expect(fresh.seededArticles).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
