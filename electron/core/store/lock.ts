/**
 * One writer per data folder: a `.lock` file naming the process that holds the folder. A second
 * process (the CLI on a folder the app holds, or a second CLI) is refused with a clear message; a
 * lock whose holder is gone is taken over. See docs/STORAGE.md ("One writer: the lock").
 *
 * - Acquire is one atomic step: the lock's full text is written to a private temp file which is
 *   then hard-linked to `.lock` (link fails if `.lock` exists), so no reader ever sees a
 *   half-written lock and two racers cannot both succeed. Where the file system has no hard links
 *   it falls back to open(O_EXCL) and treats a young unreadable lock as held.
 * - The holder is pid + boot id + process start time (lock-holder.ts), so a reused pid or a zombie
 *   reads as dead; elsewhere a heartbeat mtime stands in.
 * - A stale lock is removed only under the `.lock.takeover` directory (mkdir is atomic) and only if
 *   `.lock` still holds the very text judged stale, so two processes taking over the same stale
 *   lock cannot remove each other's fresh one.
 * - Released on close and, as a last resort, on process exit.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEARTBEAT_MS, HEARTBEAT_STALE_MS, isHolderRunning, ownIdentity, type HolderIdentity } from './lock-holder';

export { isProcessAlive } from './lock-holder';

export const LOCK_FILE_NAME = '.lock';
const TAKEOVER_DIR = '.lock.takeover';
/** A takeover directory older than this was left by a process that died inside its few ms. */
const TAKEOVER_STALE_MS = 10_000;
/** An unreadable lock younger than this may be one being written (open(O_EXCL) fallback). */
const YOUNG_LOCK_MS = 10_000;

export class DataDirLockedError extends Error {
  readonly pid: number;
  readonly dataDir: string;
  constructor(dataDir: string, pid: number) {
    super(
      `The data folder ${dataDir} is in use by another process${pid > 0 ? ` (pid ${pid})` : ''}. ` +
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

interface SeenLock {
  text: string;
  mtimeMs: number;
}

function readLock(file: string): SeenLock | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return { text, mtimeMs: fs.statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(text: string): HolderIdentity | null {
  try {
    const parsed = JSON.parse(text) as Partial<HolderIdentity>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as HolderIdentity) : null;
  } catch {
    return null;
  }
}

/** Lock texts this process holds now (a second store opened by this very process is refused).
 * Shared by every copy of this module in the process (bundles, test runners). */
const heldTexts: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('offline-news.heldLocks')] ??= new Set<string>()) as Set<string>;

/** 'held' (with the holder's pid, 0 if unknown) or 'stale'. */
function judge(seen: SeenLock, now = Date.now()): { held: true; pid: number } | { held: false } {
  const holder = parseHolder(seen.text);
  if (!holder) return now - seen.mtimeMs < YOUNG_LOCK_MS ? { held: true, pid: 0 } : { held: false };
  if (heldTexts.has(seen.text)) return { held: true, pid: holder.pid };
  if (holder.host !== os.hostname()) {
    // Another machine on a shared folder: only its heartbeat can tell.
    return now - seen.mtimeMs < HEARTBEAT_STALE_MS ? { held: true, pid: holder.pid } : { held: false };
  }
  if (holder.pid === process.pid) return { held: false }; // our pid, yet not a lock we hold: a reused pid
  return isHolderRunning(holder, seen.mtimeMs, now) ? { held: true, pid: holder.pid } : { held: false };
}

/** Creates `.lock` holding `text` in one step; false when it exists. */
function tryCreate(dataDir: string, file: string, text: string): boolean {
  const temp = path.join(dataDir, `${LOCK_FILE_NAME}.${randomBytes(6).toString('hex')}.new`);
  fs.writeFileSync(temp, text, { mode: 0o600, flush: true });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    return createExclusive(file, text); // no hard links on this file system
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** Removes `.lock` if it still holds `staleText`. False when another process is taking it over. */
function removeStale(dataDir: string, file: string, staleText: string): boolean {
  const guard = path.join(dataDir, TAKEOVER_DIR);
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > TAKEOVER_STALE_MS) fs.rmdirSync(guard);
    } catch {
      // gone already, or being removed by another process
    }
    return false;
  }
  try {
    if (readLock(file)?.text === staleText) fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmdirSync(guard);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the data folder's lock or throws DataDirLockedError. Synchronous so it can't interleave
 * with this process's own writes. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const text = JSON.stringify(ownIdentity(os.hostname()));
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(dataDir, file, text)) return makeLock(dataDir, file, text);
    const seen = readLock(file);
    if (!seen) continue; // released just now: try again
    const verdict = judge(seen);
    if (verdict.held) throw new DataDirLockedError(dataDir, verdict.pid);
    if (!removeStale(dataDir, file, seen.text)) pause(5 + Math.random() * 20);
  }
  throw new DataDirLockedError(dataDir, 0);
}

const heldLocks = new Set<() => void>();
let exitHookInstalled = false;

function makeLock(dataDir: string, file: string, text: string): DataDirLock {
  let released = false;
  heldTexts.add(text);
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // the folder went away or read-only: the next write reports it
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    heldLocks.delete(release);
    heldTexts.delete(text);
    try {
      if (readLock(file)?.text === text) fs.rmSync(file, { force: true });
    } catch {
      // unreadable now (folder gone): nothing to release
    }
  };
  heldLocks.add(release);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const releaseLock of [...heldLocks]) releaseLock();
    });
  }
  removeLeftoverTemps(dataDir);
  return { file, release };
}

/** `.lock.*.new` files of acquirers that crashed between writing and linking. */
function removeLeftoverTemps(dataDir: string): void {
  try {
    for (const name of fs.readdirSync(dataDir)) {
      if (!/^\.lock\.[0-9a-f]{12}\.new$/.test(name)) continue;
      const temp = path.join(dataDir, name);
      if (Date.now() - fs.statSync(temp).mtimeMs > 60_000) fs.rmSync(temp, { force: true });
    }
  } catch {
    // best effort
  }
}
