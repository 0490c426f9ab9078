/**
 * The app's one window: secure webPreferences from a single function (asserted by a unit test and
 * by the Electron smoke test), the renderer loaded from app://reader/, navigation and new windows
 * denied (http/https/mailto links go to the system browser instead), permission requests denied.
 * Size and position come from the remembered window state (window-state.ts); the background is
 * the theme's paper colour, so the window never flashes white before the page paints.
 */
import { BrowserWindow, shell, type Session, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { rendererEntryUrl } from './platform';
import { externalUrlToOpen } from './external-links';
import { DEFAULT_WINDOW_STATE, type WindowState } from './window-state';

/** The window options every app window uses. Nothing here may be relaxed. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

/** Opens a link in the system browser when it is http/https/mailto; returns whether it did. */
export function openLinkExternally(url: string): boolean {
  const target = externalUrlToOpen(url); // mailto: reduced to its addresses and subject
  if (target === null) return false;
  void shell.openExternal(target).catch(() => undefined);
  return true;
}

/** Denies every permission request and check (camera, notifications, geolocation, ...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  title?: string;
  state?: WindowState;
  /** Painted before the page (platform.ts windowBackgroundColor). */
  backgroundColor?: string;
  /** The electron-vite dev server's origin in `npm run dev` (platform.ts devServerOrigin), else null. */
  devOrigin?: string | null;
  /** A route to open at once, e.g. '#/article/<id>' for a notification clicked with no window. */
  hash?: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = opts.state ?? DEFAULT_WINDOW_STATE;
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: opts.title ?? 'Offline News',
    backgroundColor: opts.backgroundColor ?? '#ffffff',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  const contents = win.webContents;

  contents.setWindowOpenHandler(({ url }) => {
    openLinkExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    // Hash routing and reloads do not fire will-navigate: every real navigation is refused, and a
    // link to the web goes to the system browser instead.
    event.preventDefault();
    if (event.url.startsWith(`${APP_ORIGIN}/`) || (opts.devOrigin && event.url.startsWith(`${opts.devOrigin}/`))) return;
    openLinkExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  void win.loadURL(rendererEntryUrl(opts.devOrigin ?? null, opts.hash));
  return win;
}
