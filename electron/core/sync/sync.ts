/**
 * Sync orchestration: every source's feed fetched (conditional GET; 304 means nothing to do),
 * decoded and parsed (an HTML page gets one try at feed auto-discovery), then each new or changed
 * item turned into a stored article (article.ts). Network work is limited overall and per host; one
 * source failing never stops the others; a bad response never deletes stored articles. Progress is
 * reported per source; an AbortSignal cancels, leaving the store consistent (every write is whole).
 * Feed fetches retry transient failures (fetch/retry.ts). A source whose sync fails is backed off
 * (15 min x 2^(failures-1), at most 24 h): scheduled runs (`honourBackoff`) skip it until then and
 * report it as skipped; manual runs try every source. A success resets the count.
 */
import type { SourceResult, SyncProgress, SyncSummary } from '../../shared/models';
import { discoverFeedLinks, parseFeed } from '../feeds/parse';
import { decodeBody } from '../fetch/decode';
import { FetchError } from '../fetch/http';
import { fetchWithRetry, type RetryPolicy } from '../fetch/retry';
import type { StoredSource } from '../store/schema';
import type { NewsStore } from '../store/store';
import type { FetchOptions, ParsedFeed } from '../types';
import { plainErrorMessage } from '../fs-errors';
import { lacksPhotoFile, needsWork, syncItem, type ItemContext } from './article';
import { distinctItems } from './identity';
import { addressPolicy, trustedHostsOf } from './address-guard';
import { HostLimiter } from './limiter';
import { syncQueue, type QueueRunResult } from './queue';

export interface SyncOptions {
  store: NewsStore;
  fetchOptions?: Partial<FetchOptions>;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Only these sources (default: all). */
  sourceIds?: string[];
  /** Overall and per-host concurrency (default 4 and 2). */
  concurrency?: { total: number; perHost: number };
  /** Retries of transient feed failures (default: fetch/retry.ts DEFAULT_RETRY_POLICY). */
  retry?: RetryPolicy;
  /** Scheduled runs: skip sources that are backed off (retryAfter in the future). Default false. */
  honourBackoff?: boolean;
  /** The clock (tests). */
  now?: () => Date;
}

/** Shown for a source the sync was cancelled before it finished. */
export const CANCELLED_MESSAGE = 'Cancelled';

const BACKOFF_BASE_MS = 15 * 60_000;
const BACKOFF_MAX_MS = 24 * 60 * 60_000;

/** How long a source that failed `failures` times in a row is left alone by scheduled syncs. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20));
}

/** "Backed off after 3 failures until 14:05: HTTP 503 Service Unavailable". */
export function backedOffMessage(source: StoredSource, now: Date): string {
  const until = new Date(source.retryAfter!);
  const sameDay = until.toDateString() === now.toDateString();
  const time = until.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const when = sameDay ? time : `${until.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
  const n = source.consecutiveFailures ?? 0;
  return `Backed off after ${n} failure${n === 1 ? '' : 's'} until ${when}: ${source.lastError ?? 'unknown error'}`;
}

function isBackedOff(source: StoredSource, now: Date): boolean {
  return !!source.retryAfter && Date.parse(source.retryAfter) > now.getTime();
}

export interface SyncRunResult extends SyncSummary {
  /** True when at least one host answered (the offline heuristic). */
  reachedHost: boolean;
  /** The offline queue's outcome (worked through after the sources). */
  queue: QueueRunResult;
}

const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.3';

export async function syncSources(options: SyncOptions): Promise<SyncRunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const { store } = options;
  const limiter = new HostLimiter(options.concurrency?.total ?? 4, options.concurrency?.perHost ?? 2);
  const sources = store
    .listSources()
    .filter((s) => !options.sourceIds || options.sourceIds.includes(s.id))
    .map((s) => store.getSource(s.id)!)
    .filter(Boolean);
  let reachedHost = false;
  const trustedHosts = trustedHostsOf(store.listSources().flatMap((s) => [s.url, store.getSource(s.id)?.feedUrl ?? null]));
  // Every fetch of the run (feeds, pages, photos, each redirect hop) is checked after DNS.
  const fetchOptions = { ...options.fetchOptions, allowAddress: options.fetchOptions?.allowAddress ?? addressPolicy(trustedHosts) };
  const ctx: SourceContext = { store, limiter, fetchOptions, signal: options.signal, trustedHosts, retry: options.retry ?? {}, now };
  const onProgress = options.onProgress ?? (() => undefined);
  const failed: StoredSource[] = [];
  let attempted = 0;
  // A saved article whose body or photo was lost is fetched again by this run (store.checkBody).
  if (!options.sourceIds) await store.checkSavedBodies().catch(() => 0);
  const results = await Promise.all(
    sources.map(async (source) => {
      if (options.honourBackoff && isBackedOff(source, now())) return skipSource(source, now(), onProgress);
      attempted++;
      return syncSource(ctx, source, onProgress, () => {
        reachedHost = true;
      }).then((r) => {
        if (r.outcome.kind === 'failed') failed.push(source);
        return r;
      });
    }),
  );
  // Back off the sources that failed, unless nothing at all was reached (offline: nobody's fault).
  if (reachedHost) {
    for (const source of failed) {
      const stored = store.getSource(source.id);
      if (!stored) continue;
      const failures = (stored.consecutiveFailures ?? 0) + 1;
      await store
        .updateSource(source.id, { consecutiveFailures: failures, retryAfter: new Date(now().getTime() + backoffMs(failures)).toISOString() })
        .catch(() => undefined);
    }
  }
  // The offline queue is worked through on full syncs only.
  const queue = options.sourceIds
    ? { stored: [], failed: [] }
    : await syncQueue(ctx, () => {
        reachedHost = true;
      });
  const finishedAt = now().toISOString();
  // Skipped (backed-off) sources say nothing about connectivity, nor does a cancel that reached nothing.
  const tried = attempted + queue.stored.length + queue.failed.length;
  const saysNothing = (options.signal?.aborted && !reachedHost) || (tried === 0 && sources.length > 0);
  await store.updateSyncState({
    lastSyncAt: finishedAt,
    lastSyncReachedHost: saysNothing ? store.data.sync.lastSyncReachedHost : tried === 0 ? null : reachedHost,
  });
  return { startedAt, finishedAt, ok: results.every((r) => r.ok), sources: results, reachedHost, queue };
}

interface SourceContext extends ItemContext {
  retry: RetryPolicy;
  now: () => Date;
}

/** A backed-off source on a scheduled run: reported, not fetched, nothing stored. */
function skipSource(source: StoredSource, now: Date, onProgress: (p: SyncProgress) => void): SourceResult {
  const error = backedOffMessage(source, now);
  onProgress({
    sourceId: source.id,
    sourceTitle: source.title,
    url: source.url,
    phase: 'error',
    added: 0,
    updated: 0,
    done: 0,
    total: 0,
    error,
    warnings: [],
  });
  const outcome = { kind: 'backed-off', failures: source.consecutiveFailures ?? 0, retryAfter: source.retryAfter! } as const;
  return { sourceId: source.id, url: source.url, title: source.title, ok: false, outcome, error, added: 0, updated: 0, warnings: [] };
}

async function syncSource(
  ctx: SourceContext,
  source: StoredSource,
  onProgress: (p: SyncProgress) => void,
  markReached: () => void,
): Promise<SourceResult> {
  const progress: SyncProgress = {
    sourceId: source.id,
    sourceTitle: source.title,
    url: source.url,
    phase: 'queued',
    added: 0,
    updated: 0,
    done: 0,
    total: 0,
    error: null,
    warnings: [],
  };
  const emit = (patch: Partial<SyncProgress>) => {
    Object.assign(progress, patch);
    onProgress({ ...progress, warnings: [...progress.warnings] });
  };
  let cancelled = false;
  const result = (): SourceResult => ({
    sourceId: source.id,
    url: source.url,
    title: progress.sourceTitle,
    ok: progress.phase === 'done',
    outcome: { kind: progress.phase === 'done' ? 'synced' : cancelled ? 'cancelled' : 'failed' },
    error: progress.error,
    added: progress.added,
    updated: progress.updated,
    warnings: [...progress.warnings],
  });
  emit({});
  try {
    throwIfAborted(ctx.signal);
    emit({ phase: 'fetching' });
    // Incomplete articles (or ones whose photo file is gone) are retried, so skip the conditional
    // GET while any exist.
    const retry = ctx.store.summariesOfSource(source.id).some((a) => !a.offline || lacksPhotoFile(ctx.store, a));
    const fetched = await fetchFeed(ctx, source, retry, markReached);
    if (fetched === 'not-modified') {
      await ctx.store.updateSource(source.id, { lastSyncAt: ctx.now().toISOString(), ...SUCCESS });
      emit({ phase: 'done' });
      return result();
    }
    const { feed, feedUrl, etag, lastModified } = fetched;
    const title = source.title && source.title !== hostOf(source.url) ? source.title : feed.title || source.title;
    await ctx.store.updateSource(source.id, { title, siteUrl: feed.siteUrl || source.siteUrl, feedUrl });
    const current = { ...source, title };

    // One article per story: repeats inside the feed are dropped (identity.ts).
    const items = distinctItems(source.id, feed.items, feed.siteUrl).filter(({ item, linkShared }) =>
      needsWork(ctx.store, source.id, item, linkShared),
    );
    emit({ phase: 'parsed', sourceTitle: title, total: items.length });
    emit({ phase: 'articles' });
    // Settled, not Promise.all: on a cancel every item's work has stopped before the run reports.
    const settled = await Promise.allSettled(
      items.map(async ({ item, linkShared }) => {
        throwIfAborted(ctx.signal);
        try {
          const outcome = await syncItem(ctx, current, item, { linkShared });
          progress.warnings.push(...outcome.warnings);
          if (outcome.status === 'added') progress.added++;
          if (outcome.status === 'updated') progress.updated++;
        } catch (error) {
          if (ctx.signal?.aborted) throw error;
          progress.warnings.push(`"${item.title}": ${plainErrorMessage(error, ctx.store.dataDir)}`);
        }
        emit({ done: progress.done + 1 });
      }),
    );
    const stopped = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (stopped) throw stopped.reason;
    // Validators saved only once every item is stored, so an interrupted sync is redone.
    await ctx.store.updateSource(source.id, {
      etag,
      lastModified,
      lastSyncAt: ctx.now().toISOString(),
      ...SUCCESS,
    });
    emit({ phase: 'done' });
  } catch (error) {
    // A cancel is nobody's failure: the source keeps its previous error and backoff.
    if (ctx.signal?.aborted) {
      cancelled = true;
      emit({ phase: 'error', error: CANCELLED_MESSAGE });
    } else {
      const message = plainErrorMessage(error, ctx.store.dataDir);
      await ctx.store.updateSource(source.id, { lastError: message }).catch(() => undefined);
      emit({ phase: 'error', error: message });
    }
  }
  return result();
}

const SUCCESS = { lastError: null, consecutiveFailures: 0, retryAfter: null } as const;

type FetchedFeed = { feed: ParsedFeed; feedUrl: string | null; etag: string | null; lastModified: string | null };

async function fetchFeed(
  ctx: SourceContext,
  source: StoredSource,
  unconditional: boolean,
  markReached: () => void,
): Promise<FetchedFeed | 'not-modified'> {
  const get = async (url: string, conditional: boolean) => {
    try {
      // Each attempt takes a limiter slot; the waits between retries hold none.
      const res = await fetchWithRetry(
        url,
        {
          ...ctx.fetchOptions,
          accept: FEED_ACCEPT,
          signal: ctx.signal,
          etag: conditional ? source.etag : null,
          lastModified: conditional ? source.lastModified : null,
        },
        { ...ctx.retry, wrap: (attempt) => ctx.limiter.run(url, attempt) },
      );
      markReached();
      return res;
    } catch (error) {
      if (error instanceof FetchError && error.code === 'http-status') markReached();
      throw error;
    }
  };
  const first = await get(source.feedUrl ?? source.url, !unconditional);
  if (first.notModified) return 'not-modified';
  const text = decodeBody(first.body, first.contentType);
  try {
    return { feed: parseFeedGuarded(text, first.url), feedUrl: source.feedUrl, etag: first.etag, lastModified: first.lastModified };
  } catch (error) {
    if (!looksLikeHtml(text, first.contentType)) throw error;
    const discovered = discoverFeedLinks(text, first.url)[0];
    if (!discovered) throw error;
    const second = await get(discovered, false);
    const feed = parseFeedGuarded(decodeBody(second.body, second.contentType), second.url);
    return { feed, feedUrl: discovered, etag: second.etag, lastModified: second.lastModified };
  }
}

/** parseFeed (kept under this name for its callers): entities a feed declares are expanded within
 * limits, and the shapes of entity-expansion attacks refused, by feeds/entities.ts. */
export function parseFeedGuarded(text: string, url: string): ParsedFeed {
  return parseFeed(text, url);
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 500));
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error(CANCELLED_MESSAGE);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
