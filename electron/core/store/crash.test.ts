/**
 * Crash test: a child process writes to the store in a loop and is killed with SIGKILL at random
 * moments; after each kill the store must open and hold every acknowledged write. Three writers:
 * stores (with saves, reads and moves between days), saves and unsaves, and a real sync of a
 * loopback site. (bench/stress.ts does this 200+ times per writer; `npm test` a few times.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAcked, emptyAcked, runAndKill, type CrashMode } from './crash-harness';
import { startCrashSite } from './crash-sync-server';

const KILLS = Number(process.env.CRASH_TEST_KILLS ?? 5);
let site: Awaited<ReturnType<typeof startCrashSite>>;
const dirs: string[] = [];

beforeAll(async () => {
  site = await startCrashSite();
});
afterAll(async () => {
  await site.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL during writes', () => {
  for (const mode of ['store', 'save', 'sync'] as CrashMode[]) {
    it(`${mode}: keeps every acknowledged write across its kills`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `crash-${mode}-`));
      dirs.push(dir);
      const acked = emptyAcked();
      // A sync round starts a process with extraction workers (~4 s): fewer of them in `npm test`.
      const kills = mode === 'sync' ? Math.min(KILLS, 3) : KILLS;
      for (let round = 0; round < kills; round++) {
        await runAndKill(dir, round, acked, { mode, feedBase: site.url });
        expect(await checkAcked(dir, acked), `round ${round}`).toEqual([]);
      }
      expect(acked.counts.articles).toBeGreaterThan(0);
      if (mode === 'save') expect(acked.counts.saves + acked.counts.unsaves).toBeGreaterThan(0);
    }, 180_000);
  }
});
