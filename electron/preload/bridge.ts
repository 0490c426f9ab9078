/**
 * Builds the renderer's `window.news` bridge from the contract's channel names: one method per
 * channel (invoke with at most one argument) plus `on(event, listener)` for host events. Pure: the
 * Electron wiring (ipcRenderer) and the names are passed in. The preload gets the names from the
 * contract at build time (electron.vite.config.ts defines __NEWS_CHANNEL_TABLES__), so it carries
 * no schemas; tests pass `channelTables` from electron/shared/contract.ts.
 */
import type { ChannelTables, NewsBridge, NewsEventName, NewsEvents } from '../shared/contract';

export type Invoke = (channel: string, arg?: unknown) => Promise<unknown>;
/** Subscribes to an IPC channel; returns the unsubscribe function. */
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

export function createNewsBridge(invoke: Invoke, listen: Listen, tables: ChannelTables): NewsBridge {
  const bridge: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(tables.methods)) {
    // Exactly one argument crosses; extra arguments are dropped.
    bridge[method] = (arg?: unknown) => (arg === undefined ? invoke(channel) : invoke(channel, arg));
  }
  const events: Readonly<Record<string, string>> = tables.events;
  bridge.on = <E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): (() => void) => {
    if (!Object.prototype.hasOwnProperty.call(events, event)) throw new Error(`Unknown news event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('A news event listener must be a function');
    return listen(events[event]!, (payload) => listener(payload as NewsEvents[E]));
  };
  return Object.freeze(bridge) as unknown as NewsBridge;
}
