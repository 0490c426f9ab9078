/**
 * Retention: which articles to forget, and which files nobody references any more.
 *
 * An unsaved article goes when it was last fetched more than `keepDays` ago, or when its source
 * has more than `maxPerSource` newer articles. Saved articles never go, and neither do the
 * `keepNewest` newest articles of each source (newest by publication, else fetch, time). Pure
 * functions; the store (NewsStore.prune) applies them and then collects orphaned bodies and photos.
 */
import type { StoreSettings, StoredSummary } from './schema';

const DAY_MS = 86_400_000;

function newestTime(s: StoredSummary): number {
  const t = Date.parse(s.publishedAt ?? s.fetchedAt);
  return Number.isNaN(t) ? 0 : t;
}

/** Ids of the articles retention removes. */
export function articlesToPrune(all: Iterable<StoredSummary>, settings: StoreSettings, now: Date): string[] {
  const bySource = new Map<string, StoredSummary[]>();
  for (const s of all) {
    const list = bySource.get(s.sourceId);
    if (list) list.push(s);
    else bySource.set(s.sourceId, [s]);
  }
  const cutoff = now.getTime() - settings.keepDays * DAY_MS;
  const doomed: string[] = [];
  for (const list of bySource.values()) {
    list.sort((a, b) => newestTime(b) - newestTime(a) || a.id.localeCompare(b.id));
    list.forEach((s, rank) => {
      if (s.saved || rank < settings.keepNewest) return;
      const fetched = Date.parse(s.fetchedAt);
      const tooOld = !Number.isNaN(fetched) && fetched < cutoff;
      if (tooOld || rank >= settings.maxPerSource) doomed.push(s.id);
    });
  }
  return doomed;
}

/** Checks a settings patch; returns a problem in words, or null. */
export function checkSettingsPatch(patch: Partial<StoreSettings>): string | null {
  const limits: Record<string, [number, number]> = {
    keepDays: [1, 3650],
    maxPerSource: [1, 100_000],
    keepNewest: [0, 10_000],
    storageBudgetMb: [50, 1_000_000], // or null: no budget
  };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'storageBudgetMb' && value === null) continue;
    if (key === 'notifySections') {
      const ok = Array.isArray(value) && value.length <= 200 && value.every((s) => typeof s === 'string' && s.length <= 300);
      if (!ok) return 'notifySections must be a list of at most 200 section names';
      continue;
    }
    if (key === 'downloadPhotos') {
      if (typeof value !== 'boolean') return 'downloadPhotos must be true or false';
      continue;
    }
    if (key === 'refreshMinutes') {
      if (value === 0) continue;
      if (!Number.isInteger(value) || (value as number) < 5 || (value as number) > 1440) return 'refreshMinutes must be 0 (off) or a whole number from 5 to 1440';
      continue;
    }
    const range = limits[key];
    if (!range) return `unknown setting ${key}`;
    if (!Number.isInteger(value) || (value as number) < range[0] || (value as number) > range[1]) {
      return `${key} must be a whole number from ${range[0]} to ${range[1]}`;
    }
  }
  return null;
}

export interface PruneResult {
  /** Articles retention removed (their bodies go with them). */
  articlesRemoved: number;
  /** Body files removed with those articles, and orphaned photos collected afterwards (photos
   * nobody shows; bodies without a summary are taken back on open, never collected). */
  bodiesRemoved: number;
  photosRemoved: number;
  bytesFreed: number;
}

/** Bytes on disk: index.json (+ .bak), summaries/, articles/, photos/, and their total. */
export type { StorageInfo } from '../../shared/models';
