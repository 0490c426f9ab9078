/**
 * Remembers the main window's size, position and maximized state in a small JSON file in the data
 * folder (window-state.json). Reading is forgiving: a missing, corrupt or absurd file gives the
 * defaults, and a position that is on none of the current displays is dropped (the window is then
 * centred) so the window never opens off screen. Writes go to a temp file and are renamed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 820, maximized: false };
const MIN = { width: 480, height: 400 };
const MAX = 20_000;

const isInt = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** The saved state, checked; `displays` are the work areas of the current screens (when known). */
export function parseWindowState(raw: unknown, displays: Rect[] = []): WindowState {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isInt(r.width, MIN.width, MAX) ? r.width : DEFAULT_WINDOW_STATE.width,
    height: isInt(r.height, MIN.height, MAX) ? r.height : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  };
  if (isInt(r.x, -MAX, MAX) && isInt(r.y, -MAX, MAX)) {
    const rect = { x: r.x, y: r.y, width: state.width, height: state.height };
    // Keep the position only when at least 100 x 50 px of the window's top is on some display.
    const visible =
      displays.length === 0 ||
      displays.some(
        (d) => Math.min(rect.x + rect.width, d.x + d.width) - Math.max(rect.x, d.x) >= 100 && Math.min(rect.y + 50, d.y + d.height) - Math.max(rect.y, d.y) >= 50,
      );
    if (visible) {
      state.x = r.x;
      state.y = r.y;
    }
  }
  return state;
}

export function loadWindowState(dataDir: string, displays: Rect[] = []): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8')), displays);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(state)}\n`);
    renameSync(temp, file);
  } catch (error) {
    console.error(`Could not save the window size and position: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What a window looks like to the tracker (a BrowserWindow fits). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
}

/** Saves the window's state when it closes and, debounced, after it is moved or resized. */
export function trackWindowState(win: TrackedWindow, dataDir: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | null = null;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const b = win.getNormalBounds();
    saveWindowState(dataDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
    timer.unref?.();
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
