/**
 * Retry with backoff, on transient failures only: a timeout before the body (a body that drips
 * past the deadline is not retried: the server is up but too slow), a reset / refused / dropped
 * connection, or HTTP 408, 425, 429, 500, 502, 503, 504. Everything else fails at once: other 4xx,
 * too large, scheme or address refused, too many redirects, cancelled, and (above this layer)
 * parse errors. Default: 2 retries after ~0.5 s and ~1.5 s (exponential, jittered); a server's
 * Retry-After is honoured when it is within `maxRetryAfterMs` (default 30 s), else no retry is
 * made. Waiting is cancelled by the request's signal.
 *
 * Stable API for every fetch of the sync (feeds here; pages and photos in sync/article.ts):
 *   fetchWithRetry(url, fetchOptions, retryPolicy) -> Promise<FetchResult>
 *   isTransient(error), retryDelayMs(error, retryIndex, policy), DEFAULT_RETRY_POLICY
 */
import type { FetchOptions, FetchResult } from './fetch-types';
import { FetchError, fetchUrl } from './http';

export interface RetryPolicy {
  /** Retries after the first attempt (default 2; 0 = no retry). */
  retries?: number;
  /** Delay before the first retry (default 500 ms); each next one is `factor` times longer. */
  baseDelayMs?: number;
  /** Default 3 (0.5 s, 1.5 s, 4.5 s …). */
  factor?: number;
  /** Random spread of each delay, as a fraction (default 0.25: ±25 %). */
  jitter?: number;
  /** Longest Retry-After that is waited for (default 30 s); a longer one ends the retries. */
  maxRetryAfterMs?: number;
  /** Wraps each attempt (e.g. a host limiter's run), so the waits between attempts hold no slot. */
  wrap?: <T>(attempt: () => Promise<T>) => Promise<T>;
  /** Told before each wait (for logs and tests). */
  onRetry?: (info: { retry: number; delayMs: number; error: FetchError }) => void;
  /** Injectable for tests: random in [0, 1) and the wait. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY = {
  retries: 2,
  baseDelayMs: 500,
  factor: 3,
  jitter: 0.25,
  maxRetryAfterMs: 30_000,
} as const satisfies RetryPolicy;

const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_ERRNOS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** True when trying the same request again may well succeed. */
export function isTransient(error: unknown): error is FetchError {
  if (!(error instanceof FetchError)) return false;
  switch (error.code) {
    case 'timeout':
      // A server that answered but sends its body too slowly gets no second deadline.
      return !error.duringBody;
    case 'http-status':
      return error.status !== null && TRANSIENT_STATUSES.has(error.status);
    case 'network':
      return error.errno !== null && TRANSIENT_ERRNOS.has(error.errno);
    default:
      return false;
  }
}

/** Wait before retry number `retry` (1-based), or null when no retry should be made. */
export function retryDelayMs(error: FetchError, retry: number, policy: RetryPolicy = {}): number | null {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (retry > p.retries || !isTransient(error)) return null;
  if (error.retryAfterMs !== null) return error.retryAfterMs <= p.maxRetryAfterMs ? error.retryAfterMs : null;
  const base = p.baseDelayMs * p.factor ** (retry - 1);
  const spread = 1 + p.jitter * (2 * (policy.random ?? Math.random)() - 1);
  return Math.max(0, Math.round(base * spread));
}

/** fetchUrl with retries on transient failures (see the module comment). */
export async function fetchWithRetry(url: string, options: FetchOptions = {}, policy: RetryPolicy = {}): Promise<FetchResult> {
  const wrap = policy.wrap ?? (<T>(attempt: () => Promise<T>) => attempt());
  const sleep = policy.sleep ?? abortableSleep;
  for (let retry = 1; ; retry++) {
    try {
      return await wrap(() => fetchUrl(url, options));
    } catch (error) {
      if (!(error instanceof FetchError) || options.signal?.aborted) throw error;
      const delayMs = retryDelayMs(error, retry, policy);
      if (delayMs === null) throw error;
      policy.onRetry?.({ retry, delayMs, error });
      await sleep(delayMs, options.signal);
      if (options.signal?.aborted) throw new FetchError('aborted', 'cancelled', url);
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks it). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
