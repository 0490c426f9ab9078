/**
 * Sandboxed preload (built to out/preload/index.cjs). Exposes `window.news` through contextBridge:
 * one method per contract channel and an event subscription. ipcRenderer itself, a generic send or
 * the IPC event object never reach the page. The channel names come from the contract at build
 * time (__NEWS_CHANNEL_TABLES__, electron.vite.config.ts): the preload carries no schema library.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelTables } from '../shared/contract';
import { createNewsBridge } from './bridge';

declare const __NEWS_CHANNEL_TABLES__: ChannelTables;

const bridge = createNewsBridge(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  __NEWS_CHANNEL_TABLES__,
);

contextBridge.exposeInMainWorld('news', bridge);
