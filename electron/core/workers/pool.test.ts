// The extraction worker pool gives the same result as extracting in the calling thread (fixture
// pages, including the ones that are not articles), a crashed worker fails only its own page and is
// replaced, and a pool whose worker cannot start extracts in the calling thread.
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticlePage } from '../../../bench/pages';
import { shapePages } from '../extract/shapes.fixtures';
import { runPageTask } from './extract-task';
import { ExtractPool } from './pool';

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
});
