/**
 * Sync orchestration: every source's feed fetched (conditional GET; 304 means nothing to do),
 * decoded and parsed (an HTML page gets one try at feed auto-discovery), then each new or changed
 * item turned into a stored article (article.ts). Network work is limited overall and per host; one
 * source failing never stops the others; a bad response never deletes stored articles. Progress is
 * reported per source; an AbortSignal cancels, leaving the store consistent (every write is whole).
 */
import type { SourceResult, SyncProgress, SyncSummary } from '../../shared/models';
import { discoverFeedLinks, parseFeed } from '../feeds/parse';
import { decodeBody } from '../fetch/decode';
import { FetchError, fetchUrl } from '../fetch/http';
import type { StoredSource } from '../store/schema';
import type { NewsStore } from '../store/store';
import type { FeedItem, FetchOptions, ParsedFeed } from '../types';
import { itemKeys, messageOf, needsWork, syncItem, type ItemContext } from './article';
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
  const startedAt = new Date().toISOString();
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
  const ctx: ItemContext = { store, limiter, fetchOptions, signal: options.signal, trustedHosts };
  const results = await Promise.all(
    sources.map((source) =>
      syncSource(ctx, source, options.onProgress ?? (() => undefined), () => {
        reachedHost = true;
      }),
    ),
  );
  // The offline queue is worked through on full syncs only.
  const queue = options.sourceIds
    ? { stored: [], failed: [] }
    : await syncQueue(ctx, () => {
        reachedHost = true;
      });
  const finishedAt = new Date().toISOString();
  const tried = sources.length + queue.stored.length + queue.failed.length;
  await store.updateSyncState({ lastSyncAt: finishedAt, lastSyncReachedHost: tried === 0 ? null : reachedHost });
  return { startedAt, finishedAt, ok: results.every((r) => r.ok), sources: results, reachedHost, queue };
}

async function syncSource(
  ctx: ItemContext,
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
  const result = (): SourceResult => ({
    sourceId: source.id,
    url: source.url,
    title: progress.sourceTitle,
    ok: progress.phase === 'done',
    error: progress.error,
    added: progress.added,
    updated: progress.updated,
    warnings: [...progress.warnings],
  });
  emit({});
  try {
    throwIfAborted(ctx.signal);
    emit({ phase: 'fetching' });
    // Incomplete articles are retried, so skip the conditional GET while any exist.
    const retry = ctx.store.summariesOfSource(source.id).some((a) => !a.offline);
    const fetched = await fetchFeed(ctx, source, retry, markReached);
    if (fetched === 'not-modified') {
      await ctx.store.updateSource(source.id, { lastSyncAt: new Date().toISOString(), lastError: null });
      emit({ phase: 'done' });
      return result();
    }
    const { feed, feedUrl, etag, lastModified } = fetched;
    const title = source.title && source.title !== hostOf(source.url) ? source.title : feed.title || source.title;
    await ctx.store.updateSource(source.id, { title, siteUrl: feed.siteUrl || source.siteUrl, feedUrl });
    const current = { ...source, title };

    // One article per story: repeats inside the feed are dropped.
    const seen = new Set<string>();
    const items: FeedItem[] = [];
    for (const item of feed.items) {
      const keys = itemKeys(source.id, item);
      if (keys.some((k) => seen.has(k))) continue;
      keys.forEach((k) => seen.add(k));
      if (needsWork(ctx.store, source.id, item)) items.push(item);
    }
    emit({ phase: 'parsed', sourceTitle: title, total: items.length });
    emit({ phase: 'articles' });
    await Promise.all(
      items.map(async (item) => {
        throwIfAborted(ctx.signal);
        try {
          const outcome = await syncItem(ctx, current, item);
          progress.warnings.push(...outcome.warnings);
          if (outcome.status === 'added') progress.added++;
          if (outcome.status === 'updated') progress.updated++;
        } catch (error) {
          if (ctx.signal?.aborted) throw error;
          progress.warnings.push(`"${item.title}": ${messageOf(error)}`);
        }
        emit({ done: progress.done + 1 });
      }),
    );
    // Validators saved only once every item is stored, so an interrupted sync is redone.
    await ctx.store.updateSource(source.id, {
      etag,
      lastModified,
      lastSyncAt: new Date().toISOString(),
      lastError: null,
    });
    emit({ phase: 'done' });
  } catch (error) {
    const message = ctx.signal?.aborted ? 'sync cancelled' : messageOf(error);
    await ctx.store.updateSource(source.id, { lastError: message }).catch(() => undefined);
    emit({ phase: 'error', error: message });
  }
  return result();
}

type FetchedFeed = { feed: ParsedFeed; feedUrl: string | null; etag: string | null; lastModified: string | null };

async function fetchFeed(
  ctx: ItemContext,
  source: StoredSource,
  unconditional: boolean,
  markReached: () => void,
): Promise<FetchedFeed | 'not-modified'> {
  const get = async (url: string, conditional: boolean) => {
    try {
      const res = await ctx.limiter.run(url, () =>
        fetchUrl(url, {
          ...ctx.fetchOptions,
          accept: FEED_ACCEPT,
          signal: ctx.signal,
          etag: conditional ? source.etag : null,
          lastModified: conditional ? source.lastModified : null,
        }),
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
    return { feed: parseFeed(text, first.url), feedUrl: source.feedUrl, etag: first.etag, lastModified: first.lastModified };
  } catch (error) {
    if (!looksLikeHtml(text, first.contentType)) throw error;
    const discovered = discoverFeedLinks(text, first.url)[0];
    if (!discovered) throw error;
    const second = await get(discovered, false);
    const feed = parseFeed(decodeBody(second.body, second.contentType), second.url);
    return { feed, feedUrl: discovered, etag: second.etag, lastModified: second.lastModified };
  }
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 500));
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error('sync cancelled');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
