/**
 * Is the process that wrote a lock still the one running under its pid? A pid alone is not an
 * identity: after a reboot or a wrap-around another process may carry it, and on a machine whose
 * init never reaps orphans a killed writer stays a zombie whose pid still answers kill(pid, 0).
 *
 * - Linux: /proc/<pid>/stat gives the state (Z zombie, X dead) and the start time in clock ticks
 *   since boot; /proc/sys/kernel/random/boot_id names the boot. A lock records both, so a pid
 *   that now belongs to another process (different start time or boot) reads as dead.
 * - Elsewhere (macOS, Windows: no /proc): kill(pid, 0) says whether the pid exists, and the holder
 *   refreshes the lock's mtime every HEARTBEAT_MS; a lock not refreshed for HEARTBEAT_STALE_MS is
 *   dead even when its pid exists (a zombie or a reused pid).
 */
import fs from 'node:fs';

/** How often a holder touches its lock, and how old a lock may get before it counts as abandoned
 * where no start time can be read (and for a lock written on another host). */
export const HEARTBEAT_MS = 60_000;
export const HEARTBEAT_STALE_MS = 10 * 60_000;

export interface HolderIdentity {
  pid: number;
  host: string;
  startedAt: string;
  /** Linux: the boot the holder ran in and its start time (field 22 of /proc/<pid>/stat). */
  bootId?: string | null;
  procStart?: string | null;
}

interface ProcStat {
  state: string;
  startTicks: string;
}

/** State and start time of `pid` from /proc; 'gone' when the pid does not exist; null when this
 * system has no /proc (the caller falls back to kill(pid, 0) and the heartbeat). */
export function readProcStat(pid: number): ProcStat | 'gone' | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    return hasProc() ? 'gone' : null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19]; // field 22 overall; fields[0] is field 3
  if (!state || !startTicks) return null;
  return { state, startTicks };
}

let procAvailable: boolean | null = null;
function hasProc(): boolean {
  procAvailable ??= fs.existsSync('/proc/self/stat');
  return procAvailable;
}

let bootIdCache: string | null | undefined;
export function currentBootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

/** Wall-clock start of a process from its start ticks (USER_HZ is 100 on Linux's user ABI). */
function startWallClockMs(startTicks: string): number | null {
  try {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    if (!btime) return null;
    return Number(btime[1]) * 1000 + (Number(startTicks) / 100) * 1000;
  } catch {
    return null;
  }
}

/** This process's identity, written into the locks it takes. */
export function ownIdentity(host: string): HolderIdentity {
  const stat = readProcStat(process.pid);
  return {
    pid: process.pid,
    host,
    startedAt: new Date().toISOString(),
    bootId: currentBootId(),
    procStart: stat && stat !== 'gone' ? stat.startTicks : null,
  };
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

/**
 * Whether the holder of a lock on this host still runs. `lockMtimeMs` is the lock file's mtime
 * (refreshed by the holder's heartbeat).
 */
export function isHolderRunning(holder: HolderIdentity, lockMtimeMs: number, now = Date.now()): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  const stat = readProcStat(holder.pid);
  if (stat === 'gone') return false;
  if (stat) {
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
    const boot = currentBootId();
    if (holder.bootId && boot && holder.bootId !== boot) return false; // written before a reboot
    if (holder.procStart) return holder.procStart === stat.startTicks;
    // A lock without a start time (an older version wrote it): the pid is another process if that
    // process started after the lock was last written.
    const started = startWallClockMs(stat.startTicks);
    return started === null || started <= lockMtimeMs + 2000;
  }
  if (!isProcessAlive(holder.pid)) return false;
  return now - lockMtimeMs < HEARTBEAT_STALE_MS;
}
