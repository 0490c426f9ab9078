/**
 * A stand-in for the `electron` module, used only by the Electron smoke test to run the built main
 * process (out/main/index.js) under plain Node where no Electron binary exists. It implements just
 * the API surface the main process touches and records every call in globalThis.__electronSmoke so
 * the runner can check what the main process did (and drive the handlers it registered).
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const record = (globalThis.__electronSmoke ??= {
  calls: [],
  ready: false,
  quitState: 'running',
  ipcHandlers: new Map(),
  protocolHandlers: new Map(),
  privilegedSchemes: [],
  windows: [],
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  openedExternally: [],
  errorBoxes: [],
  exitCode: null,
  sent: [],
  menu: null,
  aboutShown: 0,
  notifications: [],
});

const log = (api, args = []) => record.calls.push({ api, args, ready: record.ready });

function makeEvent(extra = {}) {
  const event = { defaultPrevented: false, ...extra };
  event.preventDefault = () => {
    event.defaultPrevented = true;
  };
  return event;
}

const paths = new Map([
  ['userData', process.env.SMOKE_DEFAULT_USER_DATA || join(tmpdir(), 'electron-smoke-userdata')],
  ['temp', tmpdir()],
]);

class App extends EventEmitter {
  isPackaged = false;
  #readyPromise = null;
  getName() { return 'Offline News'; }
  getVersion() { return '0.0.0-smoke'; }
  getAppPath() { return process.cwd(); }
  getPath(name) {
    log('app.getPath', [name]);
    if (name === 'sessionData' && !paths.has(name)) return paths.get('userData');
    if (!paths.has(name)) throw new Error(`fake electron: unknown path ${name}`);
    return paths.get(name);
  }
  setPath(name, value) { log('app.setPath', [name, value]); paths.set(name, value); }
  requestSingleInstanceLock() {
    log('app.requestSingleInstanceLock', [paths.get('userData')]);
    return process.env.SMOKE_LOCK_HELD !== '1';
  }
  isReady() { return record.ready; }
  whenReady() {
    this.#readyPromise ??= new Promise((resolve) => setTimeout(() => {
      record.ready = true;
      this.emit('ready', makeEvent(), {});
      resolve();
    }, 20));
    return this.#readyPromise;
  }
  quit() {
    log('app.quit');
    if (record.quitState === 'quit') return;
    setImmediate(() => {
      const beforeQuit = makeEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      const willQuit = makeEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) { record.quitState = 'quit-deferred'; return; }
      record.quitState = 'quit';
      this.emit('quit', makeEvent(), 0);
    });
  }
  exit(code = 0) { log('app.exit', [code]); record.exitCode = code; record.quitState = 'exited'; }
  focus() { log('app.focus'); }
  setAboutPanelOptions(options) { log('app.setAboutPanelOptions', [options]); }
  showAboutPanel() { log('app.showAboutPanel'); record.aboutShown++; }
  setAppUserModelId(id) { log('app.setAppUserModelId', [id]); }
}
export const app = new App();

export const ipcMain = {
  handle(channel, handler) {
    log('ipcMain.handle', [channel]);
    if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) { log('ipcMain.removeHandler', [channel]); record.ipcHandlers.delete(channel); },
  on(channel) { log('ipcMain.on', [channel]); },
  once(channel) { log('ipcMain.once', [channel]); },
  handleOnce(channel) { log('ipcMain.handleOnce', [channel]); },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) { log('protocol.registerSchemesAsPrivileged', [schemes]); record.privilegedSchemes.push(...schemes); },
  handle(scheme, handler) { log('protocol.handle', [scheme]); record.protocolHandlers.set(scheme, handler); },
  unhandle(scheme) { record.protocolHandlers.delete(scheme); },
  isProtocolHandled(scheme) { return record.protocolHandlers.has(scheme); },
};

const defaultSession = {
  setPermissionRequestHandler(handler) { log('session.setPermissionRequestHandler'); record.permissionRequestHandler = handler; },
  setPermissionCheckHandler(handler) { log('session.setPermissionCheckHandler'); record.permissionCheckHandler = handler; },
  webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
  protocol,
};
export const session = { defaultSession, fromPartition: () => defaultSession };

export const net = {
  isOnline() { return false; },
  fetch() { return Promise.reject(new Error('fake electron: no network in the smoke test')); },
};

export const shell = {
  openExternal(url) { log('shell.openExternal', [url]); record.openedExternally.push(url); return Promise.resolve(); },
  openPath() { return Promise.resolve('refused'); },
};

export const dialog = {
  showErrorBox(title, content) { log('dialog.showErrorBox', [title, content]); record.errorBoxes.push({ title, content }); },
  showMessageBox() { return Promise.resolve({ response: 0 }); },
  // File > Import / Export OPML: the stand-in user cancels.
  showOpenDialog() { log('dialog.showOpenDialog'); return Promise.resolve({ canceled: true, filePaths: [] }); },
  showSaveDialog() { log('dialog.showSaveDialog'); return Promise.resolve({ canceled: true }); },
};

class WebContents extends EventEmitter {
  windowOpenHandler = null;
  url = '';
  setWindowOpenHandler(handler) { log('webContents.setWindowOpenHandler'); this.windowOpenHandler = handler; }
  send(channel, payload) { record.sent.push({ channel, payload }); }
  getURL() { return this.url; }
  isDestroyed() { return false; }
  openDevTools() { log('webContents.openDevTools'); }
  zoomLevel = 0;
  getZoomLevel() { return this.zoomLevel; }
  setZoomLevel(level) { log('webContents.setZoomLevel', [level]); this.zoomLevel = level; }
}

export class BrowserWindow extends EventEmitter {
  static #all = [];
  static getAllWindows() { return [...BrowserWindow.#all]; }
  static getFocusedWindow() { return BrowserWindow.#all[0] ?? null; }
  constructor(options = {}) {
    super();
    log('new BrowserWindow', [options]);
    this.options = options;
    this.webContents = new WebContents();
    this.loadedUrls = [];
    this.destroyed = false;
    this.maximized = false;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.#all.push(this);
    record.windows.push(this);
    app.emit('web-contents-created', makeEvent(), this.webContents);
  }
  loadURL(url) {
    log('BrowserWindow.loadURL', [url]);
    this.loadedUrls.push(url);
    this.webContents.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadFile(file) { log('BrowserWindow.loadFile', [file]); return Promise.resolve(); }
  show() { log('BrowserWindow.show'); }
  focus() { log('BrowserWindow.focus'); }
  isMinimized() { return false; }
  restore() {}
  isDestroyed() { return this.destroyed; }
  close() {
    const event = makeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  maximize() { log('BrowserWindow.maximize'); this.maximized = true; }
  isMaximized() { return this.maximized; }
  getNormalBounds() { return { ...this.bounds }; }
  setBounds(bounds) { this.bounds = { ...this.bounds, ...bounds }; this.emit('resize'); this.emit('move'); }
  setBackgroundColor(colour) { log('BrowserWindow.setBackgroundColor', [colour]); }
  setMenu() {}
  setMenuBarVisibility() {}
}

export const Menu = {
  setApplicationMenu(menu) { log('Menu.setApplicationMenu'); record.menu = menu?.template ?? null; },
  buildFromTemplate(template) { log('Menu.buildFromTemplate'); return { template }; },
};
export const screen = {
  getAllDisplays() { return [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }]; },
};
// New-articles notifications (electron/main/notifications.ts): every construction is recorded.
export class Notification extends EventEmitter {
  static isSupported() { return true; }
  constructor(options = {}) {
    super();
    log('new Notification', [options]);
    this.options = options;
    this.shown = false;
    record.notifications.push(this);
  }
  show() { this.shown = true; }
  close() { this.emit('close'); }
}
export const nativeTheme = { shouldUseDarkColors: false, on() {} };
export const contextBridge = {
  exposeInMainWorld() { throw new Error('fake electron: contextBridge is a renderer API'); },
};
export const ipcRenderer = {
  invoke() { throw new Error('fake electron: ipcRenderer is a renderer API'); },
};

export default {
  app, ipcMain, protocol, session, net, shell, dialog, BrowserWindow, Menu, screen, nativeTheme, contextBridge, ipcRenderer, Notification,
};
