/**
 * Picks the host bridge: `window.news` from the Electron preload when present, else the browser
 * host's HTTP bridge (same channel table). One instance per page. getStatus calls made in the same
 * task share one request (at start-up three parts of the shell ask at once).
 */
import type { NewsBridge } from '../../../electron/shared/contract';
import type { AppStatus } from '../../../electron/shared/models';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    news?: NewsBridge;
  }
}

let cached: NewsBridge | null = null;

/** Token from "?token=…" (the browser host sets a cookie and redirects the address without it, so
 * this is only a fallback). Taken out of the address bar at once (history.replaceState), so it is
 * not left in history, bookmarks or a shared screen. */
function tokenFromLocation(): string | null {
  try {
    const url = new URL(window.location.href);
    const token = url.searchParams.get('token');
    if (token !== null) {
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
    return token;
  } catch {
    return null;
  }
}

/** The bridge with getStatus calls of one task sharing one request: asked at the same moment, so
 * the answer is as fresh for each, and their updates land in one render instead of three. */
export function coalesceStatus(bridge: NewsBridge): NewsBridge {
  let pending: Promise<AppStatus> | null = null;
  const getStatus = () => {
    if (!pending) {
      pending = bridge.getStatus();
      queueMicrotask(() => (pending = null));
    }
    return pending;
  };
  return { ...bridge, getStatus };
}

export function getNewsBridge(): NewsBridge {
  if (cached) return cached;
  cached = coalesceStatus(window.news ?? createHttpBridge({ token: tokenFromLocation() }));
  return cached;
}
