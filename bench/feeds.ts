/**
 * `npm run bench -- feeds`: the real sample feeds of $DEV_DATA/feedjira-sample-feeds (default
 * ../shared/dev-data) read by the reader (parse, then one item per story, as the sync stores them)
 * and by bare feedsmith on the same decoded text: how many feeds yield items, how many items, and
 * the parse time per feed of each (median of BENCH_FEED_ROUNDS rounds, default 20).
 */
import { feedsmithItems, readerItems, realDir, realFeeds } from '../electron/core/feeds/feedsmith-diff.fixture';

export interface FeedsBenchResult {
  found: boolean;
  dir: string;
  feeds: number;
  reader: { yielding: number; items: number; msPerFeed: number };
  feedsmith: { yielding: number; items: number; msPerFeed: number };
  /** Feeds where the two differ: name, reader items, feedsmith items (null: refused). */
  differences: [string, number, number | null][];
}

function medianMs(rounds: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor((rounds - 1) / 2)]!;
}

export function runFeedsBench(rounds = Number(process.env.BENCH_FEED_ROUNDS ?? 20)): FeedsBenchResult {
  const feeds = realFeeds();
  const empty = { yielding: 0, items: 0, msPerFeed: 0 };
  if (feeds.length === 0) return { found: false, dir: realDir, feeds: 0, reader: empty, feedsmith: { ...empty }, differences: [] };
  const reader = feeds.map((f) => readerItems(f.text).length);
  const theirs = feeds.map((f) => feedsmithItems(f.text)?.length ?? null);
  const readerMs = medianMs(rounds, () => feeds.forEach((f) => readerItems(f.text)));
  const feedsmithMs = medianMs(rounds, () => feeds.forEach((f) => feedsmithItems(f.text)));
  return {
    found: true,
    dir: realDir,
    feeds: feeds.length,
    reader: { yielding: reader.filter((n) => n > 0).length, items: reader.reduce((a, b) => a + b, 0), msPerFeed: readerMs / feeds.length },
    feedsmith: {
      yielding: theirs.filter((n) => (n ?? 0) > 0).length,
      items: theirs.reduce<number>((a, b) => a + (b ?? 0), 0),
      msPerFeed: feedsmithMs / feeds.length,
    },
    differences: feeds.flatMap((f, i) => (reader[i] !== (theirs[i] ?? 0) ? [[f.name, reader[i]!, theirs[i]!] as [string, number, number | null]] : [])),
  };
}
