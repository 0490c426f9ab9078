/**
 * The app:// protocol's request handler, as a plain function from a fetch Request to a Response so
 * it runs (and is tested) without Electron. Serves the built renderer (out/renderer) at
 * app://reader/ and cached photos at app://reader/photos/<file>. Anything that tries to step
 * outside those folders (.., encoded dots or slashes, backslashes, NUL, dot files, very long names)
 * gets 403. Every response carries the app's Content-Security-Policy and nosniff.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { APP_CSP, contentTypeFor } from '../shared/web-policy';
import { checkPhotoFile } from '../core/images/photo-check';

export const APP_SCHEME = 'app';
export const APP_HOST = 'reader';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Same policy as the browser host (electron/shared/web-policy.ts). */
export { APP_CSP };

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

export interface AppProtocolOptions {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** Maps a photo file name to its absolute path in the cache, or null when not a cache name. */
  resolvePhoto: (name: string) => string | null;
}

export function securityHeaders(extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  headers.set('Content-Security-Policy', APP_CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return headers;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: securityHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }),
  });
}

/**
 * Splits the URL path into decoded segments, or returns null when the path is not a plain
 * relative file path (traversal, encoded separators, NUL, dot files, overlong names).
 */
export function safePathSegments(rawPath: string): string[] | null {
  if (rawPath.length > MAX_PATH_LENGTH) return null;
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (
      segment.length > MAX_SEGMENT_LENGTH ||
      segment.startsWith('.') ||
      /[/\\\u0000-\u001f\u007f:]/.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  return segments;
}

async function fileResponse(file: string, cacheControl: string): Promise<Response> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return textResponse(404, 'Not found');
    const bytes = await readFile(file);
    const type = contentTypeFor(file);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: securityHeaders({ 'Content-Type': type, 'Cache-Control': cacheControl, 'Content-Length': String(bytes.length) }),
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}

/** Builds the handler given to protocol.handle('app', ...). */
export function createAppProtocolHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const rendererDir = resolve(opts.rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found');
    // Reject before any decoding when the raw URL still carries traversal the parser did not fold.
    if (/%00|%2e|\\|%5c|\/\.\.?(?:[/?#]|$)/i.test(request.url)) return textResponse(403, 'Forbidden');
    const segments = safePathSegments(url.pathname);
    if (segments === null) return textResponse(403, 'Forbidden');

    if (segments[0] === 'photos') {
      if (segments.length !== 2) return textResponse(403, 'Forbidden');
      const name = segments[1]!;
      const file = opts.resolvePhoto(name);
      // A plain file name that names no cached photo is "not found"; anything else stays 403.
      if (file === null) return /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/.test(name) ? textResponse(404, 'Not found') : textResponse(403, 'Forbidden');
      // A file whose bytes no longer match its hash name is damaged: removed, fetched again next sync.
      if ((await checkPhotoFile(file)) !== 'ok') return textResponse(404, 'Not found');
      return fileResponse(file, 'private, max-age=31536000, immutable');
    }

    const relative = segments.length === 0 ? ['index.html'] : segments;
    const file = resolve(rendererDir, ...relative);
    if (!file.startsWith(rendererDir + sep)) return textResponse(403, 'Forbidden');
    return fileResponse(file, 'no-cache');
  };
}
