/**
 * The SIGKILL crash harness shared by crash.test.ts (a few kills in `npm test`) and
 * bench/stress.ts (200+ kills per mode): runs a writer process on a data folder, kills it with
 * SIGKILL at a random moment, then opens the store and checks that it holds every acknowledged
 * write (a write is acknowledged when the call that made it resolved; the writer prints it then).
 *
 * Modes: 'store' (crash-writer.ts: stores, saves, marks read, moves articles between days),
 * 'save' (crash-writer.ts: saves and unsaves stored articles, a few stores between),
 * 'sync' (crash-sync-writer.ts: a real sync of a loopback feed with pages and photos).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { photosOf } from './budget';
import { NewsStore } from './store';

const here = path.dirname(fileURLToPath(import.meta.url));

export type CrashMode = 'store' | 'save' | 'sync';

/** What the writers acknowledged, over every round so far. */
export interface Acked {
  articles: Set<string>;
  /** Last acknowledged saved state per article. */
  saved: Map<string, boolean>;
  read: Set<string>;
  /** Articles whose saved state was being changed when the writer was killed: either state is
   * right (the check takes the one on disk as the new baseline). */
  inFlight: Set<string>;
  /** Acknowledged writes, by kind, for the report. */
  counts: { articles: number; saves: number; unsaves: number; reads: number };
}

export function emptyAcked(): Acked {
  return { articles: new Set(), saved: new Map(), read: new Set(), inFlight: new Set(), counts: { articles: 0, saves: 0, unsaves: 0, reads: 0 } };
}

export interface RunOptions {
  mode?: CrashMode;
  /** Kill after 1..maxWrites acknowledged writes (plus 0-7 ms). */
  maxWrites?: number;
  /** 'sync' mode: origin of the feed server (crash-sync-server.ts). */
  feedBase?: string;
}

/** Starts a writer, kills it after a random number of acknowledged writes plus a random delay of
 * 0-7 ms, and adds what it acknowledged to `acked`. */
export function runAndKill(dir: string, round: number, acked: Acked, options: RunOptions = {}): Promise<void> {
  const mode = options.mode ?? 'store';
  const maxWrites = options.maxWrites ?? 25;
  const args =
    mode === 'sync'
      ? [path.join(here, 'crash-sync-writer.ts'), dir, `r${round}`, options.feedBase ?? '']
      : [path.join(here, 'crash-writer.ts'), dir, `r${round}`, mode];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args]);
    let buffer = '';
    let stderr = '';
    let writes = 0;
    let killScheduled = false;
    const killAfter = 1 + Math.floor(Math.random() * maxWrites);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, kind, id, value] = line.split(' ');
        if (word === 'begin' && kind === 'saved') acked.inFlight.add(id!);
        if (word !== 'ack') continue;
        writes++;
        if (kind === 'article') {
          acked.articles.add(id!);
          acked.counts.articles++;
        }
        if (kind === 'saved') {
          const saved = value !== 'false';
          acked.saved.set(id!, saved);
          acked.inFlight.delete(id!);
          if (saved) acked.counts.saves++;
          else acked.counts.unsaves++;
        }
        if (kind === 'read') {
          acked.read.add(id!);
          acked.counts.reads++;
        }
      }
      if (writes >= killAfter && !killScheduled) {
        killScheduled = true;
        // A random extra delay so the kill lands anywhere inside the next write.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 8));
      }
    });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve();
    });
  });
}

/** Opens the store after a kill and returns the problems found (empty = every acknowledged write is
 * there with its body and photos, no recovery was needed). */
export async function checkAcked(dir: string, acked: Acked): Promise<string[]> {
  const problems: string[] = [];
  const store = await NewsStore.open(dir); // the dead writer's lock is stale and taken over
  try {
    if (store.recoveryNotes.length) problems.push(...store.recoveryNotes.map((n) => `recovery: ${n.message}`));
    for (const id of acked.articles) {
      const summary = store.getSummary(id);
      if (!summary) {
        problems.push(`article ${id} missing`);
        continue;
      }
      if (!((await store.getArticle(id))?.bodyText.length ?? 0)) problems.push(`article ${id} has no body`);
      for (const file of photosOf(summary)) {
        if (!fs.existsSync(path.join(store.photosDir, file))) problems.push(`article ${id}: photo ${file} missing`);
      }
    }
    for (const id of acked.inFlight) {
      acked.saved.set(id, store.getSummary(id)?.saved ?? false); // either state was right
    }
    acked.inFlight.clear();
    for (const [id, saved] of acked.saved) {
      if ((store.getSummary(id)?.saved ?? false) !== saved) problems.push(`${id} should be ${saved ? 'saved' : 'not saved'}`);
    }
    for (const id of acked.read) if (store.getSummary(id)?.read !== true) problems.push(`read ${id} not read`);
  } finally {
    await store.close();
  }
  return problems;
}
