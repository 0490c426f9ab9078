/**
 * Child-process entry of the Electron smoke test. Maps `electron` to the recording stand-in, loads
 * the built main process (out/main/index.js) exactly as Electron would, drives what it registered
 * (window.open, will-navigate, permission handlers, the app:// protocol, IPC handlers, quit) and
 * prints one line `SMOKE_REPORT <json>` for the test to check. Usage:
 *   node scripts/electron-smoke/run-main.mjs <out/main/index.js> <data dir>
 * Environment: SMOKE_LOCK_HELD=1 makes requestSingleInstanceLock() return false (second instance).
 */
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./resolve-electron.mjs', import.meta.url);

const [mainFile, dataDir] = process.argv.slice(2);
if (!mainFile || !dataDir) {
  console.error('usage: run-main.mjs <out/main/index.js> <data dir>');
  process.exit(2);
}
// What `electron out/main/index.js --data-dir=DIR` leaves in process.argv.
process.argv = [process.execPath, resolve(mainFile), `--data-dir=${dataDir}`];

const { record, app } = await import('./fake-electron.mjs');
const report = { problems: [] };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, predicate, ms = 15_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (predicate()) return true;
    await sleep(20);
  }
  report.problems.push(`timed out waiting for ${what}`);
  return false;
}

function summarizeCalls() {
  return record.calls.map((c) => ({ api: c.api, ready: c.ready, args: c.api === 'new BrowserWindow' ? undefined : c.args }));
}

// What main logs with console.error (e.g. a notification that failed), for the report.
const loggedErrors = [];
const consoleError = console.error;
console.error = (...args) => {
  loggedErrors.push(args.map(String).join(' '));
  consoleError(...args);
};

try {
  await import(pathToFileURL(resolve(mainFile)).href);
} catch (error) {
  report.problems.push(`importing the main bundle threw: ${error?.stack ?? error}`);
}
// A second launch while this one is still starting (before ready): it must not open a window early.
app.emit('second-instance', { preventDefault() {} }, ['electron', '.'], process.cwd(), {});

if (process.env.SMOKE_LOCK_HELD === '1') {
  await sleep(300);
  report.calls = summarizeCalls();
  report.windows = record.windows.length;
  report.ipcChannels = [...record.ipcHandlers.keys()];
  report.quitState = record.quitState;
  console.log(`SMOKE_REPORT ${JSON.stringify(report)}`);
  process.exit(0);
}

await waitFor('a window loading its page', () => record.windows.some((w) => w.loadedUrls.length > 0) || record.exitCode !== null);
report.exitCode = record.exitCode;
report.errorBoxes = record.errorBoxes;
report.calls = summarizeCalls();
report.privilegedSchemes = record.privilegedSchemes;
report.protocols = [...record.protocolHandlers.keys()];
report.ipcChannels = [...record.ipcHandlers.keys()];

const win = record.windows[0];
if (win) {
  const prefs = win.options.webPreferences ?? {};
  report.webPreferences = prefs;
  report.preloadExists = typeof prefs.preload === 'string' && existsSync(prefs.preload);
  report.loadedUrls = win.loadedUrls;

  // window.open: always denied; http(s)/mailto handed to the system browser, others dropped.
  const handler = win.webContents.windowOpenHandler;
  report.windowOpen = {};
  for (const url of ['https://example.org/story', 'mailto:desk@example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
    const before = record.openedExternally.length;
    const result = handler ? handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } }) : null;
    report.windowOpen[url] = { action: result?.action ?? null, openedExternally: record.openedExternally.length > before };
  }

  // will-navigate: every navigation prevented.
  report.willNavigate = {};
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://reader/other.html']) {
    const event = { url, isMainFrame: true, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    win.webContents.emit('will-navigate', event, url);
    report.willNavigate[url] = event.defaultPrevented;
  }
}

// Permissions: every request and check denied.
if (record.permissionRequestHandler) {
  const answers = [];
  for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
    await new Promise((done) => record.permissionRequestHandler(win?.webContents, permission, (granted) => { answers.push([permission, granted]); done(); }, {}));
  }
  report.permissionRequests = answers;
}
report.permissionCheck = record.permissionCheckHandler ? record.permissionCheckHandler(null, 'media', 'app://reader', {}) : null;

// The app protocol: index page with CSP + nosniff; traversal refused.
const appHandler = record.protocolHandlers.get('app');
if (appHandler) {
  report.protocolResponses = {};
  for (const url of ['app://reader/index.html', 'app://reader/..%2f..%2f.ssh/id_rsa', 'app://reader/photos/..%2f..%2fetc%2fpasswd']) {
    const res = await appHandler(new Request(url));
    report.protocolResponses[url] = {
      status: res.status,
      csp: res.headers.get('content-security-policy'),
      nosniff: res.headers.get('x-content-type-options'),
      type: res.headers.get('content-type'),
    };
  }
}

// IPC: the app page gets an answer, another origin is refused, bad arguments are refused.
const appFrame = { senderFrame: { url: 'app://reader/index.html', parent: null } };
const evilFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };
const invoke = async (channel, event, arg) => {
  const h = record.ipcHandlers.get(channel);
  if (!h) return { error: 'no handler' };
  try {
    const result = await h(event, arg);
    return { ok: true, type: Array.isArray(result) ? 'array' : typeof result };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
};
report.ipc = {
  getStatusFromApp: await invoke('news:get-status', appFrame),
  listSectionsFromApp: await invoke('news:list-sections', appFrame),
  getStatusFromOtherOrigin: await invoke('news:get-status', evilFrame),
  getArticleWithNumber: await invoke('news:get-article', appFrame, 42),
};

// New-articles notifications are off by default: a sync that adds articles shows none.
if (process.env.SMOKE_FEED_URL) {
  const call = (channel, arg) => record.ipcHandlers.get(channel)?.(appFrame, arg);
  try {
    await call('news:add-source', { url: process.env.SMOKE_FEED_URL });
    const summary = await call('news:sync-now');
    await new Promise((r) => setTimeout(r, 200)); // the notification check runs after sync:finished
    report.defaultSync = {
      added: summary.sources.reduce((n, s) => n + s.added, 0),
      newArticles: summary.newArticles?.length ?? 0,
      notifySections: (await call('news:get-settings')).notifySections,
      notifications: record.notifications.map((n) => n.options),
    };
    // Then chosen: the same articles arrive again (source removed and re-added) and one notification
    // is shown; clicking it focuses the window and tells the page to open the first article.
    const top = [...new Set(summary.newArticles.map((a) => a.sectionPath[0] ?? ''))].filter(Boolean);
    await call('news:update-settings', { notifySections: top });
    const source = (await call('news:list-sources')).find((s) => s.url === process.env.SMOKE_FEED_URL);
    await call('news:remove-source', source.id);
    await call('news:add-source', { url: process.env.SMOKE_FEED_URL });
    const again = await call('news:sync-now');
    await new Promise((r) => setTimeout(r, 200));
    const shown = record.notifications[0];
    const sentBefore = record.sent.length;
    const callsBefore = record.calls.length;
    shown?.emit('click');
    // The system could not show it (Windows / macOS emit 'failed'): logged in plain words.
    const errorsBefore = loggedErrors.length;
    shown?.emit('failed', { preventDefault() {} }, 'Notifications are turned off for this app');
    report.notificationFailedLogged = loggedErrors.slice(errorsBefore);
    report.chosenSync = {
      chosen: top,
      newArticles: again.newArticles?.length ?? 0,
      firstArticleId: again.newArticles?.[0]?.id ?? null,
      notifications: record.notifications.map((n) => ({ ...n.options, shown: n.shown })),
      clickSent: record.sent.slice(sentBefore),
      clickCalls: record.calls.slice(callsBefore).map((c) => c.api),
    };
    await call('news:update-settings', { notifySections: [] });
  } catch (error) {
    report.problems.push(`the default sync failed: ${error?.stack ?? error}`);
  }
}

// The app menu: its shape, and what a few items do when clicked (never Sync Now: no network here).
const plainMenu = (items) =>
  (items ?? []).map((m) => ({
    label: m.label,
    role: m.role,
    id: m.id,
    type: m.type,
    accelerator: m.accelerator,
    submenu: m.submenu ? plainMenu(m.submenu) : undefined,
  }));
report.menu = plainMenu(record.menu);
const menuItem = (id) => (record.menu ?? []).flatMap((m) => m.submenu ?? []).find((i) => i.id === id);
report.menuClicks = {};
for (const id of ['save-article', 'add-source', 'theme-dark', 'zoom-in', 'about']) {
  const sentBefore = record.sent.length;
  const zoomBefore = win?.webContents.getZoomLevel();
  const aboutBefore = record.aboutShown;
  menuItem(id)?.click?.();
  report.menuClicks[id] = {
    sent: record.sent.slice(sentBefore),
    zoomChanged: win ? win.webContents.getZoomLevel() !== zoomBefore : false,
    about: record.aboutShown > aboutBefore,
  };
}

// A second launch (the other process quits at once) focuses this window.
{
  const before = record.calls.length;
  app.emit('second-instance', { preventDefault() {} }, ['electron', '.'], process.cwd(), {});
  report.secondInstanceCalls = record.calls.slice(before).map((c) => c.api);
}

// Window state: the window opened with the saved state; moving it and closing it saves the new one.
if (win) {
  report.windowOptions = { x: win.options.x, y: win.options.y, width: win.options.width, height: win.options.height };
  report.backgroundColor = win.options.backgroundColor;
  report.maximizedAtShow = win.maximized;
  win.maximized = false;
  win.setBounds({ x: 64, y: 48, width: 1000, height: 720 });
  win.close();
  try {
    report.windowStateAfterClose = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'));
  } catch (error) {
    report.windowStateAfterClose = String(error);
  }
  // A notification clicked after the window was closed (macOS keeps the app running): a new window
  // opens on that article.
  const note = record.notifications[0];
  if (note) {
    const windowsBefore = record.windows.length;
    note.emit('click');
    report.clickAfterClose = {
      newWindows: record.windows.length - windowsBefore,
      loadedUrls: record.windows.slice(windowsBefore).flatMap((w) => w.loadedUrls),
    };
  }
}

// Quit: the main process defers quitting until the service is closed, then quits.
app.quit();
await waitFor('a clean quit', () => record.quitState === 'quit' || record.quitState === 'exited', 10_000);
report.quitState = record.quitState;

console.log(`SMOKE_REPORT ${JSON.stringify(report)}`);
process.exit(0);
