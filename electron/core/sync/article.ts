/**
 * One feed item -> one stored article: fetch its page, extract the article in the extraction pool
 * (worker threads, workers/pool.ts; or fall back to the feed's own content, keeping the more
 * complete text), download the lead and inline photos into the photo cache (unless the
 * downloadPhotos setting is off), point the body's <img> at the cache, and upsert it. The article is
 * stored even when its page or photos fail (offline: false, retried next sync); a worse copy never
 * replaces a complete one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Photo } from '../../shared/models';
import { extractFeedContent } from '../extract/article';
import { splitCaptionCredit } from '../extract/credit';
import { sectionPathFromCategories } from '../feeds/parse';
import { fetchWithRetry, type RetryPolicy } from '../fetch/retry';
import { ArticlePhotoBudget, downloadPhoto, inspectPhoto, storePhotoBytes } from '../images/cache';
import { localizeImages } from '../images/localize';
import { shortHash, urlKey } from '../store/ids';
import type { NewsStore } from '../store/store';
import type { StoredSource } from '../store/schema';
import type { CandidatePhoto, ExtractedArticle, FeedItem, FetchOptions } from '../types';
import { sharedExtractPool, type PageExtractor } from '../workers/pool';
import { AddressRefusedError, assertFetchAllowed } from './address-guard';
import { itemKeys } from './identity';
import type { HostLimiter } from './limiter';

export interface ItemContext {
  store: NewsStore;
  limiter: HostLimiter;
  fetchOptions: Partial<FetchOptions>;
  signal?: AbortSignal;
  /** Hosts of the user's sources: the only local/private addresses that may be fetched. */
  trustedHosts: ReadonlySet<string>;
  /** Page extraction (default: the shared worker pool, workers/pool.ts). */
  extractor?: PageExtractor;
  /** Retries of transient page failures (default: fetch/retry.ts DEFAULT_RETRY_POLICY). */
  retry?: RetryPolicy;
}

export interface ItemOutcome {
  status: 'added' | 'updated' | 'unchanged';
  warnings: string[];
}

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export { itemKeys } from './identity';

/** Changes when the feed says the item changed. */
export function feedFingerprint(item: FeedItem): string {
  return shortHash(JSON.stringify([item.title, item.link, item.publishedAt, item.updatedAt, shortHash(item.contentHtml || item.summary)]));
}

/** True when the item needs its page (re)fetched: new, changed in the feed, not yet complete, or
 * its lead photo file is gone (removed as damaged when served, see images/photo-check.ts). */
export function needsWork(store: NewsStore, sourceId: string, item: FeedItem, linkShared = false): boolean {
  const id = store.findArticleId(itemKeys(sourceId, item, linkShared));
  const stored = id ? store.getSummary(id) : null;
  return !stored || !isComplete(store, stored, item);
}

function isComplete(store: NewsStore, stored: { offline: boolean; feedFingerprint?: string | null; thumbnail: string | null }, item: FeedItem): boolean {
  return stored.offline && stored.feedFingerprint === feedFingerprint(item) && !lacksPhotoFile(store, stored);
}

/** The article's lead photo file is gone from the cache (one stat). */
export function lacksPhotoFile(store: NewsStore, stored: { thumbnail: string | null }): boolean {
  return stored.thumbnail !== null && !existsSync(path.join(store.photosDir, stored.thumbnail));
}

export interface SyncItemOptions {
  /** The article belongs to no stored source (a queued link): skip the "source removed" check. */
  standalone?: boolean;
  /** Several distinct items of the feed share this item's link (identity.ts): it is not this
   * story's page, so it is neither fetched nor used as a key; the feed's text is the article. */
  linkShared?: boolean;
}

/**
 * Items of one host worked on at once (per sync). The sync starts every item together and the
 * limiter serves requests in order, so without this every page would be fetched and extracted
 * (and held in memory) before the first photo is; with it an item's photos follow its page.
 * Taken before any request and never while holding a limiter slot, so it cannot deadlock.
 */
export const ITEMS_PER_HOST = 16;
const itemGates = new WeakMap<ItemContext, Map<string, Gate>>();

class Gate {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

function gateFor(ctx: ItemContext, url: string): Gate {
  let gates = itemGates.get(ctx);
  if (!gates) itemGates.set(ctx, (gates = new Map()));
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // no host: one shared gate
  }
  let gate = gates.get(host);
  if (!gate) gates.set(host, (gate = new Gate(ITEMS_PER_HOST)));
  return gate;
}

export function syncItem(ctx: ItemContext, source: StoredSource, item: FeedItem, opts: SyncItemOptions = {}): Promise<ItemOutcome & { id?: string; offline?: boolean }> {
  return gateFor(ctx, item.link ?? source.url).run(() => syncItemNow(ctx, source, item, opts));
}

async function syncItemNow(ctx: ItemContext, source: StoredSource, item: FeedItem, opts: SyncItemOptions): Promise<ItemOutcome & { id?: string; offline?: boolean }> {
  const warnings: string[] = [];
  const keys = itemKeys(source.id, item, opts.linkShared);
  const existingId = ctx.store.findArticleId(keys);
  const existing = existingId ? ctx.store.getSummary(existingId) : null;
  // Unchanged, unless its stored body turns out lost (then it is fetched again: checkBody).
  if (existing && isComplete(ctx.store, existing, item) && (await ctx.store.checkBody(existing.id))) {
    return { status: 'unchanged', warnings };
  }

  // The page.
  // A page that could not be fetched leaves the article incomplete (retried next sync); a page
  // that is fetched but is not an article makes the feed's text final.
  let page: ExtractedArticle | null = null;
  let pageFetchFailed = false;
  let finalUrl = opts.linkShared ? null : item.link;
  if (item.link && !opts.linkShared) {
    try {
      assertFetchAllowed(item.link, ctx.trustedHosts);
      // Transient failures are retried; each attempt takes a limiter slot, the waits hold none.
      const res = await fetchWithRetry(
        item.link,
        { ...ctx.fetchOptions, accept: HTML_ACCEPT, signal: ctx.signal },
        { ...ctx.retry, wrap: (attempt) => ctx.limiter.run(item.link!, attempt, { skipIfSlow: true }) },
      );
      finalUrl = res.url;
      try {
        page = await (ctx.extractor ?? sharedExtractPool()).extractPage(res.body, res.contentType, res.url);
      } catch (error) {
        if (ctx.signal?.aborted) throw error;
        warnings.push(`page ${item.link}: ${messageOf(error)} (used the feed's text)`);
      }
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      pageFetchFailed = !(error instanceof AddressRefusedError);
      warnings.push(`page ${item.link}: ${messageOf(error)} (kept the feed's text; retried next sync)`);
    }
  }

  // A queued link has no feed text to fall back on: without its page there is nothing to store.
  if (opts.standalone && !page) throw new Error(warnings.at(-1) ?? `no article found at ${item.link ?? '(no link)'}`);

  // The feed's own content, and the more complete of the two.
  const feedBase = item.link ?? source.url;
  let feedContent = { bodyHtml: '', bodyText: '', inlinePhotos: [] as CandidatePhoto[] };
  const feedHtml = item.contentHtml || item.summary;
  // The feed's text is never longer than its HTML, so a page text at least 0.9x that long wins
  // without parsing and sanitizing the feed's copy.
  if (feedHtml && !(page && !page.short && page.bodyText.trim().length >= 0.9 * feedHtml.length)) {
    try {
      feedContent = extractFeedContent(feedHtml, feedBase);
    } catch (error) {
      warnings.push(`feed content of "${item.title}": ${messageOf(error)}`);
    }
  }
  // The page wins unless the feed's text is clearly more complete (a truncated or failed extraction).
  // A page too short for an article (page.short) gives its metadata and photo; the text is the feed's when it has any.
  const feedText = feedContent.bodyText.trim();
  const usePage = page !== null && (page.short ? !feedText : page.bodyText.trim().length >= 0.9 * feedText.length);
  if (page?.short && !usePage) warnings.push(`page ${item.link}: too short for an article (${page.bodyText.length} characters; kept its title and photo, used the feed's text)`);
  const body = usePage ? page! : feedContent;

  // Photos: lead, then inline ones (and any <img> in the body not listed). With downloadPhotos
  // off none is fetched: the photo metadata is kept (file null), the body's images keep no src,
  // and the article is complete (offline) once its text is stored.
  const downloadPhotos = ctx.store.getSettings().downloadPhotos !== false;
  // At most 200 photos and 50 MB of them per article (ArticlePhotoBudget); those left out keep no
  // src (as if not downloaded) and do not make the article incomplete.
  const files = new Map<string, string | null>();
  const sizes = new Map<string, { width: number; height: number }>();
  const budget = new ArticlePhotoBudget();
  const asked = new Set<string>();
  const fetchPhoto = async (url: string) => {
    if (asked.has(url) || !downloadPhotos) return;
    asked.add(url);
    if (!budget.admit()) return;
    files.set(url, null);
    try {
      assertFetchAllowed(url, ctx.trustedHosts);
      const bytes = await ctx.limiter.run(url, () => downloadPhoto(url, { ...ctx.fetchOptions, signal: ctx.signal }), { skipIfSlow: true });
      inspectPhoto(bytes); // a refused photo never takes the article's budget
      if (!budget.fits(bytes.length)) {
        files.delete(url);
        return;
      }
      const cached = await storePhotoBytes(bytes, ctx.store.photosDir);
      files.set(url, cached.file);
      sizes.set(url, { width: cached.width, height: cached.height });
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      warnings.push(`photo ${url}: ${messageOf(error)}`);
    }
  };
  const leadCandidate = page?.leadPhoto ?? item.photos[0] ?? null;
  const bodyImageUrls = [...body.inlinePhotos.map((p) => p.url), ...imgSources(body.bodyHtml)];
  await Promise.all([leadCandidate?.url, ...bodyImageUrls].filter((u): u is string => !!u).map(fetchPhoto));
  const left = budget.warning();
  if (left) warnings.push(`"${page?.title || item.title}": ${left}`);
  const photo = leadCandidate ? toPhoto(leadCandidate, files, sizes) : null;
  const bodyHtml = localizeImages(body.bodyHtml, files);
  const bodyText = body.bodyText.trim();
  // An item with no page of its own is complete once its photos are stored, even with no text (an
  // episode with only a title): nothing more can come, so it is not redone every sync.
  const hasPage = !!item.link && !opts.linkShared;
  const offline = !pageFetchFailed && (bodyText.length > 0 || !hasPage) && [...files.values()].every((file) => file !== null);

  if (!opts.standalone && !ctx.store.getSource(source.id)) return { status: 'unchanged', warnings }; // removed meanwhile
  if (existing && existing.offline && !offline) {
    warnings.push(`"${existing.title}": kept the complete stored copy`);
    return { status: 'unchanged', warnings, id: existing.id, offline: true };
  }

  const url = finalUrl ?? item.link ?? '';
  const canonicalUrl = page?.canonicalUrl || url;
  const allKeys = [...keys];
  if (finalUrl) allKeys.push(urlKey(finalUrl));
  if (page?.canonicalUrl && isArticleLikeUrl(page.canonicalUrl)) allKeys.push(urlKey(page.canonicalUrl));

  const { id, status } = await ctx.store.upsertArticle({
    keys: [...new Set(allKeys)],
    feedFingerprint: feedFingerprint(item),
    url,
    canonicalUrl,
    sourceId: source.id,
    sourceTitle: source.title,
    sectionPath: page?.sectionPath.length ? page.sectionPath : sectionPathFromCategories(item.categories),
    title: page?.title || item.title || titleFromText(bodyText) || '(untitled)',
    dek: page?.dek || shortSummary(item.summary, bodyText),
    byline: page?.byline || item.authors.join(', '),
    publishedAt: page?.publishedAt ?? item.publishedAt,
    updatedAt: page?.updatedAt ?? item.updatedAt,
    thumbnail: photo?.file ?? null,
    offline,
    photo,
    bodyHtml,
    bodyText,
    related: (page?.related ?? []).map((r) => ({ title: r.title, url: r.url, articleId: null })),
    contentSource: usePage ? 'page' : 'feed',
    siteName: page?.siteName ?? '',
    language: page?.language ?? '',
  });
  return { status, warnings, id, offline };
}

function toPhoto(
  candidate: CandidatePhoto,
  files: Map<string, string | null>,
  sizes: Map<string, { width: number; height: number }>,
): Photo {
  let { caption, credit } = candidate;
  if (!credit && caption) ({ caption, credit } = splitCaptionCredit(caption));
  return {
    file: files.get(candidate.url) ?? null,
    url: candidate.url,
    caption,
    credit,
    alt: candidate.alt || caption,
    width: sizes.get(candidate.url)?.width ?? candidate.width,
    height: sizes.get(candidate.url)?.height ?? candidate.height,
  };
}

/** Absolute http(s) src values of <img> elements in sanitized HTML. */
function imgSources(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const raw = (match[2] ?? match[3] ?? '').replace(/&amp;/g, '&');
    if (/^https?:\/\//i.test(raw)) out.push(raw);
  }
  return out;
}

/** A canonical URL that is a site's front page would merge unrelated stories; ignore those. */
function isArticleLikeUrl(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') !== '';
  } catch {
    return false;
  }
}

/** A headline for an item that has none (a note in a JSON Feed): its first sentence, at most ~80 characters. */
export function titleFromText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.{10,}?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= 80) return sentence;
  const cut = sentence.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`;
}

function shortSummary(summary: string, bodyText: string): string {
  const text = summary.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 300) return '';
  return bodyText.replace(/\s+/g, ' ').startsWith(text) ? '' : text;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
