/**
 * The offline queue, worked through after the sources on every sync: each link the reader asked for
 * while offline is fetched like a feed item (page -> extract -> photos), stored, marked saved (so it
 * shows in Saved) and taken off the queue. A failure keeps it queued with the reason, for next time.
 * The article joins the source whose site it is on, or stands alone under its host name.
 */
import { urlKey } from '../store/ids';
import type { StoredSource } from '../store/schema';
import type { FeedItem } from '../types';
import { messageOf, syncItem, type ItemContext } from './article';

export interface QueueRunResult {
  /** Links stored and taken off the queue. */
  stored: { url: string; id: string }[];
  /** Links still queued, with why. */
  failed: { url: string; error: string }[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** The source whose site or feed is on the link's host, else a stand-alone pseudo source. */
function sourceFor(ctx: ItemContext, url: string): StoredSource {
  const host = hostOf(url);
  for (const summary of ctx.store.listSources()) {
    const source = ctx.store.getSource(summary.id);
    if (!source) continue;
    if ([source.url, source.siteUrl, source.feedUrl].some((u) => u && hostOf(u) === host)) return source;
  }
  const now = new Date().toISOString();
  return { id: `queued-${host || 'link'}`, url, title: host, siteUrl: '', addedAt: now, lastSyncAt: null, lastError: null, etag: null, lastModified: null, feedUrl: null };
}

function itemFor(url: string, title: string): FeedItem {
  return { guid: null, link: url, title, summary: '', contentHtml: '', authors: [], categories: [], publishedAt: null, updatedAt: null, photos: [], commentCount: null };
}

export async function syncQueue(ctx: ItemContext, markReached: () => void): Promise<QueueRunResult> {
  const result: QueueRunResult = { stored: [], failed: [] };
  for (const queued of ctx.store.listQueue()) {
    if (ctx.signal?.aborted) break;
    const source = sourceFor(ctx, queued.url);
    try {
      // Stored meanwhile (by its source's feed): just save it.
      const knownId = ctx.store.findArticleId([urlKey(queued.url)]);
      if (knownId && ctx.store.getSummary(knownId)?.offline) {
        await ctx.store.setSaved(knownId, true);
        await ctx.store.removeQueued(queued.url);
        result.stored.push({ url: queued.url, id: knownId });
        continue;
      }
      const outcome = await syncItem(ctx, source, itemFor(queued.url, queued.title), { standalone: true });
      markReached();
      if (!outcome.id) throw new Error(outcome.warnings.at(-1) ?? 'not stored');
      await ctx.store.setSaved(outcome.id, true);
      result.stored.push({ url: queued.url, id: outcome.id });
      if (outcome.offline) {
        await ctx.store.removeQueued(queued.url);
      } else {
        // Saved, but a photo is missing: stays queued so the next sync completes it.
        await ctx.store.updateQueued(queued.url, { lastError: outcome.warnings.at(-1) ?? 'not complete yet' });
      }
    } catch (error) {
      if (ctx.signal?.aborted) break;
      const message = messageOf(error);
      await ctx.store.updateQueued(queued.url, { lastError: message });
      result.failed.push({ url: queued.url, error: message });
    }
  }
  return result;
}
