/**
 * Records every request the app's page makes and reports the ones that leave the app's own origin.
 * The renderer must never touch the network: only its own origin (http://127.0.0.1:N for the
 * browser host, app://reader for Electron) and data: URLs are allowed.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';

export interface RequestLog {
  all: string[];
  /** Requests that went anywhere but the app's origin or data:. */
  foreign(): string[];
}

export function isAppRequest(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${appOrigin}/`)) return true;
  try {
    return new URL(url).origin === appOrigin || url.startsWith(`${appOrigin}/`);
  } catch {
    return false;
  }
}

export function recordRequests(target: BrowserContext | Page, appOrigin: string): RequestLog {
  const all: string[] = [];
  const seen = new WeakSet<Request>();
  const onRequest = (request: Request) => {
    if (seen.has(request)) return;
    seen.add(request);
    all.push(request.url());
  };
  (target as BrowserContext).on('request', onRequest);
  return { all, foreign: () => all.filter((url) => !isAppRequest(url, appOrigin)) };
}
