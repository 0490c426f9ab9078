/**
 * Asks the running app's host directly, from the page, so a spec can check what the host stored:
 * through Electron's preload bridge (window.news) where there is one, else the browser host's HTTP
 * API (same channel table; its cookie authorises same-origin calls). Works in both projects.
 */
import type { Page } from '@playwright/test';
import { channels, type ArgOf, type NewsMethod, type ResultOf } from '../../electron/shared/contract';

export async function callHost<M extends NewsMethod>(page: Page, method: M, arg?: ArgOf<M>): Promise<ResultOf<M>> {
  return page.evaluate(
    async ({ method, channel, arg }) => {
      const bridge = (window as unknown as { news?: Record<string, (a?: unknown) => Promise<unknown>> }).news;
      if (bridge) return bridge[method]!(arg);
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: string };
      if (!reply.ok) throw new Error(reply.error ?? `${method} failed`);
      return reply.result;
    },
    { method: method as string, channel: channels[method], arg: arg as unknown },
  ) as Promise<ResultOf<M>>;
}

/** Why a check that stops the fixture site to go offline runs in the browser host only. */
export const ELECTRON_ONLINE_REASON =
  "in Electron the app is online while the machine's network is up (net.isOnline() in electron/main/index.ts), so stopping the fixture site shows no Offline banner; the browser host counts a sync that reached no site as offline";
