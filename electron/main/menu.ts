/**
 * The app menu, built from one commands table: each command either calls the news service (Sync
 * now), acts on the window in main (zoom, About, quit), or hands the page a `menu:command` contract
 * event (Add source, Save article, theme, shortcut help) that the renderer carries out. Import /
 * Export OPML ask for a file through the context's dialogs, read or write it here in main and call
 * the service. The template builder is plain data so a unit test and the smoke test can check it
 * without Electron.
 *
 * Around the app's commands come Electron's standard menus by role (Electron docs,
 * api/menu-item.md "Roles" and tutorial/application-menu.md): on macOS the app menu (`appMenu`:
 * About, Services, Hide, Quit, which replace our About and Quit there), Edit (`editMenu`: undo, cut,
 * copy, paste, select all; without it Cmd+C / Cmd+V do nothing in text fields on macOS), Window
 * (`windowMenu`), and full screen in View. The Help menu has `role: 'help'` (macOS adds its search).
 */
import { promises as fs } from 'node:fs';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, NewsApi } from '../shared/contract';

/** What a menu command may use. */
export interface MenuContext {
  api: Pick<NewsApi, 'syncNow' | 'importOpml' | 'exportOpml'>;
  /** Asks for an OPML file to open (Electron: dialog.showOpenDialog); null when cancelled. */
  chooseOpenFile(): Promise<string | null>;
  /** Asks where to save (Electron: dialog.showSaveDialog); null when cancelled. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  /** Tells the user how a command went (Electron: dialog.showMessageBox). */
  showMessage(message: string, detail?: string): void;
  /** Sends a menu:command event to the page (no-op when there is no window). */
  sendToPage(command: MenuCommand): void;
  /** Zoom of the window's page: +1 / -1 step, or 0 to reset. */
  zoom(step: 1 | -1 | 0): void;
  showAbout(): void;
  quit(): void;
  /** Reports a failed command (e.g. a sync that threw) without crashing main. */
  onError(error: unknown): void;
}

export interface CommandSpec {
  id: string;
  label: string;
  menu: 'file' | 'article' | 'view' | 'help';
  accelerator?: string;
  /** On macOS the app menu's role item does this (About, Quit): the command is left out there. */
  macAppMenuRole?: 'about' | 'quit';
  run(ctx: MenuContext): void;
}

const page = (command: MenuCommand) => (ctx: MenuContext) => ctx.sendToPage(command);

/** Largest OPML file the menu reads (the service refuses more than 2 MiB of text anyway). */
const MAX_OPML_FILE_BYTES = 4 * 1024 * 1024;

/** File > Import OPML…: pick a file, add its feeds, report the counts. */
export async function importOpmlFromFile(ctx: MenuContext): Promise<void> {
  const file = await ctx.chooseOpenFile();
  if (!file) return;
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_OPML_FILE_BYTES) throw new Error(`The file is larger than ${MAX_OPML_FILE_BYTES / 1024 / 1024} MiB.`);
    const result = await ctx.api.importOpml(await fs.readFile(file, 'utf8'));
    const detail = result.errors.length ? `Left out:\n${result.errors.join('\n')}` : undefined;
    ctx.showMessage(`Imported ${result.added} sources (${result.skipped} already there).`, detail);
  } catch (error) {
    ctx.showMessage('The OPML file could not be imported.', error instanceof Error ? error.message : String(error));
  }
}

/** File > Export OPML…: write every source to the chosen file. */
export async function exportOpmlToFile(ctx: MenuContext): Promise<void> {
  const file = await ctx.chooseSaveFile('sources.opml');
  if (!file) return;
  try {
    await fs.writeFile(file, await ctx.api.exportOpml(), 'utf8');
  } catch (error) {
    ctx.showMessage('The sources could not be exported.', error instanceof Error ? error.message : String(error));
  }
}

/** Every command of the app menu, in menu order. */
export const menuCommands: readonly CommandSpec[] = [
  {
    id: 'sync-now',
    label: 'Sync Now',
    menu: 'file',
    accelerator: 'CmdOrCtrl+R',
    run: (ctx) => {
      ctx.api.syncNow().catch((error: unknown) => ctx.onError(error));
    },
  },
  { id: 'add-source', label: 'Add Source…', menu: 'file', accelerator: 'CmdOrCtrl+N', run: page('add-source') },
  { id: 'import-opml', label: 'Import OPML…', menu: 'file', run: (ctx) => void importOpmlFromFile(ctx).catch((e: unknown) => ctx.onError(e)) },
  { id: 'export-opml', label: 'Export OPML…', menu: 'file', run: (ctx) => void exportOpmlToFile(ctx).catch((e: unknown) => ctx.onError(e)) },
  { id: 'quit', label: 'Quit', menu: 'file', accelerator: 'CmdOrCtrl+Q', macAppMenuRole: 'quit', run: (ctx) => ctx.quit() },
  { id: 'save-article', label: 'Save Article', menu: 'article', accelerator: 'CmdOrCtrl+S', run: page('save-article') },
  { id: 'theme-light', label: 'Light Theme', menu: 'view', run: page('theme-light') },
  { id: 'theme-dark', label: 'Dark Theme', menu: 'view', run: page('theme-dark') },
  { id: 'theme-system', label: 'System Theme', menu: 'view', run: page('theme-system') },
  { id: 'zoom-in', label: 'Zoom In', menu: 'view', accelerator: 'CmdOrCtrl+=', run: (ctx) => ctx.zoom(1) },
  { id: 'zoom-out', label: 'Zoom Out', menu: 'view', accelerator: 'CmdOrCtrl+-', run: (ctx) => ctx.zoom(-1) },
  { id: 'zoom-reset', label: 'Actual Size', menu: 'view', accelerator: 'CmdOrCtrl+0', run: (ctx) => ctx.zoom(0) },
  { id: 'shortcut-help', label: 'Keyboard Shortcuts', menu: 'help', accelerator: 'F1', run: page('shortcut-help') },
  { id: 'about', label: 'About Offline News', menu: 'help', macAppMenuRole: 'about', run: (ctx) => ctx.showAbout() },
];

const MENU_LABELS: Record<CommandSpec['menu'], string> = { file: '&File', article: '&Article', view: '&View', help: '&Help' };

/** Items before which a separator goes. */
const SEPARATE_BEFORE = new Set(['quit', 'zoom-in', 'about']);

/**
 * The whole application menu for `platform`: [App (macOS)], File, Edit, Article, View, Window,
 * Help. Each command item runs its command with `ctx`.
 */
export function buildMenuTemplate(
  ctx: MenuContext,
  platform: NodeJS.Platform = process.platform,
  commands: readonly CommandSpec[] = menuCommands,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (c: CommandSpec): MenuItemConstructorOptions => ({
    id: c.id,
    label: c.label,
    ...(c.accelerator ? { accelerator: c.accelerator } : {}),
    click: () => c.run(ctx),
  });
  const submenuOf = (menu: CommandSpec['menu']): MenuItemConstructorOptions[] => {
    const submenu: MenuItemConstructorOptions[] = [];
    for (const c of commands.filter((x) => x.menu === menu && !(mac && x.macAppMenuRole))) {
      if (SEPARATE_BEFORE.has(c.id) && submenu.length) submenu.push({ type: 'separator' });
      submenu.push(item(c));
    }
    return submenu;
  };
  const file = submenuOf('file');
  // macOS: Cmd+W closes the window (the app keeps running, as macOS apps do).
  if (mac) file.push({ type: 'separator' }, { role: 'close' });
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: MENU_LABELS.file, submenu: file },
    { role: 'editMenu' },
    { label: MENU_LABELS.article, submenu: submenuOf('article') },
    { label: MENU_LABELS.view, submenu: [...submenuOf('view'), { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
    { label: MENU_LABELS.help, role: 'help', submenu: submenuOf('help') },
  ];
}

/** Zoom levels the View menu steps through (Chromium's zoom level: 0 = 100 %, each 1 = 20 %). */
export function nextZoomLevel(current: number, step: 1 | -1 | 0): number {
  if (step === 0) return 0;
  return Math.max(-3, Math.min(5, Math.round(current * 2) / 2 + step * 0.5));
}
