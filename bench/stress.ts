/**
 * Crash stress run (`npm run bench -- stress`, or `npx tsx bench/stress.ts [kills] [modes]`): the
 * store's SIGKILL crash test with many kills per mode (default 200, env STRESS_KILLS; modes
 * default "store,save,sync", env STRESS_MODES). 'store': a writer stores, saves, marks read and
 * moves articles between days; 'save': it saves and unsaves; 'sync': a real sync of a loopback
 * site (feed, pages, photos). After every kill the store must open without recovery and hold every
 * write acknowledged so far (articles with body and photos, saved and unsaved states, reads).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAcked, emptyAcked, runAndKill, type CrashMode } from '../electron/core/store/crash-harness';
import { startCrashSite } from '../electron/core/store/crash-sync-server';

export interface StressResult {
  mode: CrashMode;
  kills: number;
  articles: number;
  saves: number;
  unsaves: number;
  reads: number;
  failures: string[];
  seconds: number;
}

export async function runStressMode(mode: CrashMode, kills: number): Promise<StressResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stress-${mode}-`));
  const site = mode === 'sync' ? await startCrashSite() : null;
  const acked = emptyAcked();
  const t0 = Date.now();
  const failures: string[] = [];
  try {
    for (let round = 0; round < kills; round++) {
      await runAndKill(dir, round, acked, { mode, feedBase: site?.url, maxWrites: mode === 'sync' ? 30 : 25 });
      const problems = await checkAcked(dir, acked);
      if (problems.length) failures.push(`round ${round}: ${problems.slice(0, 3).join('; ')}`);
      if ((round + 1) % 25 === 0) process.stderr.write(`stress ${mode}: ${round + 1}/${kills} kills, ${acked.counts.articles} acknowledged articles\n`);
    }
  } finally {
    await site?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { mode, kills, ...acked.counts, failures, seconds: (Date.now() - t0) / 1000 };
}

export async function runStress(kills = Number(process.env.STRESS_KILLS ?? 200), modes = (process.env.STRESS_MODES ?? 'store,save,sync').split(',') as CrashMode[]) {
  const results: StressResult[] = [];
  for (const mode of modes) results.push(await runStressMode(mode, kills));
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await runStress(process.argv[2] ? Number(process.argv[2]) : undefined, process.argv[3]?.split(',') as CrashMode[] | undefined);
  console.log(JSON.stringify(results, null, 1));
  if (results.some((r) => r.failures.length)) process.exitCode = 1;
}
