/**
 * Playwright fixtures shared by every spec, for both projects:
 * - dataDir:    a fresh data folder per test (removed afterwards unless the test failed)
 * - newsServer: the loopback fixture news server (e2e/fixtures), stoppable mid-test
 * - page:       the app's page. Project "chromium": the browser host started on dataDir and opened
 *               in the system Chromium. Project "electron": the built app through
 *               _electron.launch (skipped, with the reason, when there is no Electron binary).
 * - app:        { origin, host, requests, electronApp } about the running app (Electron starts
 *               through the real entry: the project folder, so package.json's name, productName and
 *               "main" apply as in `npm start`, with the test's temp data folder as userData)
 * Every test fails if the page requested a URL off the app's own origin (other than data:).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { startNewsServer, type NewsServer } from '../fixtures/news-server';
import { recordRequests, type RequestLog } from './request-guard';
import { startWebHost } from './web-host';
import { electronLaunchArgs } from './electron-binary';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const ELECTRON_APP_ORIGIN = 'app://reader';

export interface AppHostOptions {
  /** Which host runs the renderer in this project. */
  appHost: 'browser' | 'electron';
  electronPath: string | null;
  electronMissingReason: string | null;
}

export interface StoppableNewsServer extends NewsServer {
  /** Feed URL of the fixture site's RSS feed. */
  rssUrl: string;
  stopped: boolean;
  stop(): Promise<void>;
}

export interface RunningApp {
  host: 'browser' | 'electron';
  origin: string;
  requests: RequestLog;
  /** Console errors and uncaught page errors, in order (CSP violations show up here). */
  pageErrors: string[];
  electronApp: ElectronApplication | null;
  /** The app's page (after restart() in Electron, a new one). */
  page: Page;
  /** Stops the host and starts it again on the same data folder; returns the page to use. */
  restart(): Promise<Page>;
}

interface WorkerFixtures {
  /** The system Chromium, launched on first use and shared by the tests of one worker. */
  sharedChromium: () => Promise<Browser>;
}

interface Fixtures {
  dataDir: string;
  newsServer: StoppableNewsServer;
  app: RunningApp;
  page: Page;
}

function collectPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** The renderer must not have requested anything off its own origin (checked after every test). */
function expectNoForeignRequests(requests: RequestLog): void {
  expect(requests.foreign(), 'requests that left the app origin').toEqual([]);
}

export const test = base.extend<AppHostOptions & Fixtures, WorkerFixtures>({
  sharedChromium: [
    async ({ playwright, launchOptions }, use) => {
      const state: { launched: Promise<Browser> | null } = { launched: null };
      await use(() => (state.launched ??= playwright.chromium.launch(launchOptions)));
      if (state.launched) await (await state.launched).close();
    },
    { scope: 'worker' },
  ],

  appHost: ['browser', { option: true }],
  electronPath: [null, { option: true }],
  electronMissingReason: [null, { option: true }],

  dataDir: async ({}, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), 'news-e2e-'));
    await use(dir);
    if (testInfo.status === testInfo.expectedStatus) await rm(dir, { recursive: true, force: true });
    else testInfo.annotations.push({ type: 'data folder kept', description: dir });
  },

  newsServer: async ({}, use) => {
    const server = await startNewsServer();
    const handle: StoppableNewsServer = {
      ...server,
      rssUrl: `${server.url}/feeds/news.rss`,
      stopped: false,
      async stop() {
        if (handle.stopped) return;
        handle.stopped = true;
        await server.close();
      },
    };
    await use(handle);
    await handle.stop();
  },

  app: [
    async ({ appHost, electronPath, electronMissingReason, dataDir, sharedChromium }, use, testInfo) => {
      if (appHost === 'electron' && !electronPath) {
        testInfo.skip(true, `Electron project skipped: ${electronMissingReason ?? 'no Electron binary'}`);
        return;
      }
      if (appHost === 'browser') {
        const [firstHost, browser] = await Promise.all([startWebHost({ repoRoot, dataDir }), sharedChromium()]);
        let host = firstHost;
        const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
        const requests = recordRequests(context, host.origin);
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page);
        await page.goto(host.url);
        const running: RunningApp = {
          host: 'browser',
          origin: host.origin,
          requests,
          pageErrors,
          electronApp: null,
          page,
          async restart() {
            // Leave the page first, so its event stream does not retry against the stopped host.
            await page.goto('about:blank');
            await host.stop();
            host = await startWebHost({ repoRoot, dataDir });
            running.origin = host.origin;
            requests.allowOrigin(host.origin);
            await page.goto(host.url);
            return page;
          },
        };
        try {
          await use(running);
          expectNoForeignRequests(requests);
        } finally {
          if (testInfo.status !== testInfo.expectedStatus) {
            await testInfo.attach('web host output', { body: host.output(), contentType: 'text/plain' });
            await page.screenshot({ path: testInfo.outputPath('failure.png') }).catch(() => undefined);
          }
          await context.close();
          await host.stop();
        }
        return;
      }
      const launch = async () => {
        const args = electronLaunchArgs(repoRoot, dataDir);
        const electronApp = await _electron.launch({ executablePath: electronPath!, args, cwd: repoRoot, timeout: 60_000 });
        const page = await electronApp.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        return { electronApp, page };
      };
      const first = await launch();
      const requests = recordRequests(first.electronApp.context(), ELECTRON_APP_ORIGIN);
      const pageErrors = collectPageErrors(first.page);
      const running: RunningApp = {
        host: 'electron',
        origin: ELECTRON_APP_ORIGIN,
        requests,
        pageErrors,
        electronApp: first.electronApp,
        page: first.page,
        async restart() {
          await running.electronApp!.close();
          const next = await launch();
          requests.watch(next.electronApp.context());
          collectPageErrors(next.page, pageErrors);
          running.electronApp = next.electronApp;
          running.page = next.page;
          return next.page;
        },
      };
      try {
        await use(running);
        expectNoForeignRequests(requests);
      } finally {
        if (testInfo.status !== testInfo.expectedStatus) {
          await running.page.screenshot({ path: testInfo.outputPath('failure.png') }).catch(() => undefined);
        }
        await running.electronApp!.close();
      }
    },
    { auto: true },
  ],

  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
