/**
 * Which items of one feed are the same story, and under which keys a story is stored.
 *
 * An item's identity is its guid; else its link; else a hash of its title, date, content and photo.
 * A link that names no one story (a site's front page or the feed's own site address, which a
 * notice board's items all point at; a link that items with different guids share, as a podcast's
 * episodes share the show's page) is not used as a key, and its page is not fetched for those
 * items: their feed text is the article. Items with the same identity are one story: the first
 * one in the feed is kept.
 */
import { shortHash, urlKey } from '../store/ids';
import type { FeedItem } from '../types';

/** Fields that tell two guid-less, link-less items apart. */
function contentHash(item: FeedItem): string {
  return shortHash(
    JSON.stringify([item.title, item.publishedAt ?? '', item.updatedAt ?? '', item.contentHtml || item.summary, item.photos[0]?.url ?? '']),
    32,
  );
}

/** A site's front page (no path, no query): the home of many stories, never one story's link. */
export function isFrontPage(link: string): boolean {
  try {
    const url = new URL(link);
    return url.pathname.replace(/\/+$/, '') === '' && url.search === '';
  } catch {
    return false;
  }
}

/**
 * Links of `items` that name no single story (cleaned as store keys are): a front page, the feed's
 * own site address, or a link two items with different guids both carry.
 */
export function sharedLinks(items: FeedItem[], siteUrl = ''): Set<string> {
  const guids = new Map<string, string>();
  const shared = new Set<string>();
  const site = siteUrl ? urlKey(siteUrl) : '';
  for (const item of items) {
    if (!item.link) continue;
    const link = urlKey(item.link);
    if (link === site || isFrontPage(item.link)) shared.add(link);
    const guid = item.guid?.trim();
    if (!guid) continue;
    const owner = guids.get(link);
    if (owner === undefined) guids.set(link, guid);
    else if (owner !== guid) shared.add(link);
  }
  return shared;
}

/** True when the item's link is one that several distinct items of its feed share. */
export function hasSharedLink(item: FeedItem, shared: ReadonlySet<string>): boolean {
  return !!item.link && shared.has(urlKey(item.link));
}

/**
 * Every key the item may be found under in the store; the first names the article's id. `linkShared`:
 * the link is shared by several distinct items of the feed, so it is no key of this one.
 */
export function itemKeys(sourceId: string, item: FeedItem, linkShared = false): string[] {
  const guid = item.guid?.trim();
  const keys: string[] = [];
  if (guid) keys.push(`guid:${sourceId}:${guid}`);
  if (item.link && !linkShared) keys.push(urlKey(item.link));
  if (keys.length === 0) keys.push(`text:${sourceId}:${contentHash(item)}`);
  return keys;
}

/** The feed's items with repeats (same identity) dropped, each with whether its link is shared. */
export function distinctItems(sourceId: string, items: FeedItem[], siteUrl = ''): { item: FeedItem; linkShared: boolean }[] {
  const shared = sharedLinks(items, siteUrl);
  const seen = new Set<string>();
  const out: { item: FeedItem; linkShared: boolean }[] = [];
  for (const item of items) {
    const linkShared = hasSharedLink(item, shared);
    const keys = itemKeys(sourceId, item, linkShared);
    if (keys.some((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    out.push({ item, linkShared });
  }
  return out;
}
