/**
 * Retention tests on a real store in a temp folder: saved articles are never pruned, the newest N
 * of each source stay whatever their age, the per-source maximum holds, and orphaned bodies and
 * photos are collected while referenced and freshly written files stay. The storage budget removes
 * the oldest unsaved articles (never saved ones, never the newest N per source) until the folder,
 * as storageInfo measures it, is under the budget.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleInput } from './article-input.fixture';
import { checkArg as validateArg } from '../../shared/contract-check';
import { MB } from './budget';
import { articlesToPrune, checkSettingsPatch } from './retention';
import { DEFAULT_SETTINGS, type StoredSummary } from './schema';
import { NewsStore, type ArticleInput } from './store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'retention-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const photoA = 'a'.repeat(64) + '.jpg';
const photoB = 'b'.repeat(64) + '.png';

function input(n: number, sourceId = 's1', photo: string | null = null): ArticleInput {
  return articleInput(`https://news.example/${sourceId}/${n}`, {
    sourceId,
    sourceTitle: sourceId,
    sectionPath: ['News'],
    title: `Story ${n}`,
    // n = 0 is the newest
    publishedAt: new Date(Date.UTC(2024, 1, 28) - n * 3_600_000).toISOString(),
    photo: photo ? { file: photo, url: 'https://news.example/p', caption: '', credit: '', alt: '', width: null, height: null } : null,
    bodyHtml: n === 1 ? `<p>x</p><img src="/photos/${photoB}">` : '<p>x</p>',
    bodyText: 'x',
    siteName: '',
  });
}

function summary(id: string, sourceId: string, hoursAgo: number, fetchedDaysAgo: number, saved = false): StoredSummary {
  const now = Date.UTC(2024, 5, 1);
  return {
    id, sourceId, saved,
    publishedAt: new Date(now - hoursAgo * 3_600_000).toISOString(),
    fetchedAt: new Date(now - fetchedDaysAgo * DAY).toISOString(),
  } as StoredSummary;
}

describe('articlesToPrune', () => {
  const now = new Date(Date.UTC(2024, 5, 1));
  const settings = { ...DEFAULT_SETTINGS, keepDays: 30, maxPerSource: 5, keepNewest: 2 };

  it('removes old and beyond-maximum articles, never saved ones, never the newest N per source', () => {
    const all = [
      ...Array.from({ length: 8 }, (_, i) => summary(`a${i}`, 'A', i, i < 4 ? 1 : 40, i === 7)),
      summary('b0', 'B', 0, 100), // old, but the newest of its source
      summary('b1', 'B', 1, 100), // old, second newest: kept (keepNewest 2)
      summary('b2', 'B', 2, 100), // old: removed
    ];
    // A: a0..a3 fresh; a4..a6 old -> removed; a7 old but saved -> kept. Beyond max 5: a5, a6 (a7 saved).
    expect(articlesToPrune(all, settings, now).sort()).toEqual(['a4', 'a5', 'a6', 'b2']);
  });

  it('keeps everything within the limits', () => {
    const all = Array.from({ length: 5 }, (_, i) => summary(`a${i}`, 'A', i, 1));
    expect(articlesToPrune(all, settings, now)).toEqual([]);
    expect(articlesToPrune(all, { ...settings, maxPerSource: 3 }, now).sort()).toEqual(['a3', 'a4']);
  });

  it('checks settings', () => {
    expect(checkSettingsPatch({ keepDays: 7 })).toBeNull();
    expect(checkSettingsPatch({ keepDays: 0 })).toMatch(/keepDays/);
    expect(checkSettingsPatch({ maxPerSource: 1.5 })).toMatch(/whole number/);
    expect(checkSettingsPatch({ nope: 1 } as never)).toMatch(/unknown/);
  });
});

describe('NewsStore.prune', () => {
  it('forgets pruned articles, then their bodies and photos; saved and newest stay; orphan photos collected, orphan bodies kept', async () => {
    const store = await NewsStore.open(dir);
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    await store.updateSettings({ maxPerSource: 3, keepNewest: 1 });
    await expect(store.updateSettings({ keepDays: -1 })).rejects.toThrow(/keepDays/);
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push((await store.upsertArticle(input(n, 's1', n === 0 ? photoA : n === 4 ? photoA : null))).id);
    await store.setSaved(ids[5]!, true); // the oldest, saved
    await fs.writeFile(path.join(store.photosDir, photoA), 'A');
    await fs.writeFile(path.join(store.photosDir, photoB), 'B'); // only article 1's body shows it
    await fs.writeFile(path.join(store.photosDir, 'c'.repeat(64) + '.gif'), 'C'); // referenced by nobody
    await fs.writeFile(path.join(store.articlesDir, 'ffff000000000000.json'), '{"id":"ffff000000000000","bodyHtml":""}');
    await fs.writeFile(path.join(store.articlesDir, 'ffff000000000000.json.bak'), '{}');
    const before = await store.storageInfo();
    expect(before.articles).toBe(6);
    expect(before.photos).toBe(3);

    // graceMs -1: files written a moment ago count as old (a real run waits 10 minutes).
    const result = await store.prune({ graceMs: -1000 });
    // Newest 3 (0, 1, 2) kept; 3 and 4 beyond the maximum go; 5 is saved and stays.
    // The pruned articles' bodies go with them; a body no summary names is never collected (it may
    // be a saved article whose day file was lost), nor the photos it shows.
    expect(result).toMatchObject({ articlesRemoved: 2, bodiesRemoved: 2, photosRemoved: 1 });
    expect(store.articleIds().sort()).toEqual([ids[0], ids[1], ids[2], ids[5]].sort());
    const photos = await fs.readdir(store.photosDir);
    expect(photos.sort()).toEqual([photoA, photoB]); // A still shown by article 0, B by article 1's body
    const bodies = (await fs.readdir(store.articlesDir)).filter((n) => n.endsWith('.json'));
    expect(bodies.sort()).toEqual([ids[0], ids[1], ids[2], ids[5], 'ffff000000000000'].map((id) => `${id}.json`).sort());
    const after = await store.storageInfo();
    expect(after.totalBytes).toBeLessThan(before.totalBytes);
    await store.close();

    const reopened = await NewsStore.open(dir);
    expect(reopened.articleCount()).toBe(4);
    expect(reopened.getSummary(ids[5]!)?.saved).toBe(true);
    expect(reopened.getSettings().maxPerSource).toBe(3);
    await reopened.close();
  });

  it('leaves freshly written files alone (grace period)', async () => {
    const store = await NewsStore.open(dir);
    await fs.writeFile(path.join(store.photosDir, photoA), 'A'); // downloaded, article not stored yet
    const result = await store.prune();
    expect(result.photosRemoved).toBe(0);
    expect(await fs.readdir(store.photosDir)).toEqual([photoA]);
    await store.close();
  });
});

describe('storage budget', () => {
  const photo = (n: number, sourceId: string) => `${sourceId === 's1' ? 'a' : 'b'}${String(n).padStart(63, '0')}.jpg`;
  const PHOTO_BYTES = 8 * MB;

  /** s1: 8 articles (0 newest, 7 oldest and saved), s2: 2 articles; each with its own 8 MB photo. */
  async function fill(store: NewsStore): Promise<Record<string, string[]>> {
    const ids: Record<string, string[]> = { s1: [], s2: [] };
    for (const [sourceId, count] of [['s1', 8], ['s2', 2]] as const) {
      for (let n = 0; n < count; n++) {
        ids[sourceId]!.push((await store.upsertArticle(input(n, sourceId, photo(n, sourceId)))).id);
        await fs.writeFile(path.join(store.photosDir, photo(n, sourceId)), Buffer.alloc(PHOTO_BYTES, n));
      }
    }
    await store.setSaved(ids.s1![7]!, true);
    return ids;
  }

  it('checks the setting: null or a whole number of MB from 50', () => {
    expect(checkSettingsPatch({ storageBudgetMb: null })).toBeNull();
    expect(checkSettingsPatch({ storageBudgetMb: 500 })).toBeNull();
    expect(checkSettingsPatch({ storageBudgetMb: 49 })).toMatch(/storageBudgetMb/);
    expect(() => validateArg('updateSettings', { storageBudgetMb: null })).not.toThrow();
    expect(() => validateArg('updateSettings', { storageBudgetMb: 1_000_000 })).not.toThrow();
    expect(() => validateArg('updateSettings', { storageBudgetMb: 12.5 })).toThrow(/storageBudgetMb|integer/);
    expect(() => validateArg('updateSettings', { storageBudgetMb: '500' })).toThrow();
  });

  it('over budget: the oldest unsaved go until under it; saved and the newest N per source stay', async () => {
    const store = await NewsStore.open(dir);
    expect(store.getSettings().storageBudgetMb).toBeNull();
    await store.updateSettings({ keepNewest: 2, keepDays: 3650 });
    const ids = await fill(store);
    const before = await store.storageInfo();
    expect(before.totalBytes).toBeGreaterThan(80 * MB);

    // No budget: nothing goes.
    expect((await store.prune({ graceMs: -1000 })).articlesRemoved).toBe(0);

    await store.updateSettings({ storageBudgetMb: 50 });
    const result = await store.prune({ graceMs: -1000 });
    // 80 MB of photos, 50 MB allowed: s1's oldest unsaved 6, 5, 4, 3 go (32 MB); s1 7 is saved,
    // s1 0-1 and s2 0-1 are the newest 2 of their source, s1 2 is not needed.
    expect(result).toMatchObject({ articlesRemoved: 4, photosRemoved: 4 });
    const s1 = ids.s1!;
    const s2 = ids.s2!;
    expect(store.articleIds().sort()).toEqual([s1[0], s1[1], s1[2], s1[7], s2[0], s2[1]].sort());
    const after = await store.storageInfo();
    expect(after.totalBytes).toBeLessThanOrEqual(50 * MB);
    expect(after.photos).toBe(6);

    // A budget nothing more may meet: only unprotected articles go (none left with keepNewest 3).
    await store.updateSettings({ keepNewest: 3 });
    await fs.writeFile(path.join(store.photosDir, photo(0, 's1')), Buffer.alloc(3 * PHOTO_BYTES)); // now over
    expect((await store.storageInfo()).totalBytes).toBeGreaterThan(50 * MB);
    expect((await store.prune({ graceMs: -1000 })).articlesRemoved).toBe(0);
    await store.close();

    const reopened = await NewsStore.open(dir);
    expect(reopened.getSettings().storageBudgetMb).toBe(50);
    expect(reopened.articleCount()).toBe(6);
    expect(reopened.getSummary(s1[7]!)?.saved).toBe(true);
    await reopened.close();
  });

  it('photos inside the grace period count as freed but stay until a later prune', async () => {
    const store = await NewsStore.open(dir);
    await store.updateSettings({ keepNewest: 2, keepDays: 3650, storageBudgetMb: 50 });
    await fill(store);
    const first = await store.prune(); // default grace: the photos were written a moment ago
    expect(first).toMatchObject({ articlesRemoved: 4, photosRemoved: 0 });
    expect((await store.storageInfo()).totalBytes).toBeGreaterThan(50 * MB);
    // Another prune inside the grace period removes no more articles for those leaving photos.
    expect(await store.prune()).toMatchObject({ articlesRemoved: 0, photosRemoved: 0 });
    const later = await store.prune({ graceMs: -1000 }); // as if the grace period had passed
    expect(later).toMatchObject({ articlesRemoved: 0, photosRemoved: 4 });
    expect((await store.storageInfo()).totalBytes).toBeLessThanOrEqual(50 * MB);
    await store.close();
  });
});
