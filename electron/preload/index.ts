/**
 * Sandboxed preload (built to out/preload/index.cjs). Exposes `window.news` through contextBridge:
 * one method per contract channel and an event subscription. ipcRenderer itself, a generic send or
 * the IPC event object never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createNewsBridge } from './bridge';

const bridge = createNewsBridge(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('news', bridge);
