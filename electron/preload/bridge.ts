/**
 * Builds the renderer's `window.news` bridge from the contract's channel tables: one method per
 * channel (invoke with at most one argument) plus `on(event, listener)` for host events. Pure: the
 * Electron wiring (ipcRenderer) is passed in, so the contract test can inspect the method set.
 */
import {
  channels,
  eventChannels,
  methodNames,
  type NewsBridge,
  type NewsEventName,
  type NewsEvents,
} from '../shared/contract';

export type Invoke = (channel: string, arg?: unknown) => Promise<unknown>;
/** Subscribes to an IPC channel; returns the unsubscribe function. */
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

export function createNewsBridge(invoke: Invoke, listen: Listen): NewsBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of methodNames) {
    const channel = channels[method];
    // Exactly one argument crosses; extra arguments are dropped.
    bridge[method] = (arg?: unknown) => (arg === undefined ? invoke(channel) : invoke(channel, arg));
  }
  bridge.on = <E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): (() => void) => {
    if (!Object.prototype.hasOwnProperty.call(eventChannels, event)) throw new Error(`Unknown news event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('A news event listener must be a function');
    return listen(eventChannels[event], (payload) => listener(payload as NewsEvents[E]));
  };
  return Object.freeze(bridge) as unknown as NewsBridge;
}
