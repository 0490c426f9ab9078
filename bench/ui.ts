/**
 * Reading UI benchmark (`npm run bench -- ui`): a generated data folder of 50k articles
 * (bench/ui-store.ts), the browser host (electron/cli/web.ts) and the system Chromium through
 * Playwright. Measures, in the page's own clock (performance.now(), from the navigation start):
 * - first front: page load to the lead story's headline in the DOM and one frame later (painted),
 *   for the first load after the host started (store still loading its older days) and for reloads;
 * - open an article: click on a headline to the article's h1 showing that headline (DOM mutation,
 *   then the next frame), over BENCH_UI_OPENS (default 20) different stories, median and p95;
 * - DOM size (elements) of the front at the top, half way down and at the bottom.
 * Targets: first front <= 1 s, open <= 100 ms, DOM the same at the top and far down.
 * Env: BENCH_UI_ARTICLES (default 50000), BENCH_UI_OPENS (default 20).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { startWebHost } from '../e2e/support/web-host';
import { generateUiStore } from './ui-store';

const repoRoot = path.resolve(import.meta.dirname, '..');

// In-page scripts with inner named functions are strings: tsx (esbuild keepNames) would wrap them in
// a __name() helper that does not exist in the page. (waitForFunction takes plain arrows: a string
// there is eval'd, which the app's CSP refuses.)
export const LEAD_TIMES = `new Promise((resolve) => {
  const done = () => {
    const dom = performance.now();
    requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: performance.now() }), 0));
  };
  const found = () => document.querySelector('.front__lead [data-story-link]');
  if (found()) return done();
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); done(); }
  });
  observer.observe(document.body, { childList: true, subtree: true });
})`;

const OPEN_TIME = (k: number) => `new Promise((resolve, reject) => {
  const links = document.querySelectorAll('main [data-story-link]');
  const link = links[${k} % links.length];
  if (!link) return reject(new Error('no story link on the front'));
  const title = link.textContent;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    const h1 = document.querySelector('article h1');
    if (h1 && h1.textContent === title) {
      observer.disconnect();
      const dom = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: performance.now() - t0 }), 0));
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  link.click();
})`;

/** ms from navigation start until the lead headline is in the DOM, and until the next frame. */
const leadTimes = (page: Page) => page.evaluate(LEAD_TIMES) as Promise<{ dom: number; painted: number }>;

/** Clicks the k-th rendered headline; ms until the article's h1 shows it (DOM, next frame). */
const openTime = (page: Page, k: number) => page.evaluate(OPEN_TIME(k)) as Promise<{ dom: number; painted: number }>;

const elements = (page: Page) => page.evaluate('document.getElementsByTagName("*").length') as Promise<number>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

export async function runUiBench(n = Number(process.env.BENCH_UI_ARTICLES ?? 50_000), opens = Number(process.env.BENCH_UI_OPENS ?? 20)) {
  // Generated once and kept in bench/.data (gitignored); opening stories marks them read, nothing more.
  const root = path.join(repoRoot, 'bench', '.data', `ui-${n}`);
  const t0 = performance.now();
  if (!fs.existsSync(path.join(root, '.complete'))) {
    fs.rmSync(root, { recursive: true, force: true });
    generateUiStore(root, n);
    fs.writeFileSync(path.join(root, '.complete'), new Date().toISOString());
  }
  const generateMs = performance.now() - t0;
  const hostStart = performance.now();
  const host = await startWebHost({ repoRoot, dataDir: root, timeoutMs: 120_000 });
  const hostMs = performance.now() - hostStart;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    // First load right after the host started (its store still reads the older days).
    await page.goto(host.url, { waitUntil: 'commit' });
    const cold = await leadTimes(page);
    // Reloads: the host is warm, the page is not (every reload starts the renderer from scratch).
    const warm: { dom: number; painted: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload({ waitUntil: 'commit' });
      warm.push(await leadTimes(page));
    }
    await page.waitForFunction(() => !document.querySelector('.story--loading') && (document.querySelector('.front__summary')?.textContent ?? '').includes(','));
    const summary = await page.locator('.front__summary').textContent();
    const domTop = await elements(page);
    const cardsTop = await page.locator('main [data-story-index]').count();
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight / 2)');
    await page.waitForFunction(() => !document.querySelector('.story--loading') && Number(document.querySelector('main .front__cell')?.getAttribute('data-story-index')) > 1000);
    const domMiddle = await elements(page);
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.waitForFunction((min) => !document.querySelector('.story--loading') && Number(document.querySelector('main .front__cell')?.getAttribute('data-story-index')) > min, Math.floor(n * 0.8));
    const domBottom = await elements(page);
    const cardsBottom = await page.locator('main [data-story-index]').count();
    await page.evaluate('window.scrollTo(0, 0)');

    // Open 2 warm-up stories, then `opens` measured ones, each from the front (history back).
    const times: { dom: number; painted: number }[] = [];
    for (let k = 0; k < opens + 2; k++) {
      await page.waitForSelector('main [data-story-link]');
      const t = await openTime(page, k);
      if (k >= 2) times.push(t);
      await page.goBack();
      await page.waitForSelector('.front__lead [data-story-link]');
    }
    await context.close();
    return {
      n,
      generateMs,
      hostMs,
      summary,
      cold,
      warm,
      dom: { top: domTop, middle: domMiddle, bottom: domBottom, cardsTop, cardsBottom },
      open: {
        domMedian: median(times.map((t) => t.dom)),
        domP95: p95(times.map((t) => t.dom)),
        paintedMedian: median(times.map((t) => t.painted)),
        paintedP95: p95(times.map((t) => t.painted)),
        count: times.length,
      },
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
