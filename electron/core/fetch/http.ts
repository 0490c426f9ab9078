/**
 * HTTP(S) GET for feeds, pages and photos, on node:http / node:https.
 *
 * Why not global fetch: we need a cap on *decoded* bytes (a gzip bomb must fail as soon as its
 * output reaches the cap, not after inflating 200 MB) and one total deadline that covers connect,
 * headers and body. Every redirect hop is re-checked (http/https only, at most `maxRedirects`).
 * Conditional GET: pass the previous ETag / Last-Modified; a 304 comes back as `notModified` with
 * an empty body. Every failure is a `FetchError` with a `code` and a message fit to show a user.
 * `allowAddress` (SSRF guard) is asked about every address a hop would connect to: IP literals
 * before connecting, names after DNS through the request's `lookup` hook; guarded fetches use
 * their own keep-alive agents so a socket opened under another policy is never reused.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Writable, pipeline, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { FetchOptions, FetchResult } from './fetch-types';
import { FetchError, networkMessage } from './fetch-error';

export { FetchError } from './fetch-error';

export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; OfflineNews/0.1; +offline news reader)';
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

type AddressPolicy = NonNullable<FetchOptions['allowAddress']>;

/** Marks a lookup refused by the address policy (surfaces as a request 'error'). */
class AddressRefused extends Error {
  readonly code = 'EADDRREFUSED';
  constructor(readonly address: string) {
    super(`address ${address} refused`);
  }
}

function refusedMessage(url: URL, address: string): string {
  return `refused to connect to ${url.hostname}: ${address} is a local or private network address`;
}

/** dns.lookup that resolves every address of the name and refuses when any is not allowed. */
function guardedLookup(url: URL, allow: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        (callback as (e: Error) => void)(err);
        return;
      }
      const refused = addresses.find((a) => !allow(a.address, url));
      if (refused || addresses.length === 0) {
        (callback as (e: Error) => void)(new AddressRefused(refused?.address ?? 'none'));
        return;
      }
      if (options.all) (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

const policyAgents = new WeakMap<AddressPolicy, { http: http.Agent; https: https.Agent }>();

/** Keep-alive agents private to one address policy (the default agents' sockets are not checked). */
function agentsFor(policy: AddressPolicy): { http: http.Agent; https: https.Agent } {
  let agents = policyAgents.get(policy);
  if (!agents) {
    const options = { keepAlive: true, scheduling: 'lifo' as const, timeout: 5000 };
    agents = { http: new http.Agent(options), https: new https.Agent(options) };
    policyAgents.set(policy, agents);
  }
  return agents;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** "20 s", "1.5 s", "0.3 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** "15 MiB", "512 KiB", "900 bytes". */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}

function checkScheme(url: URL, isRedirect: boolean, original: string): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  const what = isRedirect ? 'refused redirect to' : 'refused';
  throw new FetchError('scheme-refused', `${what} ${url.protocol} URL (only http and https are fetched)`, original);
}

function parseUrl(raw: string, base: string | undefined, isRedirect: boolean): URL {
  try {
    return base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    const message = isRedirect ? `bad redirect location "${raw.slice(0, 200)}"` : `not a valid URL: "${raw.slice(0, 200)}"`;
    throw new FetchError(isRedirect ? 'http-status' : 'network', message, base ?? raw);
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Decompressor for a Content-Encoding, or null when the body is used as is. */
function decompressorFor(contentEncoding: string): Transform | null {
  const enc = contentEncoding.trim().toLowerCase();
  // Flush modes keep truncated-but-valid streams from erroring at the very end.
  const opts = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (enc === 'gzip' || enc === 'x-gzip') return zlib.createGunzip(opts);
  // "deflate" is zlib-wrapped by the spec but raw deflate in some servers; Unzip-like sniffing
  // is not available for deflate, so createInflate handles the common case.
  if (enc === 'deflate') return zlib.createInflate(opts);
  if (enc === 'br') return zlib.createBrotliDecompress();
  return null;
}

interface Hop {
  kind: 'redirect' | 'done';
  location?: string;
  result?: FetchResult;
}

/**
 * GET `url`, following at most `maxRedirects` redirects. Resolves on 2xx (decoded body) and 304
 * (notModified, empty body); rejects with FetchError otherwise.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  let current = parseUrl(url, undefined, false);
  checkScheme(current, false, url);
  if (opts.signal?.aborted) throw new FetchError('aborted', 'cancelled', url);

  // One controller for the whole fetch: the deadline and the caller's signal both trip it, and
  // the hop in flight tears down its request / response / decompressor when it fires.
  let stopReason: FetchError | null = null;
  let stopCurrentHop: ((reason: FetchError) => void) | null = null;
  const stop = (reason: FetchError): void => {
    if (stopReason) return;
    stopReason = reason;
    stopCurrentHop?.(reason);
  };
  // The deadline covers connect, headers and the whole body: a body that drips is cut here.
  let inBody = false;
  const timer = setTimeout(
    () => stop(new FetchError('timeout', `timed out after ${formatSeconds(timeoutMs)}`, current.href, null, { duringBody: inBody })),
    timeoutMs,
  );
  const onAbort = (): void => stop(new FetchError('aborted', 'cancelled', current.href));
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const seen = new Set<string>();
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(current.href);
      const hop = await new Promise<Hop>((resolve, reject) => {
        if (stopReason) {
          reject(stopReason);
          return;
        }
        runHop(current, opts, maxBytes, resolve, reject, (teardown) => {
          stopCurrentHop = teardown;
        }, () => {
          inBody = true;
        });
      });
      stopCurrentHop = null;
      if (hop.kind === 'done' && hop.result) return hop.result;

      const next = parseUrl(hop.location ?? '', current.href, true);
      checkScheme(next, true, current.href);
      if (seen.has(next.href)) {
        throw new FetchError('too-many-redirects', `redirect loop (${next.href} redirects back to itself)`, current.href);
      }
      if (redirects + 1 > maxRedirects) {
        throw new FetchError('too-many-redirects', `too many redirects (more than ${maxRedirects})`, current.href);
      }
      current = next;
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

function runHop(
  url: URL,
  opts: FetchOptions,
  maxBytes: number,
  resolve: (hop: Hop) => void,
  reject: (err: FetchError) => void,
  setTeardown: (teardown: (reason: FetchError) => void) => void,
  onBody: () => void = () => undefined,
): void {
  let settled = false;
  let req: http.ClientRequest | null = null;
  let res: http.IncomingMessage | null = null;
  let decompressor: Transform | null = null;

  const fail = (err: FetchError): void => {
    if (settled) return;
    settled = true;
    decompressor?.destroy();
    res?.destroy();
    req?.destroy();
    reject(err);
  };
  const succeed = (hop: Hop): void => {
    if (settled) return;
    settled = true;
    resolve(hop);
  };
  setTeardown(fail);

  const headers: Record<string, string> = {
    'User-Agent': DEFAULT_USER_AGENT,
    Accept: opts.accept ?? DEFAULT_ACCEPT,
    'Accept-Encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;

  const transport = url.protocol === 'https:' ? https : http;
  const policy = opts.allowAddress;
  const guard: http.RequestOptions = {};
  if (policy) {
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (net.isIP(literal) !== 0 && !policy(literal, url)) {
      fail(new FetchError('address-refused', refusedMessage(url, literal), url.href));
      return;
    }
    const agents = agentsFor(policy);
    guard.agent = url.protocol === 'https:' ? agents.https : agents.http;
    guard.lookup = guardedLookup(url, policy);
  }
  try {
    req = transport.request(url, { method: 'GET', headers, ...guard });
  } catch (err) {
    fail(new FetchError('network', networkMessage(err as NodeJS.ErrnoException, url), url.href));
    return;
  }

  req.on('error', (err: NodeJS.ErrnoException) => {
    if (err instanceof AddressRefused) fail(new FetchError('address-refused', refusedMessage(url, err.address), url.href));
    else fail(new FetchError('network', networkMessage(err, url), url.href, null, { errno: err.code ?? null }));
  });

  req.on('response', (response) => {
    res = response;
    const status = response.statusCode ?? 0;

    if (REDIRECT_STATUSES.has(status)) {
      const location = headerValue(response.headers.location);
      response.resume();
      if (!location) {
        fail(new FetchError('http-status', `HTTP ${status} redirect without a Location`, url.href, status));
        return;
      }
      succeed({ kind: 'redirect', location });
      return;
    }

    const etag = headerValue(response.headers.etag);
    const lastModified = headerValue(response.headers['last-modified']);
    const contentType = headerValue(response.headers['content-type']) ?? '';

    if (status === 304) {
      response.resume();
      succeed({
        kind: 'done',
        result: {
          url: url.href,
          status,
          notModified: true,
          contentType,
          body: Buffer.alloc(0),
          etag: etag ?? opts.etag ?? null,
          lastModified: lastModified ?? opts.lastModified ?? null,
        },
      });
      return;
    }

    if (status < 200 || status > 299) {
      response.resume();
      const reason = response.statusMessage || http.STATUS_CODES[status] || '';
      const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']));
      fail(new FetchError('http-status', `HTTP ${status}${reason ? ` ${reason}` : ''}`, url.href, status, { retryAfterMs }));
      return;
    }

    const contentEncoding = headerValue(response.headers['content-encoding']) ?? '';
    decompressor = decompressorFor(contentEncoding);
    const declaredLength = Number(headerValue(response.headers['content-length']) ?? NaN);
    if (!decompressor && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      fail(new FetchError('too-large', `response too large (over ${formatBytes(maxBytes)})`, url.href));
      return;
    }

    onBody();
    const chunks: Buffer[] = [];
    let total = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, callback) {
        total += chunk.length;
        if (total > maxBytes) {
          callback(new FetchError('too-large', `response too large (over ${formatBytes(maxBytes)})`, url.href));
          return;
        }
        chunks.push(chunk);
        callback();
      },
    });

    const done = (err: NodeJS.ErrnoException | null | undefined): void => {
      if (err) {
        fail(err instanceof FetchError ? err : new FetchError('network', networkMessage(err, url), url.href, null, { errno: err.code ?? null }));
        return;
      }
      succeed({
        kind: 'done',
        result: {
          url: url.href,
          status,
          notModified: false,
          contentType,
          body: Buffer.concat(chunks, total),
          etag,
          lastModified,
        },
      });
    };
    if (decompressor) pipeline(response, decompressor, sink, done);
    else pipeline(response, sink, done);
  });

  req.end();
}
