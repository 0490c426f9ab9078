/**
 * What the main process decides per platform and per run, kept pure so unit tests check it without
 * Electron:
 * - the Windows Application User Model ID: it must equal electron-builder's `appId`, which the NSIS
 *   installer gives the Start-menu shortcut; Windows shows an app's toasts and groups its taskbar
 *   windows only when the two match (Electron docs, tutorial/notifications.md "Windows" and
 *   api/app.md `app.setAppUserModelId(id)` _Windows_; platform.test.ts compares it with
 *   electron-builder.yml);
 * - the window's background before the page paints: the renderer's own paper colour for the
 *   system's light or dark scheme (nativeTheme.shouldUseDarkColors), so there is no white flash in
 *   dark mode (Electron docs, api/browser-window.md "Setting the backgroundColor property");
 * - which page the window loads: app://reader/index.html, or in `npm run dev` the electron-vite dev
 *   server that electron-vite announces in ELECTRON_RENDERER_URL (electron-vite 6 createServer sets
 *   it before starting Electron). Only an unpackaged app, only a loopback http URL: a packaged app
 *   never loads anything but app://.
 */
import { devServerCsp } from '../shared/web-policy';
import { APP_INDEX_URL } from './app-protocol';

export const APP_USER_MODEL_ID = 'org.offlinenews.reader';

/** The renderer's --paper colour (renderer/src/ui/base.css), light and dark. */
export const PAPER_COLOURS = { light: '#fbfaf6', dark: '#151413' } as const;

export function windowBackgroundColor(prefersDark: boolean): string {
  return prefersDark ? PAPER_COLOURS.dark : PAPER_COLOURS.light;
}

/** Calls app.setAppUserModelId on Windows (the API exists only there). */
export function applyPlatformIdentity(app: { setAppUserModelId?: (id: string) => void }, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId?.(APP_USER_MODEL_ID);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server's origin when this run should use it, else null. */
export function devServerOrigin(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The page the main window loads, with an optional hash route (e.g. '#/article/abc'). */
export function rendererEntryUrl(devOrigin: string | null, hash = ''): string {
  return `${devOrigin ? `${devOrigin}/index.html` : APP_INDEX_URL}${hash}`;
}

/** The renderer's route to one article (renderer/src/routing hrefs.article). */
export function articleHash(articleId: string): string {
  return `#/article/${encodeURIComponent(articleId)}`;
}

/** The dev server pages' Content-Security-Policy (one definition, electron/shared/web-policy.ts). */
export function devContentSecurityPolicy(origin: string): string {
  return devServerCsp(origin);
}
