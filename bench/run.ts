/**
 * `npm run bench`: runs every benchmark in one process, one after another, and prints the figures
 * side by side with their peers. Results are recorded by hand in bench/RESULTS.md with the date.
 * `npm run bench -- extract` runs only the named benchmark(s).
 */
import os from 'node:os';
import { runExtractBench } from './extract';
import { runSyncBench } from './sync';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  extract: async () => {
    const r = await runExtractBench();
    return {
      'pages (avg KB)': `${r.pages} (${r.pageKb} KB)`,
      'ours: Readability + linkedom, ms/page': r.oursMsPerPage.toFixed(1),
      'peer: Readability + jsdom, ms/page': r.jsdomMsPerPage.toFixed(1),
      speedup: `${r.speedup.toFixed(1)}x (target >= 5x)`,
      'text similarity (word Jaccard)': r.textSimilarity.toFixed(3),
    };
  },
  sync: async () => {
    const feeds = Number(process.env.BENCH_FEEDS ?? 100);
    const items = Number(process.env.BENCH_ITEMS ?? 30);
    const naiveFeeds = Number(process.env.BENCH_NAIVE_FEEDS ?? Math.max(1, Math.round(feeds / 10)));
    const { ours, naive } = await runSyncBench(feeds, items, naiveFeeds);
    const rate = (f: { articles: number; wallMs: number }) => f.articles / (f.wallMs / 1000);
    return {
      'site': `${feeds} feeds x ${items} items, ~100 KB pages, 2 photos each (naive: first ${naiveFeeds} feeds)`,
      'ours: articles (offline-ready)': `${ours.articles} (${ours.offline})`,
      'ours: articles/s': rate(ours).toFixed(1) + ' (target >= 60)',
      'ours: CPU ms/article': (ours.cpuMs / ours.articles).toFixed(1),
      'naive: articles': naive.articles,
      'naive: articles/s': rate(naive).toFixed(1),
      'naive: CPU ms/article': (naive.cpuMs / naive.articles).toFixed(1),
      'ours / naive (articles/s)': `${(rate(ours) / rate(naive)).toFixed(1)}x (target >= 3x)`,
    };
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log(`# bench ${new Date().toISOString()} node ${process.version} ${os.cpus().length} cpus ${os.cpus()[0]?.model ?? ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(44)} ${v}`);
}
