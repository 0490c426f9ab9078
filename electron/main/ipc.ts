/**
 * The only place that talks to ipcMain. One `ipcMain.handle` per entry of the contract's channel
 * table; each handler refuses senders that are not the app's own top-level page (app://reader/),
 * then hands the call to the shared dispatch (core/dispatch.ts: the contract's argument check, then
 * the core service; the browser host uses the same one). A failure reaches the page as one plain sentence (file-system errors in words, see core/fs-errors.ts),
 * keeping its kind in the name (InvalidArgumentError, NotFoundError, RefusedError).
 */
import { ipcMain } from 'electron';
import { channels, methodNames, type NewsMethod } from '../shared/contract';
import { dispatch } from '../core/dispatch';
import type { NewsService } from '../core/types';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export type InvokeHandler = (event: InvokeEventLike, arg?: unknown) => Promise<unknown>;

export class SenderRefusedError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the sender is not the app page`);
    this.name = 'SenderRefusedError';
  }
}

/**
 * True when an IPC message comes from the app's own page in a top-level frame: app://reader/, or
 * in `npm run dev` the electron-vite dev server's exact origin (`devOrigin`, never when packaged).
 */
export function isAppSender(event: InvokeEventLike, devOrigin: string | null = null): boolean {
  const frame = event.senderFrame;
  if (!frame || typeof frame.url !== 'string') return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  try {
    const url = new URL(frame.url);
    if (devOrigin && url.origin === devOrigin) return true;
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** One handler per contract method, keyed by channel. Pure: tests call these directly. */
export function createIpcHandlers(
  service: Pick<NewsService, 'api'> & { dataDir?: string },
  devOrigin: string | null = null,
): Map<string, InvokeHandler> {
  const handlers = new Map<string, InvokeHandler>();
  for (const method of methodNames) {
    const channel = channels[method];
    handlers.set(channel, async (event, arg) => {
      if (!isAppSender(event, devOrigin)) throw new SenderRefusedError(channel);
      const outcome = await dispatch(service.api, method, arg, service.dataDir);
      if (outcome.ok) return outcome.result;
      const plain = new Error(outcome.message);
      plain.name = outcome.name;
      throw plain;
    });
  }
  return handlers;
}

/** Registers every contract channel with ipcMain; returns a function that removes them again. */
export function registerIpcHandlers(
  service: Pick<NewsService, 'api'> & { dataDir?: string },
  devOrigin: string | null = null,
): () => void {
  const handlers = createIpcHandlers(service, devOrigin);
  for (const [channel, handler] of handlers) ipcMain.handle(channel, handler);
  return () => {
    for (const channel of handlers.keys()) ipcMain.removeHandler(channel);
  };
}

export type { NewsMethod };
