/**
 * What both hosts send with every file they serve to the renderer: the Content-Security-Policy
 * (nothing but the app itself, and data: images) and the content type by file extension. Used by
 * the Electron app:// protocol and by the browser host, so the two cannot drift apart. Pure.
 */

export const APP_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `npm run dev` only (electron-vite's dev server on loopback, never a packaged app): APP_CSP plus
 * what Vite's hot reload needs: the inline React Refresh preamble and the <style> tags it injects
 * ('unsafe-inline'), and its websocket on the dev server's own origin. Sent as a header by the
 * Electron main process and written into index.html's meta tag by the dev server
 * (electron.vite.config.ts); `forMeta` leaves out frame-ancestors, which a meta tag cannot carry.
 */
export function devServerCsp(origin: string, forMeta = false): string {
  const ws = origin.replace(/^http/, 'ws');
  return APP_CSP.split('; ')
    .filter((d) => !(forMeta && d.startsWith('frame-ancestors')))
    .map((d) => {
      if (d === "script-src 'self'") return "script-src 'self' 'unsafe-inline'";
      if (d === "style-src 'self'") return "style-src 'self' 'unsafe-inline'";
      if (d === "connect-src 'self'") return `connect-src 'self' ${ws}`;
      return d;
    })
    .join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Content type for a file name or path by its extension; unknown ones are plain bytes. */
export function contentTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
