/**
 * Tests and benches only: the reader's items beside bare feedsmith's on the same bytes.
 * `feedsmithItems` reads feedsmith's own output (identity fields only); `realFeeds` reads
 * $DEV_DATA/feedjira-sample-feeds (default ../shared/dev-data) decoded as the sync decodes a
 * response; `readerItems` is what the sync would store (parse, then one item per story).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { decodeBody } from '../fetch/decode';
import { distinctItems } from '../sync/identity';
import type { FeedItem } from '../types';
import { parseFeed } from './parse';

export const FEED_URL = 'https://feeds.example/feed';
export const devData = path.resolve(process.env.DEV_DATA ?? path.join(import.meta.dirname, '../../../../shared/dev-data'));
export const realDir = path.join(devData, 'feedjira-sample-feeds');

export interface RawItem {
  guid: string;
  link: string;
  fingerprint: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Identity fields of feedsmith's own items, read straight from its output. */
export function feedsmithItems(text: string): RawItem[] | null {
  let parsed: ReturnType<typeof feedsmithParse>;
  try {
    parsed = feedsmithParse(text);
  } catch {
    return null;
  }
  const feed = parsed.feed as Record<string, unknown>;
  const list = (Array.isArray(feed.items) ? feed.items : Array.isArray(feed.entries) ? feed.entries : []) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  return list
    .filter((item) => item && typeof item === 'object')
    .map((item) => {
      const guid = parsed.format === 'atom' ? str(item.id) : parsed.format === 'json' ? str(item.id) : parsed.format === 'rdf' ? str(item.rdf?.about) : str(item.guid?.value);
      const atomLink = Array.isArray(item.links) ? item.links.find((l: any) => !l.rel || l.rel === 'alternate')?.href : undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
      const rssAtomLink = Array.isArray(item.atom?.links) ? item.atom.links.find((l: any) => !l.rel || l.rel === 'alternate')?.href : undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
      const link = str(parsed.format === 'atom' ? atomLink : parsed.format === 'json' ? item.url : item.link || rssAtomLink);
      const content = item.content?.encoded ?? item.content?.value ?? item.content_html ?? item.content_text ?? item.description ?? item.summary?.value ?? item.summary;
      const title = typeof item.title === 'object' ? item.title?.value : item.title;
      return { guid, link, fingerprint: JSON.stringify([title, item.pubDate ?? item.published ?? item.updated ?? item.date_published, content]) };
    })
    .filter((item) => item.guid || item.link || item.fingerprint !== JSON.stringify([null, null, null]));
}

export function isWebLink(raw: string): boolean {
  try {
    return /^https?:$/.test(new URL(raw, FEED_URL).protocol);
  } catch {
    return false;
  }
}

/** Our resolved link is feedsmith's raw one (absolute, or relative to the feed or an xml:base). */
export function sameLink(ours: string, raw: string): boolean {
  if (ours === raw || ours === new URL(raw, FEED_URL).href) return true;
  return ours.endsWith(raw.replace(/^\.?\//, ''));
}

export function distinctCount(items: RawItem[]): number {
  const seen = new Set(items.map((item) => (item.guid ? `g:${item.guid}` : item.link ? `l:${item.link}` : `c:${item.fingerprint}`)));
  return seen.size;
}

export interface FeedCase {
  name: string;
  text: string;
}

export function realFeeds(): FeedCase[] {
  if (!fs.existsSync(realDir)) return [];
  return fs
    .readdirSync(realDir)
    .filter((name) => /\.(xml|json)$/i.test(name))
    .sort()
    .map((name) => ({ name, text: decodeBody(fs.readFileSync(path.join(realDir, name)), name.endsWith('.json') ? 'application/json' : 'application/xml') }));
}

/** The items the sync would store from this feed (none when the reader refuses it). */
export function readerItems(text: string): FeedItem[] {
  try {
    const feed = parseFeed(text, FEED_URL);
    return distinctItems('s', feed.items, feed.siteUrl).map(({ item }) => item);
  } catch {
    return [];
  }
}
