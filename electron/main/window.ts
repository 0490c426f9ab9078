/**
 * The app's one window: secure webPreferences from a single function (asserted by a unit test and
 * by the Electron smoke test), the renderer loaded from app://reader/, navigation and new windows
 * denied (http/https/mailto links go to the system browser instead), permission requests denied.
 * Size and position come from the remembered window state (window-state.ts).
 */
import { BrowserWindow, shell, type Session, type WebPreferences } from 'electron';
import { APP_INDEX_URL, APP_ORIGIN } from './app-protocol';
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

export function createMainWindow(opts: { preloadPath: string; title?: string; state?: WindowState }): BrowserWindow {
  const state = opts.state ?? DEFAULT_WINDOW_STATE;
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: opts.title ?? 'Offline News',
    backgroundColor: '#ffffff',
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
    if (event.url.startsWith(`${APP_ORIGIN}/`)) return;
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

  void win.loadURL(APP_INDEX_URL);
  return win;
}
