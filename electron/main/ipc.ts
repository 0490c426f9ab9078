/**
 * The only place that talks to ipcMain. One `ipcMain.handle` per entry of the contract's channel
 * table; each handler refuses senders that are not the app's own top-level page (app://reader/),
 * validates the argument with the shared validator, and only then calls the core service. A failure
 * reaches the page as one plain sentence (file-system errors in words, see core/fs-errors.ts),
 * keeping its kind in the name (InvalidArgumentError, NotFoundError, RefusedError).
 */
import { ipcMain } from 'electron';
import { channels, methodNames, type NewsMethod } from '../shared/contract';
import { validateArg } from '../shared/validate';
import { plainErrorMessage } from '../core/fs-errors';
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
      validateArg(method, arg);
      const call = service.api[method] as (arg?: unknown) => Promise<unknown>;
      try {
        return await call.call(service.api, arg);
      } catch (error) {
        const plain = new Error(plainErrorMessage(error, service.dataDir));
        plain.name = error instanceof Error ? error.name : 'Error';
        throw plain;
      }
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
