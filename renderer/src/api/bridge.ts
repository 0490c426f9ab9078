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

/** Token from "?token=…" (the browser host also sets a cookie, so this is only a fallback). */
function tokenFromLocation(): string | null {
  try {
    return new URLSearchParams(window.location.search).get('token');
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
