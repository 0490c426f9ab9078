/**
 * File-system errors in words, from real failing calls (no hand-made errors): each names the data
 * folder, says what to do, and carries no errno text; anything else keeps its own message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFsError, plainErrorMessage } from './fs-errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-errors-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('plain words for file-system errors', () => {
  it('a data folder path that is a file, or runs through one', () => {
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, '');
    const onFile = thrownBy(() => fs.mkdirSync(file));
    expect(plainErrorMessage(onFile, file)).toBe(`The data folder ${file} is not a folder (it, or part of its path, is a file); use another data folder and try again.`);
    const through = thrownBy(() => fs.mkdirSync(path.join(file, 'sub'), { recursive: true }));
    expect(plainErrorMessage(through, path.join(file, 'sub'))).toMatch(/is not a folder/);
  });

  it('a missing folder, and a file gone inside a folder that exists', () => {
    const gone = path.join(dir, 'gone');
    const missing = thrownBy(() => fs.writeFileSync(path.join(gone, 'index.json'), '{}'));
    expect(plainErrorMessage(missing, gone)).toBe(
      `The data folder ${gone} is missing (moved, deleted or on a drive that was unplugged); reconnect it or use another data folder, and try again.`,
    );
    const inside = thrownBy(() => fs.readFileSync(path.join(dir, 'nope.json')));
    expect(plainErrorMessage(inside, dir)).toBe(`A file in the data folder ${dir} went missing while Offline News was using it; try again.`);
  });

  it('a store error that wrapped one (code and cause kept) is worded the same', () => {
    const cause = thrownBy(() => fs.writeFileSync(path.join(dir, 'gone', 'x'), ''));
    const wrapped = Object.assign(new Error('Could not save x: something'), { code: 'ENOENT', cause });
    expect(plainErrorMessage(wrapped, path.join(dir, 'gone'))).toMatch(/^The data folder .* is missing/);
  });

  it('leaves other errors alone: network codes and plain errors keep their message', () => {
    expect(describeFsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', syscall: 'connect' }))).toBeNull();
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeNull(); // no path, no syscall: not the file system's
    expect(plainErrorMessage(new Error('A source needs a title'), dir)).toBe('A source needs a title');
    expect(plainErrorMessage('text', dir)).toBe('text');
  });
});
