/**
 * The browser host: serves the same renderer and the same contract over HTTP on 127.0.0.1 only.
 *   POST /api/<channel>  {"arg": …}  -> {"ok":true,"result":…} | {"ok":false,"error":"…"}
 *   GET  /api/events                 -> server-sent events, `event: <eventChannels[name]>`
 *   GET  /photos/<file>              -> a cached photo (404 unknown or damaged, 403 not a plain name)
 *   GET  anything else               -> out/renderer, with index.html as the SPA fallback
 * A random token (printed in the URL) is exchanged for an HttpOnly SameSite=Strict cookie on the
 * first page load, which is then redirected to the same address without the token. Cookies ignore
 * ports, so the cookie's name carries the port: two hosts on two ports keep their own logins.
 * /api and /photos need the cookie (or X-News-Token). Answers: 400 for a bad argument, 404 for an
 * unknown id, channel or photo, 503/507 when the data folder cannot be written, with one plain
 * sentence as the error. Every response carries a strict CSP and nosniff; Host headers other than
 * 127.0.0.1/localhost are refused (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { channels, eventChannels, eventNames, MAX_ARG_BYTES, maxArgBytes, type NewsMethod } from '../shared/contract';
import { APP_CSP, contentTypeFor } from '../shared/web-policy';
import { dispatch, statusOfError } from '../core/dispatch';
import { plainErrorMessage } from '../core/fs-errors';
import { checkPhotoFile } from '../core/images/photo-check';
import type { NewsService } from '../core/types';

export interface BrowserHostOptions {
  service: NewsService;
  rendererDir: string;
  port?: number;
  host?: '127.0.0.1';
}

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** The same policy as Electron's app:// protocol (electron/shared/web-policy.ts). */
export const CONTENT_SECURITY_POLICY = APP_CSP;
/** The login cookie of the host on `port` (cookies ignore ports; their names do not). */
export const tokenCookieName = (port: number): string => `news_token_${port}`;

export { statusOfError };

const methodByChannel = new Map<string, NewsMethod>(
  (Object.entries(channels) as [NewsMethod, string][]).map(([method, channel]) => [channel, method]),
);

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { service } = opts;
  const rendererDir = path.resolve(opts.rendererDir);
  const token = randomBytes(24).toString('base64url');
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const authorized = (req: IncomingMessage) =>
    sameToken(readCookie(req, tokenCookieName(port)), token) || sameToken(req.headers['x-news-token'] as string | undefined, token);

  async function handleApi(req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
    if (route === 'events') {
      if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: 'use GET for /api/events' });
      res.writeHead(200, {
        ...baseHeaders(),
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribers = eventNames.map((name) =>
        service.on(name, (payload) => {
          res.write(`event: ${eventChannels[name]}\ndata: ${JSON.stringify(payload)}\n\n`);
        }),
      );
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
      sseClients.add(res);
      res.on('close', () => {
        clearInterval(heartbeat);
        unsubscribers.forEach((off) => off());
        sseClients.delete(res);
      });
      return;
    }
    const method = methodByChannel.get(route);
    if (!method) return sendJson(res, 404, { ok: false, error: `unknown channel "${route}"` });
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'use POST' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { ok: false, error: 'expected Content-Type: application/json' });
    }
    // A method with its own (document-sized) cap may carry non-ASCII text: up to 3 UTF-8 bytes a char.
    const cap = maxArgBytes(method);
    const bodyLimit = cap === MAX_ARG_BYTES ? MAX_ARG_BYTES + 1024 : cap * 3 + 1024;
    const raw = await readBody(req, bodyLimit);
    if (raw === 'too-large') return sendJson(res, 413, { ok: false, error: `request larger than ${cap} bytes` });
    let arg: unknown;
    if (raw.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: 'body is not JSON' });
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return sendJson(res, 400, { ok: false, error: 'body must be {"arg": …}' });
      }
      const extra = Object.keys(parsed).filter((k) => k !== 'arg');
      if (extra.length) return sendJson(res, 400, { ok: false, error: `unknown field "${extra[0]}"` });
      arg = (parsed as { arg?: unknown }).arg;
    }
    const outcome = await dispatch(service.api, method, arg, service.dataDir);
    if (outcome.ok) sendJson(res, 200, { ok: true, result: outcome.result ?? null });
    else sendJson(res, outcome.status, { ok: false, error: outcome.message });
  }

  async function servePhoto(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      return sendText(res, 403, 'forbidden');
    }
    // Anything but one plain file name (no separators, no dot files, no NUL) is refused outright.
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(decoded) || decoded.includes('..')) return sendText(res, 403, 'forbidden');
    const file = service.resolvePhoto(decoded);
    if (!file) return sendText(res, 404, 'no such photo');
    const check = await checkPhotoFile(file);
    if (check === 'damaged') return sendText(res, 404, 'this photo was damaged on disk; it is fetched again on the next sync');
    if (check === 'missing') return sendText(res, 404, 'no such photo');
    serveFile(req, res, file, 'public, max-age=31536000, immutable', () => sendText(res, 404, 'no such photo'));
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, file: string, cache: string, missing: () => void): void {
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return missing();
      res.writeHead(200, {
        ...baseHeaders(),
        'Content-Type': contentTypeFor(file),
        'Content-Length': String(stat.size),
        'Cache-Control': cache,
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'bad path');
    }
    if (decoded.includes('\0')) return sendText(res, 400, 'bad path');
    const target = path.resolve(rendererDir, `.${decoded}`);
    if (target !== rendererDir && !target.startsWith(rendererDir + path.sep)) return sendText(res, 403, 'forbidden');
    const index = path.join(rendererDir, 'index.html');
    const serveIndex = () =>
      serveFile(req, res, index, 'no-store', () => sendText(res, 500, `renderer not built: ${index} is missing (run npm run build)`));
    const isIndex = decoded === '/' || decoded === '/index.html';
    if (isIndex) return serveIndex();
    serveFile(req, res, target, 'no-cache', () => (path.extname(decoded) ? sendText(res, 404, 'not found') : serveIndex()));
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const hostHeader = (req.headers.host ?? '').toLowerCase();
      if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
        return sendText(res, 403, 'forbidden host');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const pathname = url.pathname;
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        if (!authorized(req)) return sendJson(res, 403, { ok: false, error: 'missing or wrong token' });
        return handleApi(req, res, pathname.slice('/api/'.length));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
      if (pathname.startsWith('/photos/')) {
        if (!authorized(req)) return sendText(res, 403, 'forbidden');
        return servePhoto(req, res, pathname.slice('/photos/'.length));
      }
      const given = url.searchParams.get('token');
      if (given !== null) {
        if (!sameToken(given, token)) return sendText(res, 403, 'wrong token');
        // Logged in: the cookie, and the same address without the token (out of the address bar,
        // history and bookmarks). The browser keeps the #fragment across the redirect.
        url.searchParams.delete('token');
        res.writeHead(303, {
          ...baseHeaders(),
          'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: `${url.pathname}${url.search}`,
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      serveStatic(req, res, pathname);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendText(res, statusOfError(error), plainErrorMessage(error, service.dataDir));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sseClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
