/**
 * The SIGKILL crash harness shared by crash.test.ts (a few kills in `npm test`) and
 * bench/stress.ts (200+ kills): runs crash-writer.ts on a data folder, kills it with SIGKILL at a
 * random moment, then opens the store and checks that it holds every acknowledged write.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsStore } from './store';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-writer.ts');

export interface Acked {
  articles: string[];
  saved: string[];
  read: string[];
}

/** Starts the writer, kills it after a random number (1..maxWrites) of acknowledged articles plus a
 * random delay of 0-7 ms, and returns what it acknowledged. */
export function runAndKill(dir: string, round: number, maxWrites = 25): Promise<Acked> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, `r${round}`]);
    const acked: Acked = { articles: [], saved: [], read: [] };
    let buffer = '';
    let stderr = '';
    let killScheduled = false;
    const killAfter = 1 + Math.floor(Math.random() * maxWrites);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [, kind, id] = line.split(' ');
        if (kind === 'article') acked.articles.push(id!);
        if (kind === 'saved') acked.saved.push(id!);
        if (kind === 'read') acked.read.push(id!);
      }
      if (acked.articles.length >= killAfter && !killScheduled) {
        killScheduled = true;
        // A random extra delay so the kill lands anywhere inside the next write.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 8));
      }
    });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve(acked);
    });
  });
}

/** Opens the store after a kill and returns the problems found (empty = every acknowledged write is
 * there, no recovery was needed). */
export async function checkAcked(dir: string, all: Acked): Promise<string[]> {
  const problems: string[] = [];
  const store = await NewsStore.open(dir); // the dead writer's lock is stale and taken over
  try {
    if (store.recoveryNotes.length) problems.push(...store.recoveryNotes.map((n) => `recovery: ${n.message}`));
    for (const id of all.articles) {
      if (!store.getSummary(id)) problems.push(`article ${id} missing`);
      else if (!((await store.getArticle(id))?.bodyText.length ?? 0)) problems.push(`article ${id} has no body`);
    }
    for (const id of all.saved) if (store.getSummary(id)?.saved !== true) problems.push(`saved ${id} not saved`);
    for (const id of all.read) if (store.getSummary(id)?.read !== true) problems.push(`read ${id} not read`);
  } finally {
    await store.close();
  }
  return problems;
}
