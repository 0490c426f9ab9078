import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../../electron/shared/contract';
import { createHttpBridge } from '../../api/httpBridge';
import { startStandInHost, type StandInHost } from '../../api/stand-in-host.fixture';
import { pageQuery, primeFirstPage, takeArrived, takePrimed } from './firstPage';

// A real host stand-in on 127.0.0.1: answers listArticles with one story named after the query.
let host: StandInHost;
let base: string;
const asked: unknown[] = [];

beforeAll(async () => {
  host = await startStandInHost((req, body, res) => {
    const { arg } = JSON.parse(body || '{}') as { arg?: { section?: string } };
    if (req.url === `/api/${channels.listArticles}`) asked.push(arg);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ ok: true, result: [{ id: 'a1', title: `story of ${arg?.section ?? 'all'}` }] }));
  });
  base = host.base;
});
afterAll(() => host.close());

describe('the start-up first page', () => {
  it('asks for the front’s first page in the front’s own query shape', async () => {
    asked.length = 0;
    void primeFirstPage(createHttpBridge({ base }), 'News > City', 'oldest');
    expect(pageQuery('News > City', 'oldest', 0)).toEqual({ section: 'News > City', sort: 'oldest', offset: 0, limit: 48 });
    expect(pageQuery(null, 'newest', 2)).toEqual({ sort: 'newest', offset: 96, limit: 48 });
    const list = await takePrimed(pageQuery('News > City', 'oldest', 0));
    expect(list?.[0]?.title).toBe('story of News > City');
    expect(asked).toEqual([{ section: 'News > City', sort: 'oldest', offset: 0, limit: 48 }]);
  });

  it('is taken once: as the answer itself once it has arrived, else as the pending request', async () => {
    void primeFirstPage(createHttpBridge({ base }), null, 'newest');
    expect(takeArrived(pageQuery(null, 'newest', 0))).toBeNull(); // not here yet: stays primed
    const pending = takePrimed(pageQuery(null, 'newest', 0));
    expect((await pending)?.[0]?.title).toBe('story of all');
    expect(takePrimed(pageQuery(null, 'newest', 0))).toBeNull();

    void primeFirstPage(createHttpBridge({ base }), null, 'newest');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(takeArrived(pageQuery(null, 'newest', 0))?.[0]?.title).toBe('story of all');
    expect(takeArrived(pageQuery(null, 'newest', 0))).toBeNull();
    expect(takePrimed(pageQuery(null, 'newest', 0))).toBeNull();
  });

  it('is dropped by the first page fetch of another front or page', async () => {
    void primeFirstPage(createHttpBridge({ base }), null, 'newest');
    expect(takePrimed(pageQuery('Sport', 'newest', 0))).toBeNull();
    expect(takePrimed(pageQuery(null, 'newest', 0))).toBeNull();
    void primeFirstPage(createHttpBridge({ base }), null, 'newest');
    expect(takePrimed(pageQuery(null, 'newest', 1))).toBeNull();
    expect(takePrimed(pageQuery(null, 'newest', 0))).toBeNull();
  });
});
