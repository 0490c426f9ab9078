/**
 * Test helper process for lock.test.ts: opens the store in argv[2] when told to. Reads lines
 * "go <round> <atMs>" on stdin, waits until the wall clock reaches atMs (both racers are released
 * at the same instant), then opens the store, stores one article, holds the folder for a moment
 * and closes it. Prints "stored <round> <id>" or "locked <round> <message>", then "done <round>".
 */
import readline from 'node:readline';
import { articleInput } from './article-input.fixture';
import { DataDirLockedError } from './lock';
import { NewsStore } from './store';

const dataDir = process.argv[2]!;
const name = process.argv[3]!;
const HOLD_MS = 150;

async function round(n: string, atMs: number): Promise<void> {
  while (Date.now() < atMs - 5) await new Promise((resolve) => setTimeout(resolve, 1));
  while (Date.now() < atMs); // the last few ms spinning, for a common start
  let store: NewsStore;
  try {
    store = await NewsStore.open(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stdout.write(`locked ${n} ${error.message}\n`);
    return;
  }
  try {
    const { id } = await store.upsertArticle(articleInput(`https://race.test/r${n}/${name}`, { title: `Round ${n} by ${name}` }));
    process.stdout.write(`stored ${n} ${id}\n`);
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  } finally {
    await store.close();
  }
}

const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  const [verb, n, at] = line.split(' ');
  if (verb !== 'go') break;
  try {
    await round(n!, Number(at));
  } catch (error) {
    process.stdout.write(`failed ${n} ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.stdout.write(`done ${n}\n`);
}
