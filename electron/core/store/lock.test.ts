/**
 * The data folder's lock with real processes: a zombie this test makes itself, a pid that now
 * belongs to another live process, a lock from another boot, and two writer processes released at
 * the same instant, 20 rounds on a free folder and 20 over a stale lock.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, isProcessAlive, LOCK_FILE_NAME } from './lock';
import { currentBootId, readProcStat } from './lock-holder';
import { NewsStore } from './store';

const hasProc = fs.existsSync('/proc/self/stat');
if (!hasProc) console.log('lock.test: no /proc on this system; the zombie and start-time cases are skipped');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sleepers: ChildProcessWithoutNullStreams[] = [];
afterAll(() => sleepers.forEach((child) => child.kill('SIGKILL')));

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error('exited before its first line')));
  });
}

/** A child of a shell that exec'd into `sleep`, which never waits for it: a zombie while the
 * sleeper lives, whoever pid 1 is. */
async function makeZombie(): Promise<number> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 120']);
  sleepers.push(parent);
  const pid = Number(await firstLine(parent));
  for (let i = 0; i < 200; i++) {
    const stat = readProcStat(pid);
    if (stat && stat !== 'gone' && stat.state === 'Z') return pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`pid ${pid} never became a zombie`);
}

async function liveProcess(): Promise<number> {
  const child = spawn('sh', ['-c', 'echo up; exec sleep 120']);
  sleepers.push(child);
  await firstLine(child);
  return child.pid!;
}

function writeLock(holder: Record<string, unknown>, mtime?: Date): void {
  const file = path.join(dir, LOCK_FILE_NAME);
  fs.writeFileSync(file, JSON.stringify({ host: os.hostname(), startedAt: new Date().toISOString(), ...holder }));
  if (mtime) fs.utimesSync(file, mtime, mtime);
}

function identityOf(pid: number): { pid: number; bootId: string | null; procStart: string } {
  const stat = readProcStat(pid);
  if (!stat || stat === 'gone') throw new Error(`no /proc entry for ${pid}`);
  return { pid, bootId: currentBootId(), procStart: stat.startTicks };
}

const lockPid = () => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid as number;

describe('data folder lock: who holds it', () => {
  it('refuses a second writer while the first lives, with the plain message, and frees it on release', () => {
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(
      `The data folder ${dir} is in use by another process (pid ${process.pid}). Close Offline News (or the other sync/export/web command) and try again.`,
    );
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    acquireDataDirLock(dir).release();
    expect(fs.readdirSync(dir)).toEqual([]); // no temp file or takeover folder left behind
  });

  it('refuses a lock held by another live process (current and older lock formats)', async () => {
    const pid = await liveProcess();
    if (hasProc) {
      writeLock(identityOf(pid));
      expect(() => acquireDataDirLock(dir)).toThrow(`in use by another process (pid ${pid})`);
    }
    writeLock({ pid }); // the older format: pid, host, startedAt
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by another process (pid ${pid})`);
  });

  it.skipIf(!hasProc)('takes over the lock of a zombie (killed writer its parent never reaped)', async () => {
    const zombie = await makeZombie();
    expect(isProcessAlive(zombie)).toBe(true); // what fooled the old check
    writeLock(identityOf(zombie));
    const lock = acquireDataDirLock(dir);
    expect(lockPid()).toBe(process.pid);
    lock.release();
    writeLock({ pid: zombie });
    acquireDataDirLock(dir).release();
  });

  it.skipIf(!hasProc)('takes over a stale lock whose pid now belongs to another live process', async () => {
    const pid = await liveProcess();
    // Same pid, different start time: the writer died and the pid was handed out again.
    writeLock({ ...identityOf(pid), procStart: '1' });
    acquireDataDirLock(dir).release();
    // Same pid and start time, but written in an earlier boot.
    writeLock({ ...identityOf(pid), bootId: '00000000-0000-4000-8000-000000000000' });
    acquireDataDirLock(dir).release();
    // The older format: the lock was last written before this process started.
    writeLock({ pid }, new Date(Date.now() - 3600_000));
    acquireDataDirLock(dir).release();
    // Our own pid in a lock we do not hold (a previous process had it).
    writeLock({ pid: process.pid, procStart: '1' });
    acquireDataDirLock(dir).release();
  });

  it('treats a half-written lock as held while young and as stale once old', () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), '');
    expect(() => acquireDataDirLock(dir)).toThrow(`The data folder ${dir} is in use by another process. Close`);
    fs.utimesSync(path.join(dir, LOCK_FILE_NAME), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    acquireDataDirLock(dir).release();
  });
});

interface Racer {
  child: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
}

const writer = path.join(import.meta.dirname, 'lock-race-writer.ts');

async function startRacer(name: string): Promise<Racer> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, name]);
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.once('exit', (code) => code && console.error(`racer ${name} exited ${code}: ${stderr}`));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('ready');
  return { child, lines };
}

async function untilDone(racer: Racer, round: number): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const { value, done } = await racer.lines.next();
    if (done) throw new Error(`racer exited during round ${round}: ${out.join(' | ')}`);
    if (value === `done ${round}`) return out;
    out.push(value);
  }
}

describe('data folder lock: two writers released at the same instant', () => {
  async function race(rounds: number, before: () => void): Promise<void> {
    const racers = [await startRacer('a'), await startRacer('b')];
    const stored: string[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        before();
        const at = Date.now() + 60;
        for (const racer of racers) racer.child.stdin.write(`go ${round} ${at}\n`);
        const [a, b] = await Promise.all(racers.map((racer) => untilDone(racer, round)));
        const lines = [...a!, ...b!];
        const wins = lines.filter((line) => line.startsWith(`stored ${round} `));
        const refusals = lines.filter((line) => line.startsWith(`locked ${round} `));
        expect(wins, `round ${round}: ${lines.join(' | ')}`).toHaveLength(1);
        expect(refusals, `round ${round}: ${lines.join(' | ')}`).toHaveLength(1);
        expect(refusals[0]).toMatch(/is in use by another process \(pid \d+\)\. Close Offline News/);
        stored.push(wins[0]!.split(' ')[2]!);
      }
    } finally {
      for (const racer of racers) racer.child.stdin.end();
      await Promise.all(racers.map((racer) => new Promise((resolve) => racer.child.once('close', resolve))));
    }
    const store = await NewsStore.open(dir);
    try {
      for (const id of stored) expect(store.getSummary(id), `article ${id} reported stored`).toBeDefined();
      expect(store.articleCount()).toBe(rounds);
    } finally {
      await store.close();
    }
  }

  it('on a free folder: exactly one writes each round, and every article it stored is there', async () => {
    await race(20, () => undefined);
  }, 120_000);

  it.skipIf(!hasProc)('over a stale lock (a zombie holder) both race to take it over: exactly one wins', async () => {
    const zombie = await makeZombie();
    await race(20, () => writeLock(identityOf(zombie)));
  }, 120_000);
});
