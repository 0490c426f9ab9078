import { describe, expect, it } from 'vitest';
import { channelTables, channels, eventChannels, methodNames } from '../shared/contract';
import { createNewsBridge } from './bridge';

describe('createNewsBridge', () => {
  it('invokes the method\'s channel with exactly its one argument', async () => {
    const sent: unknown[][] = [];
    const bridge = createNewsBridge(async (...args) => {
      sent.push(args);
      return 'ok';
    }, () => () => undefined, channelTables);
    await bridge.getArticle('abc');
    await bridge.listSections();
    await (bridge.setSaved as (...a: unknown[]) => Promise<unknown>)({ id: 'a', saved: true }, 'extra');
    expect(sent).toEqual([[channels.getArticle, 'abc'], [channels.listSections], [channels.setSaved, { id: 'a', saved: true }]]);
  });

  it('has one method per channel plus on, and nothing else', () => {
    const bridge = createNewsBridge(async () => null, () => () => undefined, channelTables);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('subscribes to event channels only, passing the payload alone, and unsubscribes', () => {
    const listening = new Map<string, (payload: unknown) => void>();
    const bridge = createNewsBridge(async () => null, (channel, listener) => {
      listening.set(channel, listener);
      return () => listening.delete(channel);
    }, channelTables);
    const got: unknown[] = [];
    const off = bridge.on('sync:finished', (summary) => got.push(summary));
    expect([...listening.keys()]).toEqual([eventChannels['sync:finished']]);
    listening.get(eventChannels['sync:finished'])!({ ok: true });
    expect(got).toEqual([{ ok: true }]);
    off();
    expect(listening.size).toBe(0);
    expect(() => bridge.on('ipc:anything' as never, () => undefined)).toThrow(/Unknown news event/);
  });
});

describe('the preload build', () => {
  it('is given the contract\'s channel names (and nothing else) at build time', async () => {
    const { default: config } = await import('../../electron.vite.config');
    const define = (config as { preload?: { define?: Record<string, string> } }).preload?.define;
    expect(JSON.parse(define!.__NEWS_CHANNEL_TABLES__!)).toEqual(channelTables);
  });
});
