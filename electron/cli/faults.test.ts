/**
 * The fault table end to end through the CLI: sources on every route of the fault server (e2e/
 * fixtures/fault-server.ts) plus one good feed of the fixture news server. First every source
 * behaves and is synced; then the faults are turned on and the real CLI (`tsx electron/cli/sync.ts`)
 * runs with small deadlines. Each fault must end in one clear "✗ <title> (<url>): <reason>" line,
 * the good feed in "✓", exit code 1, the per-source error kept on disk, and every article stored
 * before intact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFaultServer, type FaultServer } from '../../e2e/fixtures/fault-server';
import { startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import { NewsStore } from '../core/store/store';
import { syncSources } from '../core/sync/sync';
import { runCli } from './run-cli.fixture';

let news: NewsServer;
let faulty: FaultServer;
let dir: string;

beforeAll(async () => {
  [news, faulty] = await Promise.all([startNewsServer(), startFaultServer()]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-faults-'));
});
afterAll(async () => {
  await Promise.all([news.close(), faulty.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const runSync = (args: string[]) => runCli('sync.ts', args);

/** Every stored article in full (summary and body), by id. */
async function snapshot(store: NewsStore): Promise<Map<string, unknown>> {
  const all = new Map<string, unknown>();
  for (const summary of store.listArticles({})) all.set(summary.id, await store.getArticle(summary.id));
  return all;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('sync CLI against the fault server', () => {
  it('names every fault with its reason, syncs the good feed, exits 1, and keeps earlier articles', async () => {
    // 1. Every source behaves: each fault route serves a small feed of its own.
    faulty.setMode('good');
    const goodFeed = `${news.url}/feeds/news.rss`;
    let store = await NewsStore.open(dir);
    for (const fault of faults) await store.addSource({ url: `${faulty.url}${fault.path}`, title: fault.title });
    await store.addSource({ url: goodFeed, title: 'Good news' });
    const first = await syncSources({ store });
    expect(first.sources.filter((s) => !s.ok)).toEqual([]);
    const before = await snapshot(store);
    expect(before.size).toBeGreaterThanOrEqual(faults.length * 2);
    await store.close();

    // 2. The faults are on; the real CLI with small deadlines (3 s per request, one retry).
    faulty.setMode('fault');
    const result = await runSync(['--data-dir', dir, '--timeout', '3', '--retries', '1']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => /^[✓✗] /.test(l));
    expect(lines).toHaveLength(faults.length + 1);
    for (const fault of faults) {
      const url = `${faulty.url}${fault.path}`;
      const mine = lines.filter((l) => l.includes(`(${url})`));
      expect(mine, fault.title).toHaveLength(1);
      expect(mine[0], fault.title).toMatch(new RegExp(`^✗ ${escape(fault.title)} \\(${escape(url)}\\): `));
      expect(mine[0]!.slice(mine[0]!.indexOf('): ') + 3), fault.title).toMatch(fault.expected);
    }
    expect(lines.filter((l) => l.includes(`(${goodFeed})`))).toEqual([`✓ Good news (${goodFeed}): 0 new, 0 updated`]);

    // 3. On disk: each fault's error kept with its source; every earlier article unchanged.
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
      sources: Record<string, { url: string; lastError: string | null; consecutiveFailures?: number }>;
    };
    for (const fault of faults) {
      const source = Object.values(index.sources).find((s) => s.url === `${faulty.url}${fault.path}`)!;
      expect(source.lastError, fault.title).toMatch(fault.expected);
      expect(source.consecutiveFailures, fault.title).toBe(1);
    }
    store = await NewsStore.open(dir);
    try {
      expect(store.recoveryNotes).toEqual([]);
      const after = await snapshot(store);
      for (const [id, article] of before) expect(after.get(id), id).toEqual(article);
      // Entities were never expanded, and nothing from /etc/passwd got in.
      for (const article of after.values()) expect(JSON.stringify(article)).not.toMatch(/lollol|root:/);
    } finally {
      await store.close();
    }
  }, 180_000);
});
