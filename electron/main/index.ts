/**
 * Electron main process: app lifecycle only. Picks the data folder, takes the single-instance lock
 * (a second launch focuses the first window, once there is one: a launch during start-up opens no
 * window of its own), registers the app:// scheme, starts the core news service, wires IPC and
 * service events to the window, and closes the service before quitting. Per-platform choices
 * (Windows app id, theme background, the dev server in `npm run dev`) are in platform.ts.
 */
import { join } from 'node:path';
import { app, dialog, Menu, nativeTheme, net, screen, session, shell, type BrowserWindow } from 'electron';
import { createNewsService } from '../core/service';
import type { NewsService } from '../core/types';
import { eventChannels, eventNames, type MenuCommand } from '../shared/contract';
import { requestedDataDir } from './data-dir';
import { externalUrlToOpen } from './external-links';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate, nextZoomLevel } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { notifyOnNewArticles } from './notifications';
import { applyPlatformIdentity, articleHash, devContentSecurityPolicy, devServerOrigin, windowBackgroundColor } from './platform';
import { createMainWindow, denyAllPermissions } from './window';
import { loadWindowState, trackWindowState } from './window-state';
import { plainErrorMessage } from '../core/fs-errors';

const builtMainDir = import.meta.dirname; // out/main (or app.asar/out/main when packaged)
const rendererDir = join(builtMainDir, '..', 'renderer');
const preloadPath = join(builtMainDir, '..', 'preload', 'index.cjs');
const firstRunDir = join(builtMainDir, '..', '..', 'assets', 'first-run');

// Before ready: choose the data folder. The lock lives in userData, so pointing userData at the data
// folder makes "one app per data folder" the rule; Chromium's own files go to a subfolder.
const explicitDataDir = requestedDataDir(process.argv, process.env);
if (explicitDataDir) app.setPath('userData', explicitDataDir);
const dataDir = app.getPath('userData');
app.setPath('sessionData', join(dataDir, 'chromium'));
registerAppScheme();
applyPlatformIdentity(app, process.platform);
// `npm run dev`: electron-vite's dev server (hot reload); never in a packaged app.
const devOrigin = devServerOrigin(process.env, app.isPackaged);

let mainWindow: BrowserWindow | null = null;
let service: NewsService | null = null;
let unregisterIpc: (() => void) | null = null;
/** Set once the service, protocol and IPC are up: only then may a window open. */
let started = false;

/** Shows and focuses the window, creating it (on `hash`, e.g. an article's route) if there is none. */
function showMainWindow(hash = ''): void {
  if (!mainWindow) {
    // Size and position from the last run, kept only if it is still on a current display.
    const displays = screen.getAllDisplays().map((d) => d.workArea);
    mainWindow = createMainWindow({
      preloadPath,
      state: loadWindowState(dataDir, displays),
      backgroundColor: windowBackgroundColor(nativeTheme.shouldUseDarkColors),
      devOrigin,
      hash,
    });
    trackWindowState(mainWindow, dataDir);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** A clicked notification: the open window goes to the article, or a new window opens on it. */
function openArticleInWindow(articleId: string): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) {
    mainWindow = null;
    showMainWindow(articleHash(articleId));
    return;
  }
  showMainWindow();
  win.webContents.send(eventChannels['menu:command'], { command: 'open-article', articleId });
}

function forwardServiceEvents(news: NewsService): void {
  for (const name of eventNames) {
    news.on(name, (payload) => {
      const win = mainWindow;
      if (win && !win.isDestroyed()) win.webContents.send(eventChannels[name], payload);
    });
  }
}

const OPML_FILTERS = [
  { name: 'OPML', extensions: ['opml', 'xml'] },
  { name: 'All files', extensions: ['*'] },
];

/** The app menu (menu.ts): commands call the service, act on the window, or tell the page. */
function installAppMenu(news: NewsService): void {
  const withWindow = (fn: (win: BrowserWindow) => void): void => {
    if (mainWindow && !mainWindow.isDestroyed()) fn(mainWindow);
  };
  const template = buildMenuTemplate({
    api: news.api,
    sendToPage: (command: MenuCommand) => withWindow((win) => win.webContents.send(eventChannels['menu:command'], { command })),
    zoom: (step) => withWindow((win) => win.webContents.setZoomLevel(nextZoomLevel(win.webContents.getZoomLevel(), step))),
    showAbout: () => app.showAboutPanel(),
    chooseOpenFile: async () => {
      const options = { title: 'Import OPML', properties: ['openFile' as const], filters: OPML_FILTERS };
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    chooseSaveFile: async (defaultName) => {
      const options = { title: 'Export OPML', defaultPath: defaultName, filters: OPML_FILTERS };
      const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return picked.canceled ? null : (picked.filePath ?? null);
    },
    showMessage: (message, detail) => {
      const options = { type: 'info' as const, message, ...(detail ? { detail } : {}) };
      void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
    },
    quit: () => app.quit(),
    onError: (error) => console.error('Menu command failed:', error),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  if (devOrigin) {
    // The dev server's pages get the app's CSP plus what hot reload needs (platform.ts).
    const csp = devContentSecurityPolicy(devOrigin);
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
  let news: NewsService;
  try {
    news = await createNewsService({
      dataDir,
      firstRunDir,
      // Polled every 10 s: 'connectivity' events, and a sync when the network comes back.
      isOnline: () => net.isOnline(),
      schedule: true,
      openExternal: async (url: string) => {
        const target = externalUrlToOpen(url);
        if (target !== null) await shell.openExternal(target);
      },
    });
  } catch (error) {
    const message = plainErrorMessage(error, dataDir);
    console.error(`Offline News could not open its data folder ${dataDir}: ${message}`);
    dialog.showErrorBox('Offline News could not start', `The data folder ${dataDir} could not be opened:\n\n${message}`);
    app.exit(1);
    return;
  }
  service = news;
  handleAppProtocol({ rendererDir, resolvePhoto: (name) => news.resolvePhoto(name) });
  unregisterIpc = registerIpcHandlers(news, devOrigin);
  forwardServiceEvents(news);
  app.setAboutPanelOptions({ applicationName: 'Offline News', applicationVersion: app.getVersion(), copyright: 'Offline News contributors' });
  installAppMenu(news);
  notifyOnNewArticles(news, { openArticle: openArticleInWindow });
  nativeTheme.on('updated', () => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setBackgroundColor(windowBackgroundColor(nativeTheme.shouldUseDarkColors));
  });
  started = true;
  showMainWindow();
  app.on('activate', () => showMainWindow());
}

if (!app.requestSingleInstanceLock()) {
  console.error(`Offline News is already running with the data folder ${dataDir}; switching to it.`);
  app.quit();
} else {
  app.on('second-instance', () => {
    // During start-up the window is about to open anyway; opening one now would show a blank page.
    if (started) showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Belt and braces for any web contents besides the main window: no popups, no webviews.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed || !service) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    unregisterIpc?.();
    service
      .close()
      .catch((error: unknown) => console.error('Closing the news service failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  start().catch((error: unknown) => {
    console.error('Offline News failed to start:', error);
    app.exit(1);
  });
}
