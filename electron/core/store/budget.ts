/**
 * Storage budget: when the data folder (index, summaries, bodies, photos, as storageInfo measures
 * it) is larger than `storageBudgetMb`, the oldest unsaved articles beyond the newest `keepNewest`
 * of each source go, oldest first across all sources, until the bytes they free bring the total
 * under the budget or nothing more may go. Saved articles and the newest N per source never go.
 *
 * The bytes an article frees are estimated before anything is deleted: its body file (+ .bak) and
 * each photo once no remaining article shows it. Photos are then removed by the orphan collector,
 * which keeps files younger than its grace period (10 minutes); so a photo downloaded minutes ago
 * and already doomed counts as freed here but stays on disk until a prune after the grace period;
 * the store leaves such unreferenced photos out of `totalBytes`, so a prune meanwhile does not
 * remove more articles for them. Summaries' share of summaries/<day>.json is small and not counted
 * (the estimate errs towards removing less).
 */
import type { StoreSettings, StoredSummary } from './schema';

/** Decimal megabytes, as the Settings screen shows sizes (renderer/src/ui/format/bytes.ts). */
export const MB = 1_000_000;

function newestTime(s: StoredSummary): number {
  const t = Date.parse(s.publishedAt ?? s.fetchedAt);
  return Number.isNaN(t) ? 0 : t;
}

/** Photo files a summary shows. */
export function photosOf(s: StoredSummary): string[] {
  const files = new Set<string>(s.photos ?? []);
  if (s.thumbnail) files.add(s.thumbnail);
  return [...files];
}

export interface BudgetPlanInput {
  all: StoredSummary[];
  settings: Pick<StoreSettings, 'keepNewest' | 'storageBudgetMb'>;
  /** Bytes the data folder uses now. */
  totalBytes: number;
  /** Bytes of an article's body file and its .bak. */
  bodyBytes: (id: string) => number;
  /** Bytes of a photo file (0 if missing). */
  photoBytes: (file: string) => number;
}

/** Ids of the articles the budget removes (oldest first), and the bytes that frees by estimate. */
export function articlesOverBudget(input: BudgetPlanInput): { ids: string[]; bytesFreed: number } {
  const budgetMb = input.settings.storageBudgetMb;
  if (budgetMb === null || budgetMb === undefined) return { ids: [], bytesFreed: 0 };
  const over = input.totalBytes - budgetMb * MB;
  if (over <= 0) return { ids: [], bytesFreed: 0 };

  const refs = new Map<string, number>();
  const bySource = new Map<string, StoredSummary[]>();
  for (const s of input.all) {
    for (const file of photosOf(s)) refs.set(file, (refs.get(file) ?? 0) + 1);
    const list = bySource.get(s.sourceId);
    if (list) list.push(s);
    else bySource.set(s.sourceId, [s]);
  }
  const candidates: StoredSummary[] = [];
  for (const list of bySource.values()) {
    list.sort((a, b) => newestTime(b) - newestTime(a) || a.id.localeCompare(b.id));
    list.forEach((s, rank) => {
      if (!s.saved && rank >= input.settings.keepNewest) candidates.push(s);
    });
  }
  candidates.sort((a, b) => newestTime(a) - newestTime(b) || a.id.localeCompare(b.id));

  const ids: string[] = [];
  let freed = 0;
  for (const s of candidates) {
    if (freed >= over) break;
    ids.push(s.id);
    freed += input.bodyBytes(s.id);
    for (const file of photosOf(s)) {
      const left = (refs.get(file) ?? 1) - 1;
      refs.set(file, left);
      if (left === 0) freed += input.photoBytes(file);
    }
  }
  return { ids, bytesFreed: freed };
}
