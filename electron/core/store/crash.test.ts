/**
 * Crash test: a child process stores, saves and marks articles read in a loop; it is killed with
 * SIGKILL at random moments, and after each kill the store must open and hold every acknowledged
 * write. (bench/stress.ts does this 200+ times; `npm test` a few times.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAcked, runAndKill, type Acked } from './crash-harness';

const KILLS = Number(process.env.CRASH_TEST_KILLS ?? 5);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL during writes', () => {
  it(`keeps every acknowledged write across ${KILLS} kills`, async () => {
    const all: Acked = { articles: [], saved: [], read: [] };
    for (let round = 0; round < KILLS; round++) {
      const acked = await runAndKill(dir, round);
      all.articles.push(...acked.articles);
      all.saved.push(...acked.saved);
      all.read.push(...acked.read);
      expect(await checkAcked(dir, all), `round ${round}`).toEqual([]);
    }
  }, 120_000);
});
