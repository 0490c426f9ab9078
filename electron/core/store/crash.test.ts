/**
 * Crash test: a child process stores and saves articles in a loop; it is killed with SIGKILL at
 * random moments, and after each kill the store must open and hold every acknowledged write.
 * (The stress run in bench/ does this 200+ times; `npm test` a few times.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsStore } from './store';

const KILLS = Number(process.env.CRASH_TEST_KILLS ?? 5);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runAndKill(round: number): Promise<{ articles: string[]; saved: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-writer.ts'), dir, `r${round}`]);
    const articles: string[] = [];
    const saved: string[] = [];
    let buffer = '';
    let stderr = '';
    const killAfter = 1 + Math.floor(Math.random() * 25);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [, kind, id] = line.split(' ');
        if (kind === 'article') articles.push(id!);
        if (kind === 'saved') saved.push(id!);
      }
      if (articles.length >= killAfter && child.exitCode === null) {
        // A random extra delay so the kill lands anywhere inside the next write.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 8));
      }
    });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve({ articles, saved });
    });
  });
}

describe('SIGKILL during writes', () => {
  it(`keeps every acknowledged write across ${KILLS} kills`, async () => {
    const allArticles: string[] = [];
    const allSaved: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const acked = await runAndKill(round);
      allArticles.push(...acked.articles);
      allSaved.push(...acked.saved);
      const store = await NewsStore.open(dir); // the dead writer's lock is stale and taken over
      try {
        expect(store.recoveryNotes).toEqual([]);
        for (const id of allArticles) {
          expect(store.getSummary(id), `article ${id} (round ${round})`).not.toBeNull();
          expect((await store.getArticle(id))?.bodyText.length).toBeGreaterThan(0);
        }
        for (const id of allSaved) expect(store.getSummary(id)?.saved, `saved ${id}`).toBe(true);
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
