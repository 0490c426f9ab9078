/**
 * Records every request the app's page makes and reports the ones that leave the app's own origin.
 * The renderer must never touch the network: only its own origin (http://127.0.0.1:N for the
 * browser host, app://reader for Electron) and data: URLs are allowed. Chromium reports even a
 * request the CSP blocks, so a test that provokes one on purpose declares it with expectBlocked();
 * such a URL is excused only if the request really failed (never got a response).
 */
import type { BrowserContext, Request } from '@playwright/test';

export interface RequestLog {
  all: string[];
  /** Start recording a (further) browser context, e.g. after the app restarted. */
  watch(context: BrowserContext): void;
  /** Also count this origin as the app's own (a restarted browser host listens on a new port). */
  allowOrigin(origin: string): void;
  /** Excuse a URL the test makes the page try on purpose, provided the request fails. */
  expectBlocked(url: string): void;
  /** Requests that went anywhere but the app's origin or data: (and were not excused). */
  foreign(): string[];
}

export function isAppRequest(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${appOrigin}/`)) return true;
  // new URL('app://reader/x').origin is "null" (non-special scheme), hence the prefix check.
  if (url.startsWith(`${appOrigin}/`)) return true;
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

export function recordRequests(context: BrowserContext, appOrigin: string): RequestLog {
  const all: string[] = [];
  const failed = new Set<string>();
  const excused = new Set<string>();
  const origins = new Set([appOrigin]);
  const log: RequestLog = {
    all,
    watch(target) {
      target.on('request', (request: Request) => {
        all.push(request.url());
      });
      target.on('requestfailed', (request: Request) => {
        failed.add(request.url());
      });
    },
    allowOrigin: (origin) => origins.add(origin),
    expectBlocked: (url) => excused.add(url),
    foreign: () =>
      all.filter((url) => ![...origins].some((o) => isAppRequest(url, o)) && !(excused.has(url) && failed.has(url))),
  };
  log.watch(context);
  return log;
}
