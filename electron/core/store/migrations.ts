/**
 * Schema migrations, one step per version: `migrations[n]` turns a data folder at version n into
 * version n + 1. `migrate` runs every step from the folder's version to SCHEMA_VERSION. A step
 * writes its new files first and returns the new index.json document; the store writes that last,
 * so a crash mid-way leaves the old version in place and the step runs again on the next open.
 * Each step keeps the old index as `index.json.v<n>.bak`. Tested from every earlier version.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { DurableJsonFile, type DurableFs, type RecoveryNote } from './durable-file';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, checkBody, photoFilesOf, type BodyDoc, type IndexDoc, type IndexDocV1 } from './schema';
import { SummaryTable } from './summaries';

export interface MigrationContext {
  dataDir: string;
  fs?: DurableFs;
  onRecovery: (note: RecoveryNote) => void;
}

type Step = (ctx: MigrationContext, doc: any) => Promise<{ schemaVersion: number }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const migrations: Record<number, Step> = {
  /** 1 -> 2: summaries move out of index.json into summaries/<day>.json; each summary lists the
   * photo files it shows (read from its body); settings gain maxPerSource and keepNewest. */
  1: async (ctx, doc: IndexDocV1): Promise<IndexDoc> => {
    const summariesDir = path.join(ctx.dataDir, 'summaries');
    await nodeFs.rm(summariesDir, { recursive: true, force: true }); // leftovers of a crashed run
    const table = new SummaryTable(summariesDir, { fs: ctx.fs, onRecovery: ctx.onRecovery });
    await table.load();
    const old = Object.values(doc.articles);
    for (let i = 0; i < old.length; i += 64) {
      await Promise.all(
        old.slice(i, i + 64).map(async (summary) => {
          const body = await new DurableJsonFile<BodyDoc>(path.join(ctx.dataDir, 'articles', `${summary.id}.json`), {
            fs: ctx.fs,
            validate: checkBody,
            onRecovery: ctx.onRecovery,
          }).read();
          const photos = photoFilesOf(body?.photo?.file ?? summary.thumbnail, body?.bodyHtml ?? '');
          table.set({ ...summary, photos });
        }),
      );
    }
    await table.save();
    const { articles: _dropped, ...rest } = doc;
    return { ...rest, schemaVersion: 2, settings: { ...DEFAULT_SETTINGS, ...doc.settings } } as IndexDoc;
  },
};

/** Runs every step from `doc.schemaVersion` up to SCHEMA_VERSION; returns the current index doc. */
export async function migrate(ctx: MigrationContext, doc: { schemaVersion: number }): Promise<IndexDoc> {
  let current = doc;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const from = current.schemaVersion;
    const step = migrations[from];
    if (!step) throw new Error(`No migration from store schema ${from}`);
    await keepOldIndex(ctx.dataDir, from);
    current = await step(ctx, current);
    if (current.schemaVersion !== from + 1) throw new Error(`Migration from schema ${from} produced ${current.schemaVersion}`);
  }
  return current as IndexDoc;
}

/** Copies index.json to index.json.v<n>.bak (durably) unless that copy exists already. */
async function keepOldIndex(dataDir: string, version: number): Promise<void> {
  const source = path.join(dataDir, 'index.json');
  const target = `${source}.v${version}.bak`;
  try {
    await nodeFs.access(target);
    return;
  } catch {
    // not kept yet
  }
  const temp = `${target}.${process.pid}.0.tmp`;
  await nodeFs.copyFile(source, temp);
  const handle = await nodeFs.open(temp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await nodeFs.rename(temp, target);
}
