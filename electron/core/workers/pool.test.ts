// The extraction worker pool gives the same result as extracting in the calling thread (fixture
// pages, including the ones that are not articles), a crashed worker fails only its own page and is
// replaced, and a pool whose worker cannot start extracts in the calling thread, one page per
// event-loop turn. Idle workers are terminated after the idle time, and new ones start for new work.
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticlePage } from '../../../bench/pages';
import { shapePages } from '../extract/shapes.fixtures';
import { runPageTask } from './extract-task';
import { ExtractPool, workerFileFor } from './pool';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pages = [
  ...shapePages.map((p) => ({ url: p.url, html: p.html })),
  ...[1, 2].map((i) => ({ url: `https://bench.test/articles/story-${i}.html`, html: makeArticlePage('https://bench.test', i).html })),
];

/** What a task gives in the calling thread: the article, or the error's name and message. */
function inThread(page: { url: string; html: string }): unknown {
  try {
    return { ok: runPageTask({ url: page.url, contentType: 'text/html; charset=utf-8', body: Buffer.from(page.html) }) };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message } };
  }
}

async function viaPool(pool: ExtractPool, page: { url: string; html: string }): Promise<unknown> {
  try {
    return { ok: await pool.extractPage(Buffer.from(page.html), 'text/html; charset=utf-8', page.url) };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message } };
  }
}

// One worker with a heap limit that fits any normal page (and loses on a huge one).
const pool = new ExtractPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32 } });
afterAll(() => pool.close());

describe('ExtractPool', () => {
  it('extracts every fixture page exactly as the calling thread does', async () => {
    const results = await Promise.all(pages.map((p) => viaPool(pool, p)));
    expect(pool.mode).toBe('workers');
    results.forEach((result, i) => expect(result, pages[i]!.url).toEqual(inThread(pages[i]!)));
    expect(results.some((r) => 'error' in (r as object))).toBe(true); // the not-an-article shapes
  });

  it('a worker that crashes fails only its page, and the pool carries on', async () => {
    // ~80k elements: far past the worker's 32 MB heap, so the worker is killed mid-page.
    const huge = { url: 'https://bench.test/huge', html: `<html><body><article>${'<div><p>word word word</p></div>'.repeat(39_000)}</article></body></html>` };
    const [crashed, next] = await Promise.all([viaPool(pool, huge), viaPool(pool, pages.at(-1)!)]);
    expect(crashed).toEqual({ error: { name: 'Error', message: expect.stringMatching(/extraction worker stopped .*memory/) } });
    expect(next).toEqual(inThread(pages.at(-1)!));
    expect(pool.workerCount).toBe(1);
    await pool.close();
    expect(pool.workerCount).toBe(0);
  }, 60_000);

  it('extracts in the calling thread when no worker can start', async () => {
    const broken = new ExtractPool({ size: 2, workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    const result = await viaPool(broken, pages.at(-1)!);
    expect(broken.mode).toBe('in-thread');
    expect(broken.fallbackReason).toMatch(/could not start/);
    expect(result).toEqual(inThread(pages.at(-1)!));
    await broken.close();
  });

  it('in the calling thread, lets the event loop run between pages (the main process keeps answering)', async () => {
    const here = new ExtractPool({ size: 0 });
    const order: string[] = [];
    const page = pages.at(-1)!;
    const done = [1, 2, 3].map((i) => here.extractPage(Buffer.from(page.html), 'text/html', page.url).then(() => order.push(`page ${i}`)));
    setTimeout(() => order.push('timer'), 0);
    await Promise.all(done);
    await new Promise((r) => setTimeout(r, 5));
    expect(order.filter((o) => o.startsWith('page'))).toEqual(['page 1', 'page 2', 'page 3']);
    expect(order.indexOf('timer')).toBeLessThan(3);
  });

  it('terminates idle workers after the idle time and starts new ones for new work', async () => {
    const idle = new ExtractPool({ size: 1, idleTimeoutMs: 150 });
    try {
      expect(await viaPool(idle, pages.at(-1)!)).toEqual(inThread(pages.at(-1)!));
      expect(idle.workerCount).toBe(1);
      await new Promise((r) => setTimeout(r, 400));
      expect(idle.workerCount).toBe(0);
      expect(idle.mode).toBe('workers');
      expect(await viaPool(idle, pages.at(-1)!)).toEqual(inThread(pages.at(-1)!));
      expect(idle.workerCount).toBe(1);
    } finally {
      await idle.close();
    }
  });

  it('loads the worker from app.asar.unpacked when the module is inside app.asar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-asar-'));
    try {
      const mainDir = join(dir, 'resources', 'app.asar', 'out', 'main');
      const unpackedDir = join(dir, 'resources', 'app.asar.unpacked', 'out', 'main');
      mkdirSync(mainDir, { recursive: true });
      mkdirSync(unpackedDir, { recursive: true });
      writeFileSync(join(unpackedDir, 'extract-worker.js'), '');
      const moduleUrl = pathToFileURL(join(mainDir, 'index.js')).href;
      expect(workerFileFor(moduleUrl).href).toBe(pathToFileURL(join(unpackedDir, 'extract-worker.js')).href);
      rmSync(join(unpackedDir, 'extract-worker.js'));
      writeFileSync(join(mainDir, 'extract-worker.js'), '');
      expect(workerFileFor(moduleUrl).href).toBe(pathToFileURL(join(mainDir, 'extract-worker.js')).href);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
