/**
 * The browser host (electron/cli/web.ts) with a trace for bench/ui-trace.ts: every HTTP
 * request's arrival and finish, event-loop stalls (a 5 ms timer running late by > 20 ms), garbage collections over 10 ms and the
 * event-loop delay histogram (perf_hooks) per 250 ms, the store's background summary load and the
 * search index load (env BENCH_UI_TRACE_INDEX_DELAY: see below). Lines go to stderr as `TRACE {json}`, times in epoch ms (to line up with the
 * page's performance.timeOrigin + now()).
 */
import http from 'node:http';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { SummaryTable } from '../electron/core/store/summaries';
import { SearchEngine } from '../electron/core/search/search-engine';

const now = () => performance.timeOrigin + performance.now();
const trace = (event: Record<string, unknown>) => process.stderr.write(`TRACE ${JSON.stringify({ t: now(), ...event })}\n`);

// Requests: arrival to the response finished.
const createServer = http.createServer.bind(http) as (handler: http.RequestListener) => http.Server;
(http as { createServer: unknown }).createServer = (handler: http.RequestListener) =>
  createServer((req, res) => {
    const start = now();
    const url = (req.url ?? '').replace(/token=[^&]+/, 'token=…');
    res.on('finish', () => trace({ kind: 'request', url, start, end: now() }));
    handler(req, res);
  });

// Background loads.
const loadRest = SummaryTable.prototype.loadRest;
SummaryTable.prototype.loadRest = async function (this: SummaryTable) {
  const start = now();
  try {
    return await loadRest.call(this);
  } finally {
    trace({ kind: 'summaries', start, end: now(), size: this.size });
  }
};
const proto = SearchEngine.prototype as unknown as { readFile: () => Promise<unknown> };
const readFile = proto.readFile;
// BENCH_UI_TRACE_INDEX_DELAY=ms holds the search index read back that much longer (to see the
// first front without it).
const indexDelay = Number(process.env.BENCH_UI_TRACE_INDEX_DELAY ?? 0);
proto.readFile = async function (this: unknown) {
  if (indexDelay > 0) await new Promise((resolve) => setTimeout(resolve, indexDelay));
  const start = now();
  try {
    return await readFile.call(this);
  } finally {
    trace({ kind: 'search-index', start, end: now() });
  }
};

// Garbage collections over 10 ms (they show as stalls too).
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.duration > 10) trace({ kind: 'gc', start: performance.timeOrigin + entry.startTime, end: performance.timeOrigin + entry.startTime + entry.duration });
}).observe({ entryTypes: ['gc'] });

// Event loop: stalls and the delay histogram.
let expected = now() + 5;
const stalls = setInterval(() => {
  const t = now();
  if (t - expected > 20) trace({ kind: 'stall', start: expected, end: t });
  expected = t + 5;
}, 5);
stalls.unref();
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const report = setInterval(() => {
  if (histogram.count > 0) trace({ kind: 'eld', maxMs: histogram.max / 1e6, meanMs: histogram.mean / 1e6, p99Ms: histogram.percentile(99) / 1e6 });
  histogram.reset();
}, 250);
report.unref();

trace({ kind: 'host-start' });
await import('../electron/cli/web');
