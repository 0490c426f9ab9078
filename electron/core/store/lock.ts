/**
 * One writer per data folder: a `.lock` file holding the owner's pid. A second process (the CLI on
 * a folder the app holds, or a second CLI) is refused with a clear message; a lock left by a dead
 * process is taken over. The lock is released on close and, as a last resort, on process exit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = '.lock';

export class DataDirLockedError extends Error {
  readonly pid: number;
  readonly dataDir: string;
  constructor(dataDir: string, pid: number) {
    super(
      `The data folder ${dataDir} is in use by another process (pid ${pid}). ` +
        'Close Offline News (or the other sync/export/web command) and try again.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
    this.dataDir = dataDir;
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Takes the data folder's lock or throws DataDirLockedError. Synchronous so it can't interleave. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeFileSync(fd, JSON.stringify(content));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return makeLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    // Same pid is a live holder too (a second store opened by this very process).
    if (holder && isProcessAlive(holder.pid) && holder.host === os.hostname()) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    if (holder && holder.host !== os.hostname() && isRecent(file)) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    fs.rmSync(file, { force: true }); // stale: its owner is gone
  }
  throw new Error(`Could not take the lock ${file}`);
}

function isRecent(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs < 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

const heldLocks = new Set<() => void>();
let exitHookInstalled = false;

function makeLock(file: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldLocks.delete(release);
    const holder = readLock(file);
    if (holder && holder.pid === process.pid) fs.rmSync(file, { force: true });
  };
  heldLocks.add(release);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const releaseLock of [...heldLocks]) releaseLock();
    });
  }
  return { file, release };
}
