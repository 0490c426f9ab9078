/**
 * Picks the host bridge: `window.news` from the Electron preload when present, else the browser
 * host's HTTP bridge (same channel table). One instance per page.
 */
import type { NewsBridge } from '../../../electron/shared/contract';
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

export function getNewsBridge(): NewsBridge {
  if (cached) return cached;
  cached = window.news ?? createHttpBridge({ token: tokenFromLocation() });
  return cached;
}
