import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, parseWindowState, saveWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'window-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('window state', () => {
  it('keeps a sane saved state', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 900, height: 700, maximized: true }, screen)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
  });

  it.each([
    ['null', null],
    ['a string', 'big'],
    ['tiny', { width: 10, height: 10 }],
    ['huge', { width: 1e9, height: 700 }],
    ['fractions', { width: 900.5, height: 700 }],
    ['strings', { width: '900', height: '700' }],
  ])('falls back to the default size for %s', (_name, raw) => {
    const state = parseWindowState(raw, screen);
    expect(state.width).toBe(DEFAULT_WINDOW_STATE.width);
    expect(state.x).toBeUndefined();
  });

  it('drops a position that is on no current display', () => {
    expect(parseWindowState({ x: 5000, y: 20, width: 900, height: 700 }, screen).x).toBeUndefined();
    expect(parseWindowState({ x: -880, y: 20, width: 900, height: 700 }, screen).x).toBeUndefined();
    expect(parseWindowState({ x: 100, y: 1030, width: 900, height: 700 }, screen).y).toBeUndefined();
    expect(parseWindowState({ x: -400, y: 0, width: 900, height: 700 }, screen)).toMatchObject({ x: -400, y: 0 });
  });

  it('survives a missing or corrupt file, and saves and loads a round trip', () => {
    const dir = tempDir();
    expect(loadWindowState(dir, screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{not json');
    expect(loadWindowState(dir, screen)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(dir, { x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(loadWindowState(dir, screen)).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
  });

  it('saves on close and, debounced, after moves', async () => {
    const dir = tempDir();
    const win = Object.assign(new EventEmitter(), {
      bounds: { x: 5, y: 6, width: 700, height: 500 },
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized: () => false,
    });
    trackWindowState(win, dir, 10);
    win.emit('move');
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 5, y: 6, width: 700, height: 500, maximized: false });
    win.bounds = { x: 9, y: 9, width: 640, height: 480 };
    win.emit('close');
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ x: 9, width: 640 });
  });
});
