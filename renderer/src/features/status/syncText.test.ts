import { describe, expect, it } from 'vitest';
import type { SourceResult, SyncProgress, SyncSummary } from '../../../../electron/shared/models';
import { progressLabel, progressTotals, summaryMessage } from './syncText';

const progress = (over: Partial<SyncProgress>): SyncProgress => ({
  sourceId: 's', sourceTitle: 'S', url: 'https://s.example/feed', phase: 'articles',
  added: 0, updated: 0, done: 0, total: 0, error: null, warnings: [], ...over,
});
const result = (over: Partial<SourceResult>): SourceResult => ({
  sourceId: 's', url: 'https://s.example/feed', title: 'S', ok: true, error: null, added: 0, updated: 0, warnings: [], ...over,
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
