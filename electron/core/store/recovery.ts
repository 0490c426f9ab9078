/**
 * Rebuilding what a lost or damaged file held from the other files (docs/STORAGE.md, Recovery):
 *
 * - a summary from its body file: every body carries a copy of its summary (schema.ts BodyDoc),
 *   so a body no summary names is the article of a lost or damaged day file, or a write a crash
 *   cut short; either way it is taken back, never deleted;
 * - index.json from the summaries partitions, which carry a copy of each source they name.
 *
 * Pure planning plus folder scans; the store applies the results (store.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type BodyDoc, type IndexDoc, type SourceCopy, type StoredSummary } from './schema';
import { photoFilesOf } from './schema';

const STORE_FILE = /^[A-Za-z0-9_-]{1,100}\.json(\.bak)?$/;
const PARTITION_FILE = /^(\d{4}-\d{2}-\d{2}|undated)\.json(\.bak)?$/;

async function namesIn(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}

/** True when the folder holds any store file (index.json or its backup, a summaries partition, an
 * article body): then it is not a new folder, whatever happened to index.json. */
export async function holdsStoreData(dataDir: string): Promise<boolean> {
  const top = await namesIn(dataDir);
  if (top.some((n) => n === 'index.json' || n === 'index.json.bak')) return true;
  if ((await namesIn(path.join(dataDir, 'summaries'))).some((n) => PARTITION_FILE.test(n))) return true;
  return (await namesIn(path.join(dataDir, 'articles'))).some((n) => STORE_FILE.test(n));
}

/** Ids of the body files in articles/ (a body present only as its .bak counts). */
export async function bodyIdsOnDisk(articlesDir: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const name of await namesIn(articlesDir)) {
    const match = /^([A-Za-z0-9_-]{1,100})\.json(\.bak)?$/.exec(name);
    if (match) ids.add(match[1]!);
  }
  return [...ids];
}

export interface OrphanBody {
  id: string;
  body: BodyDoc;
}

export interface AdoptionPlan {
  /** Summaries to take back, with whether the user is told (a lost or damaged day file). */
  adopt: { summary: StoredSummary; told: boolean }[];
  /** Bodies of an article removed with its source (the removal was cut short): deleted. */
  leftovers: string[];
  /** Bodies without a summary copy (written before bodies carried one): kept, and their photos
   * kept too, since they may be a saved article's. */
  unmatched: OrphanBody[];
}

/**
 * What to do with bodies no summary names. A body whose day file loaded cleanly and whose index
 * loaded cleanly, unsaved, is what a crash between the body and the summary write leaves (an
 * unacknowledged store, or a removal cut short): taken back without a note, or, when its source
 * is gone, deleted. Anything else is the article of a lost or damaged file: taken back and told.
 */
export function planAdoption(
  orphans: OrphanBody[],
  state: { cleanPartition: (name: string) => boolean; indexClean: boolean; hasSource: (id: string) => boolean; partitionOf: (s: StoredSummary) => string },
): AdoptionPlan {
  const plan: AdoptionPlan = { adopt: [], leftovers: [], unmatched: [] };
  for (const orphan of orphans) {
    const summary = orphan.body.summary;
    if (!summary || summary.id !== orphan.id) {
      plan.unmatched.push(orphan);
      continue;
    }
    const crashLeftover = !summary.saved && state.indexClean && state.cleanPartition(state.partitionOf(summary));
    if (crashLeftover && !state.hasSource(summary.sourceId)) plan.leftovers.push(orphan.id);
    else plan.adopt.push({ summary: { ...summary }, told: !crashLeftover });
  }
  return plan;
}

/** Photos an unmatched body shows (kept by the orphan collector). */
export function photosOfBodies(bodies: OrphanBody[]): Set<string> {
  const files = new Set<string>();
  for (const { body } of bodies) for (const file of photoFilesOf(body.photo?.file, body.bodyHtml ?? '')) files.add(file);
  return files;
}

/** The note for articles taken back from their bodies. */
export function adoptionNote(told: StoredSummary[]): string | null {
  if (told.length === 0) return null;
  const saved = told.filter((s) => s.saved).length;
  const what = told.length === 1 ? `1 article ("${told[0]!.title}")` : `${told.length} articles`;
  return `The list of some stored articles was missing or damaged; ${what}${saved ? ` (${saved} saved)` : ''} were recovered from their own files.`;
}

/**
 * index.json rebuilt from the summaries: each source a partition keeps a copy of, settings at
 * their defaults, no sync state. Sources named by articles but not kept anywhere (partitions
 * written before they carried sources) cannot be rebuilt (their feed address was only in
 * index.json): named in the note.
 */
export function rebuildIndex(summaries: Iterable<StoredSummary>, copies: Map<string, SourceCopy>, why: 'missing' | 'damaged'): { index: IndexDoc; note: string } {
  const index: IndexDoc = {
    schemaVersion: SCHEMA_VERSION,
    sources: {},
    settings: { ...DEFAULT_SETTINGS },
    sync: { lastSyncAt: null, lastSyncReachedHost: null },
    firstRunSeededAt: null,
    queue: [],
  };
  const lost = new Map<string, string>();
  let articles = 0;
  let saved = 0;
  for (const s of summaries) {
    articles++;
    if (s.saved) saved++;
    if (s.sourceId === 'first-run') index.firstRunSeededAt ??= s.fetchedAt;
    const copy = copies.get(s.sourceId);
    if (copy) {
      index.sources[s.sourceId] = {
        ...copy,
        section: copy.section ?? null,
        lastSyncAt: null,
        lastError: null,
        etag: null,
        lastModified: null,
      };
    } else if (s.sourceId !== 'first-run' && !s.sourceId.startsWith('queued-')) {
      lost.set(s.sourceId, s.sourceTitle);
    }
  }
  const sources = Object.keys(index.sources).length;
  const parts = [
    `index.json ${why === 'missing' ? 'and its backup were missing' : 'was damaged and had no usable backup'}; it was rebuilt from the stored articles: ${articles} articles (${saved} saved) and ${sources} ${sources === 1 ? 'source' : 'sources'}. Settings are back at their defaults.`,
  ];
  if (lost.size > 0) {
    parts.push(`The feed address of ${[...lost.values()].map((t) => `"${t}"`).join(', ')} was only in index.json: add ${lost.size === 1 ? 'it' : 'them'} again to keep syncing ${lost.size === 1 ? 'it' : 'them'} (the stored articles stay).`);
  }
  return { index, note: parts.join(' ') };
}

/** True when every photo file is there and not empty; with `hashes`, also that its bytes match
 * the SHA-256 its name is (checked for saved articles; a damaged file is deleted, so the next
 * download stores it again). */
export async function photosSound(photosDir: string, files: string[], hashes: boolean): Promise<boolean> {
  let sound = true;
  for (const file of files) {
    const full = path.join(photosDir, file);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat?.isFile() || stat.size === 0) {
      sound = false;
      continue;
    }
    if (!hashes) continue;
    const digest = createHash('sha256').update(await fs.readFile(full)).digest('hex');
    if (digest !== file.slice(0, file.indexOf('.'))) {
      await fs.rm(full, { force: true });
      sound = false;
    }
  }
  return sound;
}
