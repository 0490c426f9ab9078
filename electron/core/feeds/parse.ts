/**
 * One entry point for every feed format: `parseFeed(text, feedUrl)` detects RSS 0.9x/2.0, RSS 1.0
 * (RDF), Atom and JSON Feed from the content (via feedsmith) and returns the core's ParsedFeed.
 * Non-feeds and broken feeds throw FeedParseError with a message fit to show a user.
 *
 * Hostile input: entities a feed declares are expanded by entities.ts within limits, and the
 * shapes of expansion attacks (billion laughs, quadratic blow-up) refused; feedsmith's XML parser
 * (fast-xml-parser) runs with entity processing off and refuses external entities (no XXE);
 * nesting beyond 200 levels fails fast; JSON is depth-checked before JSON.parse and keys named
 * __proto__ / constructor / prototype are dropped; such element names are renamed.
 *
 * Ill-formed feeds are repaired as readers repair them (recover.ts): junk before the XML, control
 * characters, base64 content first; a stray `<` only after the parser refused; elements left open
 * around the items only when the parse found fewer items than the feed has.
 *
 * Also here: `discoverFeedLinks` (link rel=alternate in an HTML page) and
 * `sectionPathFromCategories` (first category -> ["News", "Palestine"]).
 */
import { DetectError, MalformedError, ParseError, parseFeed as feedsmithParse, parseJsonFeed } from 'feedsmith';
import type { AnyFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import type { ParsedFeed } from '../types';
import { EntityRefusedError, expandDeclaredEntities } from './entities';
import { normalizeFeed } from './normalize';
import { closeUnclosedAroundItems, countItemTags, decodeBase64Content, escapeStrayLessThan, removeIllegalXmlChars, stripLeadingJunk } from './recover';
import { collapseWhitespace, resolveHttpUrl } from './text';

/**
 * Why a text is not a usable feed: 'html' (an HTML page: try discoverFeedLinks on it), 'not-a-feed'
 * (empty, plain text, other XML or JSON), 'malformed' (broken or truncated feed), 'refused'
 * (hostile: external entities, nesting too deep).
 */
export type FeedParseErrorReason = 'html' | 'not-a-feed' | 'malformed' | 'refused';

export class FeedParseError extends Error {
  readonly reason: FeedParseErrorReason;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedParseError';
    this.reason = message.includes('got an HTML page')
      ? 'html'
      : message.startsWith('refused')
        ? 'refused'
        : message.startsWith('not a feed')
          ? 'not-a-feed'
          : 'malformed';
  }
}

/** Items beyond this many in one feed are ignored. */
export const MAX_FEED_ITEMS = 1000;
const MAX_JSON_DEPTH = 200;
const MAX_XML_DEPTH = 200;
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|script|div|p|a)[\s>]/i;

function describeNonFeed(text: string): string {
  const head = text.slice(0, 2048);
  if (HTML_START.test(head) || /<html[\s>]/i.test(head)) return 'not a feed (got an HTML page)';
  const root = /^(?:\s|<!--[\s\S]*?-->|<\?[^>]*\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w:.-]*)/.exec(head);
  if (root) return `not a feed (XML document with root element <${root[1]}>)`;
  return 'not a feed (the response is neither XML nor JSON)';
}

/** Deepest bracket nesting of a JSON text, counted outside strings (stops early past `limit`). */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

function parseJson(text: string): AnyFeed {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new FeedParseError(`refused: JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (key, val: unknown) => (RESERVED_KEYS.has(key) ? undefined : val));
  } catch (err) {
    throw new FeedParseError(`not a feed (invalid JSON: ${(err as Error).message})`, { cause: err });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FeedParseError('not a feed (got JSON that is not a JSON Feed)');
  }
  const object = value as Record<string, unknown>;
  if (!Array.isArray(object.items)) {
    throw new FeedParseError(
      typeof object.version === 'string' && object.version.includes('jsonfeed')
        ? 'broken JSON Feed (no "items" list)'
        : 'not a feed (got JSON that is not a JSON Feed)',
    );
  }
  // Nonstandard version strings ("1.1", "https://jsonfeed.org/version/1.2", none) are still read.
  if (typeof object.version !== 'string' || !object.version.includes('jsonfeed.org/version/')) {
    object.version = JSON_FEED_VERSION;
  }
  if (typeof object.title !== 'string') object.title = typeof object.title === 'number' ? String(object.title) : '';
  try {
    return { format: 'json', feed: parseJsonFeed(object, { maxItems: MAX_FEED_ITEMS }) };
  } catch (err) {
    throw new FeedParseError(`broken JSON Feed (${(err as Error).message})`, { cause: err });
  }
}

/**
 * Deepest element nesting of an XML text (CDATA, comments, PIs and declarations skipped), with an
 * early stop past `limit`. Linear, allocation-free: runs before any parser builds a tree.
 */
export function xmlDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let i = 0;
  while ((i = text.indexOf('<', i)) !== -1) {
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (next === 33 /* ! */) {
      if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9);
      else if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4);
      else end = text.indexOf('>', i + 2);
    } else if (next === 63 /* ? */) {
      end = text.indexOf('?>', i + 2);
    } else {
      end = text.indexOf('>', i + 1);
      if (next === 47 /* / */) depth--;
      else if (end !== -1 && text.charCodeAt(end - 1) !== 47 && ++depth > limit) return true;
      else if (end === -1 && ++depth > limit) return true;
    }
    if (end === -1) return false;
    i = end + 1;
  }
  return false;
}

/** Rename elements and attributes whose names would be dangerous object keys. */
function defuseReservedNames(xml: string): string {
  if (!/__proto__|constructor|prototype/i.test(xml)) return xml;
  return xml
    .replace(/<(\/?)(?:[\w.-]+:)?(__proto__|constructor|prototype)(?=[\s/>])/gi, '<$1x-reserved-$2')
    .replace(/(\s)(?:[\w.-]+:)?(__proto__|constructor|prototype)(\s*=)/gi, '$1x-reserved-$2$3');
}

function xmlErrorMessage(cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause ?? '');
  if (/external entit/i.test(detail)) return 'refused: the feed declares external entities';
  if (/nested/i.test(detail)) return 'refused: the feed is nested too deeply';
  if (/entity/i.test(detail)) return `refused: ${detail}`;
  return `malformed or truncated XML${detail ? ` (${collapseWhitespace(detail).slice(0, 200)})` : ''}`;
}

function feedsmithXml(text: string): AnyFeed {
  return feedsmithParse(defuseReservedNames(text), { maxItems: MAX_FEED_ITEMS });
}

function itemsOf(parsed: AnyFeed): number {
  const feed = parsed.feed as { items?: unknown[]; entries?: unknown[] };
  return (Array.isArray(feed.items) ? feed.items.length : 0) + (Array.isArray(feed.entries) ? feed.entries.length : 0);
}

/** Parse, else retry once with stray `<` escaped; then, if items are missing, re-nest them. */
function parseRecovering(text: string): AnyFeed {
  let parsed: AnyFeed;
  try {
    parsed = feedsmithXml(text);
  } catch (err) {
    const escaped = escapeStrayLessThan(text);
    if (escaped === text || !(err instanceof MalformedError)) throw err;
    try {
      parsed = feedsmithXml(escaped);
    } catch {
      throw err; // the original complaint is the clearer one
    }
  }
  const found = itemsOf(parsed);
  if (found < MAX_FEED_ITEMS && found < countItemTags(text)) {
    try {
      const renested = feedsmithXml(closeUnclosedAroundItems(text));
      if (itemsOf(renested) > found) parsed = renested;
    } catch {
      // keep what the first parse found
    }
  }
  return parsed;
}

function parseXml(raw: string): AnyFeed {
  let text: string;
  try {
    text = decodeBase64Content(expandDeclaredEntities(removeIllegalXmlChars(stripLeadingJunk(raw))));
  } catch (err) {
    if (err instanceof EntityRefusedError) throw new FeedParseError(err.message, { cause: err });
    throw err;
  }
  if (xmlDepthExceeds(text, MAX_XML_DEPTH)) {
    throw new FeedParseError(`refused: the feed is nested too deeply (more than ${MAX_XML_DEPTH} levels)`);
  }
  try {
    return parseRecovering(text);
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    if (err instanceof DetectError) throw new FeedParseError(describeNonFeed(text), { cause: err });
    if (err instanceof RangeError) throw new FeedParseError('refused: the feed is nested too deeply', { cause: err });
    const cause = err instanceof Error && err.cause !== undefined ? err.cause : err;
    // ParseError: well-formed and detected, but no usable channel/feed inside.
    if (err instanceof ParseError) throw new FeedParseError('broken feed (no channel or items found)', { cause: err });
    // MalformedError wraps the XML parser's own message in `cause`.
    throw new FeedParseError(xmlErrorMessage(cause), { cause: err });
  }
}

/**
 * An HTML page may wrap a whole feed in its markup (a blog template around its Atom file): that
 * feed is read when it has items; otherwise the page is an HTML page (try discoverFeedLinks).
 */
function feedInsidePage(page: string): AnyFeed {
  const open = /<(rss|feed|rdf:RDF)[\s>]/.exec(page);
  const end = open ? page.lastIndexOf(`</${open[1]}>`) : -1;
  if (open && end > open.index) {
    try {
      const parsed = parseXml(page.slice(open.index, end + open[1]!.length + 3));
      if (itemsOf(parsed) > 0) return parsed;
    } catch {
      // not a usable feed: the page is what it looks like
    }
  }
  throw new FeedParseError('not a feed (got an HTML page)');
}

/**
 * Parse a feed's text (already decoded, see fetch/decode.ts). `feedUrl` is where it was fetched
 * from (after redirects): relative links resolve against it and any xml:base.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  if (typeof text !== 'string') throw new FeedParseError('not a feed (no text)');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart();
  if (!start) throw new FeedParseError('not a feed (empty response)');

  let parsed: AnyFeed;
  if (start.startsWith('{') || start.startsWith('[')) parsed = parseJson(start);
  else if (!start.startsWith('<') && stripLeadingJunk(start) === start) throw new FeedParseError(describeNonFeed(start));
  else if (HTML_START.test(start.slice(0, 2048))) parsed = feedInsidePage(start);
  else parsed = parseXml(body);

  try {
    return normalizeFeed(parsed, feedUrl);
  } catch (err) {
    if (err instanceof RangeError) throw new FeedParseError('refused: the feed is nested too deeply', { cause: err });
    throw new FeedParseError(`broken feed (${(err as Error).message})`, { cause: err });
  }
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
  'application/x-rss+xml',
  'application/x-atom+xml',
  'text/xml',
  'application/xml',
]);

/**
 * Feed URLs an HTML page advertises with <link rel="alternate" type="application/rss+xml" ...>
 * (also atom+xml, feed+json, json), absolute (against <base href> / the page URL), http(s) only,
 * unique, in document order.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  if (typeof html !== 'string' || !html) return [];
  const { document } = parseHTML(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && resolveHttpUrl(baseHref, pageUrl)) || pageUrl;
  const found: string[] = [];
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) continue;
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!FEED_TYPES.has(type)) continue;
    const url = resolveHttpUrl(link.getAttribute('href'), base);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

/**
 * Section path from an item's categories: the first non-empty one, split on ">" or "/" into
 * trimmed parts ("News > Palestine" -> ["News", "Palestine"]). No categories -> [].
 */
export function sectionPathFromCategories(categories: string[]): string[] {
  if (!Array.isArray(categories)) return [];
  for (const category of categories) {
    if (typeof category !== 'string') continue;
    const parts = category
      .split(/>|\//)
      .map((part) => collapseWhitespace(part).slice(0, 200))
      .filter(Boolean)
      .slice(0, 8);
    if (parts.length) return parts;
  }
  return [];
}
