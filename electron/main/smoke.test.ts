/**
 * Electron smoke test without an Electron binary: runs the *built* main process (out/main/index.js)
 * under plain Node in a child process, with `electron` mapped to a recording stand-in
 * (scripts/electron-smoke/), and checks what it did: single-instance lock, privileged app:// scheme
 * before ready, every contract channel registered with ipcMain.handle, one window with exactly the
 * secure webPreferences and an existing preload, loading app://reader/, window.open and navigation
 * denied, permissions denied, protocol headers and traversal refusal, the app menu built from the
 * commands table, no new-articles notification by default and one (click: focus, open the article)
 * once a section is chosen, the window's saved size and position restored and saved again, a clean quit.
 * Also: the page-extraction worker (out/main/extract-worker.js) is built beside main and works.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, staleBuildReason } from '../../scripts/electron-smoke/build-state';
import { startNewsServer } from '../../e2e/fixtures/news-server';
import { acquireDataDirLock } from '../core/store/lock';
import { channels } from '../shared/contract';
import { APP_CSP } from './app-protocol';
import { menuCommands } from './menu';
import { WINDOW_STATE_FILE } from './window-state';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..', '..');
const runner = join(repoRoot, 'scripts', 'electron-smoke', 'run-main.mjs');
const mainFile = join(repoRoot, 'out', 'main', 'index.js');

interface SmokeReport {
  problems: string[];
  calls: { api: string; ready: boolean; args?: unknown[] }[];
  [key: string]: unknown;
}

async function runMain(dataDir: string, env: Record<string, string> = {}): Promise<SmokeReport> {
  const { stdout, stderr } = await run(process.execPath, [runner, mainFile, dataDir], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE_REPORT '));
  if (!line) throw new Error(`no SMOKE_REPORT line.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  return JSON.parse(line.slice('SMOKE_REPORT '.length)) as SmokeReport;
}

let dataDir: string;
let report: SmokeReport;

beforeAll(async () => {
  const stale = staleBuildReason(repoRoot);
  if (stale) buildApp(repoRoot);
  dataDir = await mkdtemp(join(tmpdir(), 'electron-smoke-'));
  await writeFile(join(dataDir, WINDOW_STATE_FILE), JSON.stringify({ x: 40, y: 30, width: 900, height: 700, maximized: true }));
  const server = await startNewsServer();
  try {
    report = await runMain(dataDir, { SMOKE_FEED_URL: `${server.url}/feeds/news.rss` });
  } finally {
    await server.close();
  }
}, 240_000);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('built Electron main process (stand-in electron)', () => {
  it('starts without problems or error dialogs', () => {
    expect(report.problems).toEqual([]);
    expect(report.errorBoxes).toEqual([]);
    expect(report.exitCode).toBeNull();
  });

  it('uses --data-dir as userData and takes the single-instance lock before ready', () => {
    expect(report.calls).toContainEqual({ api: 'app.setPath', ready: false, args: ['userData', dataDir] });
    expect(report.calls).toContainEqual({ api: 'app.requestSingleInstanceLock', ready: false, args: [dataDir] });
  });

  it('registers app:// as a privileged standard, secure scheme before ready and handles it after', () => {
    const registration = report.calls.find((c) => c.api === 'protocol.registerSchemesAsPrivileged');
    expect(registration?.ready).toBe(false);
    expect(report.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }),
    ]);
    expect(report.protocols).toEqual(['app']);
  });

  it('registers exactly the contract channels with ipcMain.handle and nothing with ipcMain.on', () => {
    expect([...(report.ipcChannels as string[])].sort()).toEqual(Object.values(channels).sort());
    expect(report.calls.filter((c) => c.api === 'ipcMain.on' || c.api === 'ipcMain.once')).toEqual([]);
  });

  it('creates one window with exactly the secure webPreferences and an existing preload', () => {
    expect(report.calls.filter((c) => c.api === 'new BrowserWindow')).toHaveLength(1);
    expect(report.webPreferences).toEqual({
      preload: join(repoRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(report.preloadExists).toBe(true);
  });

  it('loads the renderer from app://reader/', () => {
    expect(report.loadedUrls).toEqual(['app://reader/index.html']);
  });

  it('denies window.open, sending only http/https/mailto to the system browser', () => {
    expect(report.windowOpen).toEqual({
      'https://example.org/story': { action: 'deny', openedExternally: true },
      'mailto:desk@example.org': { action: 'deny', openedExternally: true },
      'file:///etc/passwd': { action: 'deny', openedExternally: false },
      'javascript:alert(1)': { action: 'deny', openedExternally: false },
      'smb://host/share': { action: 'deny', openedExternally: false },
    });
  });

  it('prevents every navigation and denies every permission', () => {
    expect(report.willNavigate).toEqual({
      'https://evil.example/': true,
      'file:///etc/passwd': true,
      'app://reader/other.html': true,
    });
    expect(report.permissionRequests).toEqual([
      ['media', false],
      ['geolocation', false],
      ['notifications', false],
      ['openExternal', false],
      ['clipboard-read', false],
    ]);
    expect(report.permissionCheck).toBe(false);
  });

  it('serves the app with CSP and nosniff and refuses traversal with 403', () => {
    const responses = report.protocolResponses as Record<string, { status: number; csp: string; nosniff: string }>;
    expect(responses['app://reader/index.html']).toMatchObject({ status: 200, csp: APP_CSP, nosniff: 'nosniff' });
    expect(responses['app://reader/..%2f..%2f.ssh/id_rsa']).toMatchObject({ status: 403, csp: APP_CSP, nosniff: 'nosniff' });
    expect(responses['app://reader/photos/..%2f..%2fetc%2fpasswd']).toMatchObject({ status: 403 });
  });

  it('answers IPC from the app page through the real service and refuses other senders and bad arguments', () => {
    const ipc = report.ipc as Record<string, { ok?: boolean; error?: string }>;
    expect(ipc.getStatusFromApp).toEqual({ ok: true, type: 'object' });
    expect(ipc.listSectionsFromApp).toEqual({ ok: true, type: 'array' });
    expect(ipc.getStatusFromOtherOrigin!.error).toMatch(/not the app page/);
    expect(ipc.getArticleWithNumber!.error).toMatch(/Invalid argument/);
  });

  it('builds the app menu from the commands table, with the standard Edit and Window menus by role', () => {
    type Item = { label?: string; role?: string; id?: string; type?: string; accelerator?: string; submenu?: Item[] };
    const menu = report.menu as Item[];
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&Article', '&View', 'windowMenu', '&Help']);
    const ids = menu.flatMap((m) => m.submenu ?? []).flatMap((i) => (i.id ? [i.id] : []));
    expect(ids.sort()).toEqual(menuCommands.map((c) => c.id).sort());
    expect(ids).toEqual(expect.arrayContaining(['sync-now', 'add-source', 'save-article', 'theme-dark', 'zoom-in', 'about', 'quit']));
    const clicks = report.menuClicks as Record<string, { sent: { channel: string; payload: unknown }[]; zoomChanged: boolean; about: boolean }>;
    expect(clicks['save-article']!.sent).toEqual([{ channel: 'news:event:menu-command', payload: { command: 'save-article' } }]);
    expect(clicks['add-source']!.sent).toEqual([{ channel: 'news:event:menu-command', payload: { command: 'add-source' } }]);
    expect(clicks['theme-dark']!.sent).toEqual([{ channel: 'news:event:menu-command', payload: { command: 'theme-dark' } }]);
    expect(clicks['zoom-in']).toMatchObject({ sent: [], zoomChanged: true });
    expect(clicks.about).toMatchObject({ sent: [], about: true });
  });

  it('shows no new-articles notification by default, even after a sync that added articles', () => {
    const sync = report.defaultSync as { added: number; newArticles: number; notifySections: string[]; notifications: unknown[] };
    expect(sync.added).toBeGreaterThan(0);
    expect(sync.newArticles).toBe(sync.added);
    expect(sync.notifySections).toEqual([]);
    expect(sync.notifications).toEqual([]);
  });

  it('shows one notification for new articles in a chosen section; a click focuses and opens the first', () => {
    const sync = report.chosenSync as {
      chosen: string[];
      newArticles: number;
      firstArticleId: string;
      notifications: { title: string; body: string; silent: boolean; shown: boolean }[];
      clickSent: { channel: string; payload: unknown }[];
      clickCalls: string[];
    };
    expect(sync.chosen.length).toBeGreaterThan(0);
    expect(sync.newArticles).toBeGreaterThan(0);
    expect(sync.notifications).toHaveLength(1);
    expect(sync.notifications[0]).toMatchObject({ title: expect.stringMatching(/^\d+ new articles?/), silent: false, shown: true });
    expect(sync.clickCalls).toEqual(expect.arrayContaining(['BrowserWindow.focus']));
    expect(sync.clickSent).toEqual([
      { channel: 'news:event:menu-command', payload: { command: 'open-article', articleId: sync.firstArticleId } },
    ]);
  });

  it('logs a notification the system could not show, in plain words', () => {
    expect(report.notificationFailedLogged).toEqual(['The new-articles notification could not be shown: Notifications are turned off for this app']);
  });

  it('a notification clicked after the window was closed opens a new window on that article', () => {
    const id = (report.chosenSync as { firstArticleId: string }).firstArticleId;
    expect(report.clickAfterClose).toEqual({ newWindows: 1, loadedUrls: [`app://reader/index.html#/article/${encodeURIComponent(id)}`] });
  });

  it('paints the window in the theme\'s paper colour before the page (no white flash)', () => {
    expect(report.backgroundColor).toBe('#fbfaf6'); // the stand-in's nativeTheme is light
  });

  it('a second launch during start-up opens no early window: the one window comes after app:// is handled', () => {
    const apis = report.calls.map((c) => c.api);
    expect(apis.filter((a) => a === 'new BrowserWindow')).toHaveLength(1);
    expect(apis.indexOf('new BrowserWindow')).toBeGreaterThan(apis.indexOf('protocol.handle'));
  });

  it('focuses the existing window when a second instance starts', () => {
    expect(report.secondInstanceCalls).toEqual(expect.arrayContaining(['BrowserWindow.show', 'BrowserWindow.focus']));
    expect((report.secondInstanceCalls as string[]).filter((c) => c === 'new BrowserWindow')).toEqual([]);
  });

  it('restores the saved window size, position and maximized state, and saves them again on close', () => {
    expect(report.windowOptions).toEqual({ x: 40, y: 30, width: 900, height: 700 });
    expect(report.maximizedAtShow).toBe(true);
    expect(report.windowStateAfterClose).toEqual({ x: 64, y: 48, width: 1000, height: 720, maximized: false });
  });

  it('closes the service and quits cleanly', () => {
    expect(report.quitState).toBe('quit');
  });
});

describe('built bundles', () => {
  it('main imports only electron, Node built-ins and runtime dependencies (never devDependencies)', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const code = await readFile(mainFile, 'utf8');
    const specifiers = [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm)]
      .map((m) => m[1] ?? m[2] ?? m[3]!)
      .filter((s) => !s.startsWith('.') && !s.startsWith('/'));
    const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    const builtins = new Set(builtinModules);
    const offending = specifiers.filter(
      (s) => s !== 'electron' && !s.startsWith('node:') && !builtins.has(s) && !(packageOf(s) in pkg.dependencies),
    );
    expect(specifiers).toContain('electron');
    expect(offending).toEqual([]);
  });

  it('the page-extraction worker is built beside main and extracts a page in a worker thread', async () => {
    const workerFile = join(repoRoot, 'out', 'main', 'extract-worker.js');
    const worker = new Worker(workerFile);
    try {
      const html = `<html><head><title>Bridge</title></head><body><article><h1>Bridge reopens</h1>${'<p>The old bridge reopened on Monday after two years of repairs, the council said in a statement.</p>'.repeat(8)}</article></body></html>`;
      const answers: { ready?: boolean; id?: number; ok?: boolean; result?: { title: string; bodyText: string } }[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: (typeof answers)[number]) => {
          answers.push(m);
          if (m.ready) worker.postMessage({ id: 1, task: { url: 'https://example.test/a/bridge', contentType: 'text/html', body: new TextEncoder().encode(html) } });
          if (m.id === 1) resolve();
        });
      });
      expect(answers[0]).toEqual({ ready: true });
      expect(answers[1]).toMatchObject({ id: 1, ok: true, result: { title: 'Bridge reopens' } });
      expect(answers[1]!.result!.bodyText).toContain('The old bridge reopened on Monday');
    } finally {
      await worker.terminate();
    }
  });

  it('the preload is one CommonJS file that requires nothing but electron', async () => {
    const code = await readFile(join(repoRoot, 'out', 'preload', 'index.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s/m);
  });
});

describe('data folder held by another process', () => {
  it('shows a clear error and exits with 1 instead of opening a window', async () => {
    const heldDir = await mkdtemp(join(tmpdir(), 'electron-smoke-held-'));
    const lock = acquireDataDirLock(heldDir); // this test process plays the CLI holding the folder
    try {
      const held = await runMain(heldDir);
      expect(held.exitCode).toBe(1);
      expect(held.errorBoxes).toEqual([
        expect.objectContaining({ title: 'Offline News could not start', content: expect.stringMatching(/in use by another process/) }),
      ]);
      expect(held.calls.filter((c) => c.api === 'new BrowserWindow')).toEqual([]);
      expect(held.ipcChannels).toEqual([]);
    } finally {
      lock.release();
      await rm(heldDir, { recursive: true, force: true });
    }
  });
});

describe('second instance', () => {
  it('quits at once without a window or IPC handlers when the lock is held', async () => {
    const second = await runMain(dataDir, { SMOKE_LOCK_HELD: '1' });
    expect(second.problems).toEqual([]);
    expect(second.calls.map((c) => c.api)).toContain('app.quit');
    expect(second.windows).toBe(0);
    expect(second.ipcChannels).toEqual([]);
    expect(second.calls.filter((c) => c.api === 'protocol.handle')).toEqual([]);
  });
});
