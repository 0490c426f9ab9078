/** Words for sync state: the progress across sources and the message after a sync. */
import type { SourceResult, SyncProgress, SyncSummary } from '../../../../electron/shared/models';

export interface ProgressTotals {
  sources: number;
  finishedSources: number;
  done: number;
  total: number;
}

export function progressTotals(progress: Iterable<SyncProgress>): ProgressTotals {
  const t: ProgressTotals = { sources: 0, finishedSources: 0, done: 0, total: 0 };
  for (const p of progress) {
    t.sources += 1;
    if (p.phase === 'done' || p.phase === 'error') t.finishedSources += 1;
    t.done += Math.max(0, Math.min(p.done, p.total));
    t.total += Math.max(0, p.total);
  }
  return t;
}

export function progressLabel(t: ProgressTotals): string {
  if (t.sources === 0) return 'Starting sync…';
  const sources = `${t.finishedSources} of ${t.sources} ${t.sources === 1 ? 'source' : 'sources'}`;
  return t.total > 0 ? `Syncing: ${sources}, ${t.done} of ${t.total} articles` : `Syncing: ${sources}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A source the run did not finish because the sync was cancelled (not a failure of the source). */
export function wasCancelled(result: SourceResult): boolean {
  return result.outcome.kind === 'cancelled';
}

/** Sources that really failed in this run (cancelled ones are not failures). */
export function failedSources(summary: SyncSummary): SourceResult[] {
  return summary.sources.filter((s) => s.outcome.kind === 'failed' || s.outcome.kind === 'backed-off');
}

/** The toast after a run with failures: "2 sources could not be synced", each reason on demand. */
export function failureToast(summary: SyncSummary): { title: string; details: { label: string; text: string }[] } | null {
  const failed = failedSources(summary);
  if (failed.length === 0) return null;
  return {
    title: `${plural(failed.length, 'source', 'sources')} could not be synced`,
    details: failed.map((s) => ({ label: s.title || s.url, text: s.error || 'unknown error' })),
  };
}

/** "Synced 3 sources: 12 new, 2 updated", naming failed sources and their reasons when any. */
export function summaryMessage(summary: SyncSummary): string {
  const total = summary.sources.length;
  if (total === 0) return 'Nothing to sync yet: add a source first.';
  const ok = summary.sources.filter((s) => s.ok);
  const failed = failedSources(summary);
  const cancelled = summary.sources.filter(wasCancelled);
  if (cancelled.length > 0) {
    const kept = `${ok.reduce((n, s) => n + s.added, 0)} new, ${ok.reduce((n, s) => n + s.updated, 0)} updated kept`;
    const failures = failed.length ? ` Failed: ${failed.map((s) => `${s.title || s.url} (${s.error || 'unknown error'})`).join('; ')}` : '';
    return `Sync cancelled after ${ok.length} of ${plural(total, 'source', 'sources')}: ${kept}.${failures}`;
  }
  const added = ok.reduce((n, s) => n + s.added, 0);
  const updated = ok.reduce((n, s) => n + s.updated, 0);
  const counts = `${added} new, ${updated} updated`;
  if (failed.length === 0) return `Synced ${plural(total, 'source', 'sources')}: ${counts}`;
  const reasons = failed.map((s) => `${s.title || s.url} (${s.error || 'unknown error'})`).join('; ');
  if (ok.length === 0) return `Sync failed for ${plural(failed.length, 'source', 'sources')}: ${reasons}`;
  return `Synced ${ok.length} of ${plural(total, 'source', 'sources')}: ${counts}. Failed: ${reasons}`;
}
