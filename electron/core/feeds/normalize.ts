/**
 * feedsmith's per-format objects (RSS, Atom, RDF, JSON Feed) -> the core's ParsedFeed / FeedItem.
 * Links and photo URLs are resolved against xml:base (feed, then item) or the feed URL; titles and
 * summaries become plain text; dates go through the lenient parser; repeated items collapse.
 */
import type { AnyFeed, AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from '../types';
import { parseFeedDate } from './dates';
import { collectPhotos, type LinkedImage } from './photos';
import { collapseWhitespace, htmlToText, resolveBase, resolveHttpUrl, textToHtml, truncateText } from './text';

/** Items whose title or link exceed these are treated as broken and skipped. */
export const MAX_TITLE_CHARS = 5_000;
const MAX_SUMMARY_CHARS = 1_000;
const MAX_CATEGORIES = 50;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const arr = <T>(value: T[] | undefined | null): T[] => (Array.isArray(value) ? value : []);

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = collapseWhitespace(value);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}

function commentCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function firstDate(...candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    const date = parseFeedDate(candidate);
    if (date) return date;
  }
  return null;
}

/** Atom text construct -> plain text (html and xhtml have markup; text may still carry entities). */
function atomText(text: AtomFeed.Text | undefined): string {
  return text && typeof text.value === 'string' ? htmlToText(text.value) : '';
}

/** Atom content / summary -> HTML. */
function atomHtml(content: AtomFeed.Content | AtomFeed.Text | undefined): string {
  if (!content || typeof content.value !== 'string' || !content.value.trim()) return '';
  const type = (content.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type.includes('html')) return content.value;
  if (type === 'text' || type.startsWith('text/')) return textToHtml(content.value);
  return ''; // other media types (base64 payloads, XML) are not article HTML
}

function atomLink(links: AtomFeed.Link<string>[] | undefined, base: string): string | null {
  const candidates = arr(links).filter((link) => typeof link?.href === 'string');
  const alternate =
    candidates.find((link) => (!link.rel || link.rel === 'alternate') && (!link.type || /html/i.test(link.type))) ??
    candidates.find((link) => !link.rel || link.rel === 'alternate');
  return alternate ? resolveHttpUrl(alternate.href, base) : null;
}

function atomEnclosures(links: AtomFeed.Link<string>[] | undefined): LinkedImage[] {
  return arr(links)
    .filter((link) => link?.rel === 'enclosure' && typeof link.href === 'string')
    .map((link) => ({ url: link.href, type: link.type, title: link.title }));
}

/** A title from iTunes, Media RSS or Dublin Core, for items whose own title is missing. */
function otherTitle(item: { itunes?: { title?: string }; media?: MediaNs.ItemOrFeed; dc?: { titles?: string[] } }): string {
  return htmlToText(item.itunes?.title) || htmlToText(item.media?.title?.value) || htmlToText(arr(item.dc?.titles)[0]);
}

/** An episode's own artwork (itunes:image href), a photo of last resort. */
function itunesImage(itunes: { image?: string } | undefined): LinkedImage[] {
  return typeof itunes?.image === 'string' ? [{ url: itunes.image }] : [];
}

function baseItem(): Omit<FeedItem, 'guid' | 'link' | 'title'> {
  return { summary: '', contentHtml: '', authors: [], categories: [], publishedAt: null, updatedAt: null, photos: [], commentCount: null };
}

function summaryFrom(html: string): string {
  return truncateText(htmlToText(html), MAX_SUMMARY_CHARS);
}

function fromRssItem(item: RssFeed.Item<string>, feedBase: string): FeedItem {
  const base = resolveBase(item.xml?.base, feedBase);
  const guid = str(item.guid?.value).trim() || null;
  const permalink = guid && item.guid?.isPermaLink !== false ? resolveHttpUrl(guid, base) : null;
  const description = str(item.description);
  const encoded = str(item.content?.encoded);
  return {
    ...baseItem(),
    guid,
    link: resolveHttpUrl(item.link, base) ?? atomLink(item.atom?.links, base) ?? (guid && /^https?:/i.test(guid) ? permalink : null),
    title: htmlToText(item.title) || htmlToText(item.atom?.title?.value) || otherTitle(item),
    summary: summaryFrom(description || encoded),
    contentHtml: encoded || description,
    authors: unique([
      ...arr(item.dc?.creators),
      ...arr(item.authors).map((person) => str(person?.name) || str(person?.email)),
      ...arr(item.atom?.authors).map((person) => str(person?.name)),
    ]),
    categories: unique([...arr(item.categories).map((c) => str(c?.name)), ...arr(item.dc?.subjects)]).slice(0, MAX_CATEGORIES),
    publishedAt: firstDate(item.pubDate, ...arr(item.dc?.dates), ...arr(item.dcterms?.issued), ...arr(item.dcterms?.created), item.atom?.published),
    updatedAt: firstDate(...arr(item.dcterms?.modified), item.atom?.updated),
    photos: collectPhotos({ media: item.media, enclosures: arr(item.enclosures), images: itunesImage(item.itunes) }, base),
    commentCount: commentCount(item.slash?.comments) ?? commentCount(item.thr?.total),
  };
}

function fromRdfItem(item: RdfFeed.Item<string>, feedBase: string): FeedItem {
  const base = resolveBase(item.xml?.base, feedBase);
  const description = str(item.description);
  const encoded = str(item.content?.encoded);
  const about = str(item.rdf?.about).trim() || null;
  return {
    ...baseItem(),
    guid: about,
    link: resolveHttpUrl(item.link, base) ?? resolveHttpUrl(about, base),
    title: htmlToText(item.title),
    summary: summaryFrom(description || encoded),
    contentHtml: encoded || description,
    authors: unique(arr(item.dc?.creators)),
    categories: unique(arr(item.dc?.subjects)).slice(0, MAX_CATEGORIES),
    publishedAt: firstDate(...arr(item.dc?.dates), ...arr(item.dcterms?.issued), ...arr(item.dcterms?.created)),
    updatedAt: firstDate(...arr(item.dcterms?.modified)),
    photos: collectPhotos({ media: item.media }, base),
    commentCount: commentCount(item.slash?.comments),
  };
}

function fromAtomEntry(entry: AtomFeed.Entry<string>, feedBase: string, feedAuthors: string[]): FeedItem {
  const base = resolveBase(entry.xml?.base, feedBase);
  const contentHtml = atomHtml(entry.content) || atomHtml(entry.summary);
  const published = firstDate(entry.published, ...arr(entry.dc?.dates), ...arr(entry.dcterms?.issued));
  const updated = firstDate(entry.updated, ...arr(entry.dcterms?.modified));
  const authors = unique([...arr(entry.authors).map((person) => str(person?.name)), ...arr(entry.dc?.creators)]);
  return {
    ...baseItem(),
    guid: str(entry.id).trim() || null,
    link: atomLink(entry.links, base),
    title: atomText(entry.title) || otherTitle(entry),
    summary: entry.summary ? truncateText(atomText(entry.summary), MAX_SUMMARY_CHARS) : summaryFrom(contentHtml),
    contentHtml,
    authors: authors.length ? authors : feedAuthors,
    categories: unique(arr(entry.categories).map((c) => str(c?.label) || str(c?.term))).slice(0, MAX_CATEGORIES),
    publishedAt: published ?? updated,
    updatedAt: updated,
    photos: collectPhotos({ media: entry.media, enclosures: atomEnclosures(entry.links), images: itunesImage(entry.itunes) }, base),
    commentCount: commentCount(entry.slash?.comments) ?? commentCount(entry.thr?.total),
  };
}

function fromJsonItem(item: JsonFeed.Item<string>, base: string, feedAuthors: string[]): FeedItem {
  const html = str(item.content_html);
  const text = str(item.content_text);
  const authors = unique(arr(item.authors).map((author) => str(author?.name)));
  const images: LinkedImage[] = [
    { url: item.image },
    { url: item.banner_image },
    ...arr(item.attachments)
      .filter((a) => typeof a?.mime_type === 'string' && a.mime_type.toLowerCase().startsWith('image/'))
      .map((a) => ({ url: a.url, title: a.title })),
  ];
  return {
    ...baseItem(),
    guid: str(item.id).trim() || null,
    link: resolveHttpUrl(item.url, base) ?? resolveHttpUrl(item.external_url, base),
    title: htmlToText(item.title),
    summary: truncateText(collapseWhitespace(str(item.summary)) || (html ? htmlToText(html) : collapseWhitespace(text)), MAX_SUMMARY_CHARS),
    contentHtml: html || (text ? textToHtml(text) : ''),
    authors: authors.length ? authors : feedAuthors,
    categories: unique(arr(item.tags).map(str)).slice(0, MAX_CATEGORIES),
    publishedAt: firstDate(item.date_published),
    updatedAt: firstDate(item.date_modified),
    photos: collectPhotos({ images }, base),
  };
}

/**
 * Repeats inside one feed: the same guid; else (no guid) the same link, unless it is the site's
 * front page (many stories point there); else the same title, dates, content and photo.
 */
function itemKey(item: FeedItem, siteUrl: string): string {
  if (item.guid) return `g:${item.guid}`;
  if (item.link && item.link !== siteUrl && !isFrontPage(item.link)) return `l:${item.link}`;
  return `c:${JSON.stringify([item.link, item.title, item.publishedAt, item.updatedAt, item.contentHtml || item.summary, item.photos[0]?.url ?? null])}`;
}

function isFrontPage(link: string): boolean {
  try {
    const url = new URL(link);
    return url.pathname.replace(/\/+$/, '') === '' && url.search === '';
  } catch {
    return false;
  }
}

function keepUsable(items: FeedItem[], siteUrl: string): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    if (item.title.length > MAX_TITLE_CHARS) continue; // broken or hostile item
    if (!item.title && !item.link && !item.contentHtml && !item.summary && item.photos.length === 0) continue;
    const key = itemKey(item, siteUrl);
    if (seen.has(key)) continue; // repeated inside this feed: first one wins
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** Raw title too long to be a headline (checked before any text processing). */
function rawTitleTooLong(title: unknown): boolean {
  const value = typeof title === 'object' && title !== null ? (title as { value?: unknown }).value : title;
  return typeof value === 'string' && value.length > MAX_TITLE_CHARS * 4;
}

function sane<T extends { title?: unknown }>(items: T[] | undefined): T[] {
  return arr(items).filter((item) => item && typeof item === 'object' && !rawTitleTooLong(item.title));
}

function fallbackSite(feedUrl: string): string {
  try {
    return new URL('/', feedUrl).href;
  } catch {
    return '';
  }
}

/** Normalize a feedsmith result. `feedUrl` is the URL the feed was fetched from. */
export function normalizeFeed(parsed: AnyFeed, feedUrl: string): ParsedFeed {
  const feed = feedParts(parsed, feedUrl);
  return { ...feed, items: keepUsable(dropSharedGuids(feed.items), feed.siteUrl) };
}

/**
 * A guid that items with different links carry (or link-less items with different content: a
 * feed that puts its own address or a constant in every guid) identifies nothing: it is cleared,
 * so those items are told apart by link or content.
 */
function dropSharedGuids(items: FeedItem[]): FeedItem[] {
  const owner = new Map<string, string>();
  const shared = new Set<string>();
  for (const item of items) {
    if (!item.guid) continue;
    const what = item.link ?? `c:${JSON.stringify([item.title, item.publishedAt, item.contentHtml || item.summary])}`;
    const first = owner.get(item.guid);
    if (first === undefined) owner.set(item.guid, what);
    else if (first !== what) shared.add(item.guid);
  }
  return shared.size ? items.map((item) => (item.guid && shared.has(item.guid) ? { ...item, guid: null } : item)) : items;
}

function feedParts(parsed: AnyFeed, feedUrl: string): ParsedFeed {
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      const base = resolveBase(feed.xml?.base, feedUrl);
      const siteUrl = resolveHttpUrl(feed.link, base) ?? atomLink(feed.atom?.links, base) ?? fallbackSite(feedUrl);
      return {
        format: 'rss',
        title: htmlToText(feed.title),
        siteUrl,
        items: sane(feed.items).map((item) => fromRssItem(item, base)),
      };
    }
    case 'rdf': {
      const feed = parsed.feed;
      const base = resolveBase(feed.xml?.base, feedUrl);
      return {
        format: 'rdf',
        title: htmlToText(feed.title),
        siteUrl: resolveHttpUrl(feed.link, base) ?? fallbackSite(feedUrl),
        items: sane(feed.items).map((item) => fromRdfItem(item, base)),
      };
    }
    case 'atom': {
      const feed = parsed.feed;
      const base = resolveBase(feed.xml?.base, feedUrl);
      const feedAuthors = unique(arr(feed.authors).map((person) => str(person?.name)));
      return {
        format: 'atom',
        title: atomText(feed.title),
        siteUrl: atomLink(feed.links, base) ?? fallbackSite(feedUrl),
        items: sane(feed.entries).map((entry) => fromAtomEntry(entry, base, feedAuthors)),
      };
    }
    case 'json': {
      const feed = parsed.feed;
      const feedAuthors = unique(arr(feed.authors).map((author) => str(author?.name)));
      return {
        format: 'json',
        title: htmlToText(feed.title),
        siteUrl: resolveHttpUrl(feed.home_page_url, feedUrl) ?? fallbackSite(feedUrl),
        items: sane(feed.items).map((item) => fromJsonItem(item, feedUrl, feedAuthors)),
      };
    }
  }
}
