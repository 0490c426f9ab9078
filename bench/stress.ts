/**
 * Crash stress run (`npm run bench -- stress`, or `npx tsx bench/stress.ts [kills]`): the store's
 * SIGKILL crash test with many kills (default 200, env STRESS_KILLS). After every kill the store
 * must open without recovery and hold every write acknowledged so far.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAcked, runAndKill, type Acked } from '../electron/core/store/crash-harness';

export async function runStress(kills = Number(process.env.STRESS_KILLS ?? 200)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stress-'));
  const all: Acked = { articles: [], saved: [], read: [] };
  const t0 = Date.now();
  const failures: string[] = [];
  try {
    for (let round = 0; round < kills; round++) {
      const acked = await runAndKill(dir, round);
      all.articles.push(...acked.articles);
      all.saved.push(...acked.saved);
      all.read.push(...acked.read);
      const problems = await checkAcked(dir, all);
      if (problems.length) failures.push(`round ${round}: ${problems.slice(0, 3).join('; ')}`);
      if ((round + 1) % 25 === 0) process.stderr.write(`stress: ${round + 1}/${kills} kills, ${all.articles.length} acknowledged articles\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { kills, articles: all.articles.length, saved: all.saved.length, read: all.read.length, failures, seconds: (Date.now() - t0) / 1000 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runStress(process.argv[2] ? Number(process.argv[2]) : undefined);
  console.log(JSON.stringify(result, null, 1));
  if (result.failures.length) process.exitCode = 1;
}
