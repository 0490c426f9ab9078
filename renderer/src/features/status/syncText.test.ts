import { describe, expect, it } from 'vitest';
import type { SourceResult, SyncProgress, SyncSummary } from '../../../../electron/shared/models';
import { failureToast, progressLabel, progressTotals, summaryMessage, wasCancelled } from './syncText';

const progress = (over: Partial<SyncProgress>): SyncProgress => ({
  sourceId: 's', sourceTitle: 'S', url: 'https://s.example/feed', phase: 'articles',
  added: 0, updated: 0, done: 0, total: 0, error: null, warnings: [], ...over,
});
const result = (over: Partial<SourceResult>): SourceResult => ({
  sourceId: 's', url: 'https://s.example/feed', title: 'S', ok: true, error: null, added: 0, updated: 0, warnings: [], ...over,
  outcome: over.outcome ?? { kind: over.ok === false ? 'failed' : 'synced' },
});
const summary = (sources: SourceResult[]): SyncSummary => ({ startedAt: '', finishedAt: '', ok: sources.every((s) => s.ok), sources });

describe('progress', () => {
  it('adds up articles across sources', () => {
    const t = progressTotals([
      progress({ sourceId: 'a', done: 2, total: 4 }),
      progress({ sourceId: 'b', phase: 'done', done: 3, total: 3 }),
      progress({ sourceId: 'c', phase: 'fetching' }),
    ]);
    expect(t).toEqual({ sources: 3, finishedSources: 1, done: 5, total: 7 });
    expect(progressLabel(t)).toBe('Syncing: 1 of 3 sources, 5 of 7 articles');
    expect(progressLabel(progressTotals([]))).toBe('Starting sync…');
  });
});

describe('summaryMessage', () => {
  it('counts new and updated articles', () => {
    expect(summaryMessage(summary([result({ added: 3, updated: 1 }), result({ added: 2 })]))).toBe(
      'Synced 2 sources: 5 new, 1 updated',
    );
    expect(summaryMessage(summary([result({ added: 1 })]))).toBe('Synced 1 source: 1 new, 0 updated');
  });
  it('names failures with their reasons', () => {
    expect(
      summaryMessage(summary([result({ added: 2 }), result({ ok: false, title: 'Broken', error: 'not a feed (got an HTML page)' })])),
    ).toBe('Synced 1 of 2 sources: 2 new, 0 updated. Failed: Broken (not a feed (got an HTML page))');
    expect(summaryMessage(summary([result({ ok: false, title: 'Gone', error: 'timeout' })]))).toBe(
      'Sync failed for 1 source: Gone (timeout)',
    );
  });
  it('says when there is nothing to sync', () => {
    expect(summaryMessage(summary([]))).toMatch(/add a source/);
  });
});

describe('cancelled runs and failure toasts', () => {
  const cancelled = result({ ok: false, outcome: { kind: 'cancelled' }, title: 'Slow', error: 'Cancelled' });
  it('reads the outcome, never the words: a failure that says "cancelled" is a failure', () => {
    const failure = result({ ok: false, title: 'Upstream', error: 'HTTP 499 Request cancelled by the server' });
    expect(wasCancelled(failure)).toBe(false);
    expect(failureToast(summary([failure]))?.title).toBe('1 source could not be synced');
    const quiet = result({ ok: false, outcome: { kind: 'cancelled' }, error: 'stopped' });
    expect(wasCancelled(quiet)).toBe(true);
    expect(failureToast(summary([quiet]))).toBeNull();
  });
  it('says a cancelled sync was cancelled and keeps what finished', () => {
    expect(wasCancelled(cancelled)).toBe(true);
    expect(wasCancelled(result({ ok: false, error: 'HTTP 500 Internal Server Error' }))).toBe(false);
    expect(summaryMessage(summary([result({ added: 2 }), cancelled]))).toBe('Sync cancelled after 1 of 2 sources: 2 new, 0 updated kept.');
  });
  it('counts only real failures in the toast, with each reason as a detail', () => {
    const s = summary([
      result({ added: 1 }),
      result({ ok: false, title: 'Broken', error: 'HTTP 500 Internal Server Error' }),
      result({ ok: false, title: '', url: 'https://gone.example/feed', error: null }),
      cancelled,
    ]);
    expect(failureToast(s)).toEqual({
      title: '2 sources could not be synced',
      details: [
        { label: 'Broken', text: 'HTTP 500 Internal Server Error' },
        { label: 'https://gone.example/feed', text: 'unknown error' },
      ],
    });
    expect(failureToast(summary([result({}), cancelled]))).toBeNull();
    expect(failureToast(summary([result({ ok: false, error: 'timeout' })]))!.title).toBe('1 source could not be synced');
  });
});
