/**
 * `npm run bench`: runs every benchmark in one process, one after another, and prints the figures
 * side by side with their peers. Results are recorded by hand in bench/RESULTS.md with the date.
 * `npm run bench -- extract` runs only the named benchmark(s).
 */
import os from 'node:os';
import { runExtractBench } from './extract';
import { runFeedsBench } from './feeds';
import { runMetadataBench } from './metadata';
import { evalSetMissing } from './quality-data';
import { runQualityBench, type QualityResult } from './quality';
import { runSearchBench } from './search';
import { runStoreBench } from './store';
import { runStress } from './stress';
import { runSyncBench, type SideFigures } from './sync';
import { runUiBench } from './ui';

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
  feeds: async () => {
    const r = runFeedsBench();
    if (!r.found) return { skipped: `no real feeds at ${r.dir} (set DEV_DATA to the dev-data folder)` };
    return {
      'real feeds': `${r.feeds} (${r.dir})`,
      'ours: feeds with items': `${r.reader.yielding}`,
      'ours: items stored (one per story)': `${r.reader.items}`,
      'ours: parse + identity, ms/feed': r.reader.msPerFeed.toFixed(2),
      'feedsmith: feeds with items': `${r.feedsmith.yielding}`,
      'feedsmith: items': `${r.feedsmith.items}`,
      'feedsmith: parse, ms/feed': r.feedsmith.msPerFeed.toFixed(2),
      'feeds that differ (ours / feedsmith)': r.differences.map(([name, ours, theirs]) => `${name} ${ours}/${theirs ?? 'refused'}`).join(', ') || 'none',
    };
  },
  metadata: runMetadataBench,
  quality: async () => {
    const missing = evalSetMissing();
    if (missing) return { skipped: `real-page data absent: ${missing}` };
    const load = () => os.loadavg()[0]!.toFixed(1);
    const before = load();
    const r = runQualityBench();
    const line = (q: QualityResult) =>
      `F ${q.f.toFixed(3)} (P ${q.precision.toFixed(3)}, R ${q.recall.toFixed(3)}); refused ${q.refused}, crashed ${q.crashed}; ${q.msPerPage.toFixed(1)} ms/page (CPU ${q.cpuMsPerPage.toFixed(1)})`;
    return {
      pages: `${r.project.pages} annotated real pages (trafilatura-eval), upstream scoring on headline + standfirst + body`,
      'ours: extractArticle': line(r.project),
      'peer: plain Readability over linkedom': line(r.readability),
      'ours / peer ms/page': `${(r.project.msPerPage / r.readability.msPerPage).toFixed(2)}x wall, ${(r.project.cpuMsPerPage / r.readability.cpuMsPerPage).toFixed(2)}x CPU`,
      'first crash (ours)': r.project.firstCrash?.split('\n').slice(0, 3).join(' | ') ?? 'none',
      'load average (1 min) start / end': `${before} / ${load()}`,
    };
  },
  sync: async () => {
    const feeds = Number(process.env.BENCH_FEEDS ?? 100);
    const items = Number(process.env.BENCH_ITEMS ?? 30);
    const naiveFeeds = Number(process.env.BENCH_NAIVE_FEEDS ?? Math.max(1, Math.round(feeds / 10)));
    const plainFeeds = Number(process.env.BENCH_PLAIN_FEEDS ?? feeds);
    const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
    const { built, ours, plain, naive, siteCpuMs } = await runSyncBench(feeds, items, naiveFeeds, concurrency, plainFeeds);
    const rate = (f: SideFigures) => f.offline / (f.wallMs / 1000);
    const mb = (bytes: number | null) => (bytes === null ? '-' : `${(bytes / 2 ** 20).toFixed(1)} MB`);
    const side = (name: string, f: SideFigures | null, note: string): Record<string, unknown> =>
      f === null
        ? { [`${name}: skipped`]: '(0 feeds)' }
        : {
            [`${name}: articles (offline-ready)`]: `${f.articles} (${f.offline})${note}`,
            [`${name}: offline-ready articles/s`]: rate(f).toFixed(1),
            [`${name}: CPU ms/article, all threads`]: `${(f.cpuMs / f.articles).toFixed(1)} (${(f.cpuMs / f.wallMs).toFixed(2)} cores busy on average)`,
            [`${name}: CPU ms/article, main thread`]: f.mainThreadCpuMs === null ? '-' : (f.mainThreadCpuMs / f.articles).toFixed(1),
            [`${name}: peak RSS (process, all threads)`]: `${f.peakRssMb.toFixed(0)} MB`,
            [`${name}: bytes written (wchar) / left on disk`]: `${mb(f.bytesWritten)} / ${mb(f.bytesOnDisk)}`,
            [`${name}: load average (1 min) start / end`]: f.load.join(' / '),
          };
    const ratio = (other: SideFigures | null, target: string) => (other ? `${(rate(ours) / rate(other)).toFixed(2)}x (${target})` : '-');
    return {
      site: `${feeds} feeds x ${items} items, ~100 KB pages, 2 photos each; each side in its own process (${built ? 'built JavaScript, plain node' : 'TypeScript through tsx'})`,
      'ours: extraction': `${ours.extraction} (${built ? 'built bundles, as the app' : 'TypeScript source through tsx'}), ${concurrency} requests at a time; starting the workers (before the clock) ${ours.poolStartCpuMs?.toFixed(0)} ms CPU`,
      ...side('ours', ours, ''),
      ...side('plain', plain, ' (feedsmith + Readability/linkedom, 8 pages in flight, lead photo only, one JSON file)'),
      ...side('naive', naive, ` (rss-parser + jsdom, one request at a time; first ${naiveFeeds} feeds)`),
      'ours / plain (articles/s)': ratio(plain, 'target >= 1.5x'),
      'ours / naive (articles/s)': ratio(naive, 'target >= 3x'),
      'site process CPU (all runs, not counted above)': `${(siteCpuMs / 1000).toFixed(1)} s`,
    };
  },
  store: async () => {
    const r = await runStoreBench();
    type Side = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const fmt = (side: Side, key: string) =>
      side.error
        ? `failed: ${side.error}`
        : `${side[key].mainMs.toFixed(1)} ms main thread, ${side[key].wallMs.toFixed(0)} ms wall, ${kb(side[key].bytes)} written`;
    const kb = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);
    const open = (side: Side) => (side.error ? `failed: ${side.error}` : `${side.openMs.toFixed(0)} ms`);
    const rss = (side: Side) => (side.error ? '-' : `${side.rssMb.toFixed(0)} MB`);
    return {
      store: `${r.n} articles (~10 KB bodies, 2 photo refs each), generated in ${(r.generateMs / 1000).toFixed(1)} s`,
      'ours: layout': `${r.partitions} day partitions, ${r.summariesMb.toFixed(1)} MB of summaries + one file per body`,
      'ours: cold open to first query': `${open(r.ours)} (target <= 300 ms; newest 500 summaries read)`,
      'ours: every summary in memory': r.ours.error ? '-' : `${r.ours.fullMs.toFixed(0)} ms after start (background, in chunks)`,
      'ours: commit 100 new (first in process)': fmt(r.ours, 'firstCommit'),
      'ours: commit 100 new (next)': `${fmt(r.ours, 'commit')} (target <= 30 ms main thread)`,
      'ours: first query after the commit': r.ours.error ? '-' : `${r.ours.queryAfterMs.toFixed(1)} ms`,
      'ours: save an article from 6 months ago': fmt(r.ours, 'save'),
      'ours: RSS': `${rss(r.ours)} (target <= 250 MB)`,
      'naive: one lowdb JSONFile': `${r.naiveFileMb.toFixed(0)} MB`,
      'naive: cold open to first query': open(r.naive),
      'naive: commit 100 new (first in process)': fmt(r.naive, 'firstCommit'),
      'naive: commit 100 new (next)': fmt(r.naive, 'commit'),
      'naive: save an article from 6 months ago': fmt(r.naive, 'save'),
      'naive: RSS': rss(r.naive),
      [`naive at ${r.smallN} articles: file`]: `${r.naiveSmallFileMb.toFixed(0)} MB`,
      [`naive at ${r.smallN}: cold open to first query`]: open(r.naiveSmall),
      [`naive at ${r.smallN}: commit 100 new (next)`]: fmt(r.naiveSmall, 'commit'),
      [`naive at ${r.smallN}: save an article from 6 months ago`]: fmt(r.naiveSmall, 'save'),
      [`naive at ${r.smallN}: RSS`]: rss(r.naiveSmall),
    };
  },
  ui: async () => {
    const r = await runUiBench();
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const warm = r.warm.map((t) => t.painted);
    return {
      store: `${r.n} articles generated (or reused from bench/.data) in ${(r.generateMs / 1000).toFixed(1)} s; browser host up in ${(r.hostMs / 1000).toFixed(1)} s; front says "${r.summary}"`,
      'first front, first load after start': `${ms(r.cold.dom)} in the DOM, ${ms(r.cold.painted)} painted (target <= 1 s)`,
      'first front, reloads (painted)': `median ${ms(median(warm))}, max ${ms(Math.max(...warm))} over ${warm.length}`,
      'open an article (click to headline)': `median ${ms(r.open.paintedMedian)}, p95 ${ms(r.open.paintedP95)} painted; DOM ${ms(r.open.domMedian)} / ${ms(r.open.domP95)} over ${r.open.count} (target <= 100 ms)`,
      'DOM elements: top / middle / bottom': `${r.dom.top} / ${r.dom.middle} / ${r.dom.bottom} (stories rendered: ${r.dom.cardsTop} at the top, ${r.dom.cardsBottom} at the bottom)`,
    };
  },
  search: async () => {
    const r = await runSearchBench();
    type Side = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const b: Side = r.build;
    const s: Side = r.start;
    const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
    return {
      store: `${r.n} articles (~10 KB bodies, varied vocabulary), generated in ${(r.generateMs / 1000).toFixed(1)} s`,
      'build from the bodies': b.error ? `failed: ${b.error}` : `${(b.buildMs / 1000).toFixed(1)} s (background), RSS ${b.rssMb.toFixed(0)} MB`,
      'index file (search-index.bin)': b.error ? '-' : `${b.fileMb.toFixed(1)} MB, ${b.terms} terms`,
      'start: store open (first screen)': s.error ? `failed: ${s.error}` : ms(s.firstScreenMs),
      'start: every summary in memory (store)': s.error ? '-' : ms(s.allReadMs),
      'start: index file read / parsed': s.error ? '-' : `read ${ms(s.readMs)} after start (alongside the store), parsed in ${ms(s.parseMs)} (origin: ${s.origin})`,
      'start: search ready (all summaries + index)': s.error ? '-' : `${ms(s.readyMs)} (target <= 1000 ms)`,
      'start: CPU time of the process until ready': s.error ? '-' : ms(s.startCpuMs) + ' (wall times above include waiting for a busy machine)',
      'RSS after start': s.error ? '-' : `${s.rssMb.toFixed(0)} MB`,
      'queries (avg matches)': s.error ? '-' : `${s.queries} (${s.avgHits.toFixed(0)})`,
      'search: index query p50 / p95': s.error ? '-' : `${ms(s.index.p50)} / ${ms(s.index.p95)} wall, ${ms(s.index.cpuP50)} / ${ms(s.index.cpuP95)} CPU`,
      'search: whole answer p50 / p95': s.error ? '-' : `${ms(s.full.p50)} / ${ms(s.full.p95)} (target p95 <= 10 ms)`,
    };
  },
  stress: async () => {
    const out: Record<string, unknown> = {};
    for (const r of await runStress()) {
      out[`${r.mode}: SIGKILLs (each followed by open + check)`] = r.kills;
      out[`${r.mode}: acknowledged writes checked`] = `${r.articles} articles, ${r.saves} saves, ${r.unsaves} unsaves, ${r.reads} reads`;
      out[`${r.mode}: rounds with a lost or damaged write`] = r.failures.length ? `${r.failures.length}: ${r.failures.slice(0, 3).join(' | ')}` : '0';
      out[`${r.mode}: duration`] = `${r.seconds.toFixed(0)} s`;
    }
    return out;
  },
};

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log(`# bench ${new Date().toISOString()} node ${process.version} ${os.cpus().length} cpus ${os.cpus()[0]?.model ?? ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(44)} ${v}`);
}
