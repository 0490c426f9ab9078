/**
 * Where the first front's time goes (`npx tsx bench/ui-trace.ts`): starts the traced browser host
 * (bench/ui-trace-host.ts) on the ui bench's 50k store, loads the page once right after the host
 * started and then reloads it twice, and prints one timeline per load in ms from the navigation
 * start: the page's own marks (response, script, requests from resource timing, long tasks, first
 * paint, the lead headline in the DOM and painted) beside the host's (each request's time in the
 * host, event-loop stalls, the background summary load and the search index load).
 * Env: BENCH_UI_ARTICLES (default 50000), BENCH_UI_TRACE_WAIT (ms after the host listens before the
 * first load; default 0), BENCH_UI_TRACE_INDEX_DELAY (see ui-trace-host.ts), BENCH_UI_TRACE_STDERR=1
 * (pass the host's other stderr lines through).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { LEAD_TIMES } from './ui';

const repoRoot = path.resolve(import.meta.dirname, '..');

interface HostEvent { kind: string; t: number; start?: number; end?: number; url?: string; maxMs?: number; meanMs?: number; p99Ms?: number; size?: number }

// The page's side, installed before any script runs: long tasks and paints are buffered.
const OBSERVE = `(() => {
  window.__trace = { longtasks: [] };
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__trace.longtasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}
})()`;

const COLLECT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd }));
  const paints = performance.getEntriesByType('paint').map((e) => ({ name: e.name, start: e.startTime }));
  return { origin: performance.timeOrigin, nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd }, res, paints, longtasks: window.__trace.longtasks };
})()`;

interface PageTrace {
  origin: number;
  nav: { responseEnd: number; domInteractive: number; domContentLoaded: number };
  res: { name: string; start: number; requestStart: number; responseStart: number; end: number }[];
  paints: { name: string; start: number }[];
  longtasks: { start: number; ms: number }[];
}

const ms = (x: number) => x.toFixed(0).padStart(5);

function timeline(label: string, page: PageTrace, lead: { dom: number; painted: number }, host: HostEvent[]): string {
  const rel = (t: number) => t - page.origin;
  const until = lead.painted + 50;
  const rows: [number, string][] = [];
  rows.push([page.nav.responseEnd, 'page: index.html received']);
  rows.push([page.nav.domInteractive, 'page: DOM interactive (module script deferred)']);
  rows.push([page.nav.domContentLoaded, 'page: DOMContentLoaded (bundle ran)']);
  for (const r of page.res) {
    if (r.start > until) continue;
    rows.push([r.start, `page: ${r.name.slice(0, 60)} asked; answered at ${ms(r.end)} (${(r.end - r.start).toFixed(0)} ms, waited ${(r.requestStart - r.start).toFixed(0)} ms for a connection)`]);
  }
  for (const p of page.paints) rows.push([p.start, `page: ${p.name}`]);
  for (const task of page.longtasks) if (task.start < until) rows.push([task.start, `page: long task ${task.ms.toFixed(0)} ms`]);
  rows.push([lead.dom, 'page: lead headline in the DOM']);
  rows.push([lead.painted, 'page: lead headline painted']);
  for (const e of host) {
    const start = rel(e.start ?? e.t);
    if (start < -2000 || start > until) continue;
    if (e.kind === 'request') rows.push([start, `host:   ${e.url!.slice(0, 60)} in the host ${(e.end! - e.start!).toFixed(0)} ms`]);
    else if (e.kind === 'stall') rows.push([start, `host:   event loop blocked ${(e.end! - e.start!).toFixed(0)} ms`]);
    else if (e.kind === 'summaries') rows.push([start, `host:   background summary load ${(e.end! - e.start!).toFixed(0)} ms (ends at ${ms(rel(e.end!))})`]);
    else if (e.kind === 'gc') rows.push([start, `host:   garbage collection ${(e.end! - e.start!).toFixed(0)} ms`]);
    else if (e.kind === 'search-index') rows.push([start, `host:   search index read ${(e.end! - e.start!).toFixed(0)} ms`]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  return [`### ${label}`, ...rows.map(([t, text]) => `${ms(t)} ms  ${text}`)].join('\n');
}

export async function runUiTrace(n = Number(process.env.BENCH_UI_ARTICLES ?? 50_000)): Promise<string> {
  const root = path.join(repoRoot, 'bench', '.data', `ui-${n}`);
  if (!fs.existsSync(path.join(root, '.complete'))) throw new Error(`run npm run bench -- ui first (it generates ${root})`);
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(repoRoot, 'bench', 'ui-trace-host.ts'), '--data-dir', root, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: HostEvent[] = [];
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    const lines = err.split('\n');
    err = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('TRACE ')) events.push(JSON.parse(line.slice(6)) as HostEvent);
      else if (process.env.BENCH_UI_TRACE_STDERR) process.stderr.write(`host: ${line}\n`);
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /Listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const listening = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const out: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(OBSERVE);
    const page: Page = await context.newPage();
    // BENCH_UI_TRACE_WAIT=ms: load the page that long after the host listens (to compare with an idle host).
    const wait = Number(process.env.BENCH_UI_TRACE_WAIT ?? 0) - (Date.now() - listening);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const loads: { label: string; lead: { dom: number; painted: number }; trace: PageTrace; cpu: string }[] = [];
    // The renderer's main-thread time up to the paint (CDP Performance metrics: less noisy than
    // the wall clock on a shared machine; they include the lead script's own wait, a few ms).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
      return `main thread busy ${m('TaskDuration').toFixed(0)} ms (script ${m('ScriptDuration').toFixed(0)}, style ${m('RecalcStyleDuration').toFixed(0)}, layout ${m('LayoutDuration').toFixed(0)})`;
    };
    await page.goto(url, { waitUntil: 'commit' });
    let lead = (await page.evaluate(LEAD_TIMES)) as { dom: number; painted: number };
    loads.push({ label: 'first load', lead, cpu: await cpu(), trace: (await page.evaluate(COLLECT)) as PageTrace });
    for (let i = 1; i <= 2; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await page.reload({ waitUntil: 'commit' });
      lead = (await page.evaluate(LEAD_TIMES)) as { dom: number; painted: number };
      loads.push({ label: `reload ${i}`, lead, cpu: await cpu(), trace: (await page.evaluate(COLLECT)) as PageTrace });
    }
    await new Promise((r) => setTimeout(r, 500));
    const start = events.find((e) => e.kind === 'host-start')!.t;
    const first = loads[0]!.trace.origin;
    out.push(`host: started ${ms(start - first)} ms, listening ${ms(listening - first)} ms (relative to the first navigation)`);
    for (const l of loads) out.push(timeline(`${l.label}: lead painted at ${l.lead.painted.toFixed(0)} ms; ${l.cpu}`, l.trace, l.lead, events));
    const summaries = events.find((e) => e.kind === 'summaries');
    if (summaries) out.push(`background summary load: ${ms(summaries.start! - first)} .. ${ms(summaries.end! - first)} ms (${summaries.size} summaries)`);
    const eld = events.filter((e) => e.kind === 'eld' && e.t - first > -1000 && e.t - first < 4000);
    out.push('host event-loop delay per 250 ms (max / p99 / mean ms):');
    out.push(eld.map((e) => `${ms(e.t - first)}: ${e.maxMs!.toFixed(0)}/${e.p99Ms!.toFixed(0)}/${e.meanMs!.toFixed(0)}`).join('  '));
    await context.close();
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return out.join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runUiTrace());
