/**
 * OPML 2.0 for the source list: `opmlFromSources` writes one (feedsmith's generator), and
 * `feedsFromOpml` reads the feeds out of one (feedsmith's parser), walking nested outlines
 * (folders) and keeping only http(s) xmlUrl entries.
 *
 * Hostile input is refused before the parser builds anything: texts over MAX_OPML_CHARS, any
 * DOCTYPE that declares entities (billion laughs, XXE), nesting deeper than MAX_OPML_DEPTH and more
 * than MAX_OPML_OUTLINES outlines. feedsmith's XML parser also runs with entity expansion off.
 */
import { generateOpml, parseOpml } from 'feedsmith';
import type { Source } from '../shared/models';
import { xmlDepthExceeds } from './feeds/parse';

/** Largest OPML text accepted (characters); also the contract's argument cap for importOpml. */
export const MAX_OPML_CHARS = 2 * 1024 * 1024;
export const MAX_OPML_DEPTH = 50;
export const MAX_OPML_OUTLINES = 10_000;
/** Per-entry problems reported back, at most this many (then one "…and N more" line). */
const MAX_ERRORS = 20;

export class OpmlError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OpmlError';
  }
}

export interface OpmlFeed {
  url: string;
  title: string;
  siteUrl: string;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outlines?: Outline[];
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The feeds listed in an OPML text, in document order, each URL once; throws OpmlError. */
export function feedsFromOpml(xml: string): { feeds: OpmlFeed[]; errors: string[] } {
  if (typeof xml !== 'string' || xml.trim() === '') throw new OpmlError('The file is empty.');
  if (xml.length > MAX_OPML_CHARS) {
    throw new OpmlError(`Refused: the OPML file is larger than ${MAX_OPML_CHARS / 1024 / 1024} MiB.`);
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new OpmlError('Refused: the OPML file declares XML entities (not allowed in OPML).');
  }
  if (xmlDepthExceeds(xml, MAX_OPML_DEPTH)) {
    throw new OpmlError(`Refused: the OPML file is nested more than ${MAX_OPML_DEPTH} levels deep.`);
  }
  const outlineCount = xml.match(/<outline[\s/>]/gi)?.length ?? 0;
  if (outlineCount > MAX_OPML_OUTLINES) {
    throw new OpmlError(`Refused: the OPML file has more than ${MAX_OPML_OUTLINES} entries.`);
  }
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(xml) as typeof doc;
  } catch (error) {
    const detail = error instanceof Error && error.cause instanceof Error ? ` (${clip(error.cause.message)})` : '';
    throw new OpmlError(`Not an OPML file${detail}.`, { cause: error });
  }
  const feeds: OpmlFeed[] = [];
  const errors: string[] = [];
  let dropped = 0;
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl !== undefined) {
        const url = httpUrl(o.xmlUrl);
        const name = (o.title || o.text || '').trim();
        if (!url) {
          if (errors.length < MAX_ERRORS) errors.push(`Skipped "${clip(name || o.xmlUrl)}": not an http(s) feed URL (${clip(o.xmlUrl)})`);
          else dropped++;
        } else if (!seen.has(url)) {
          seen.add(url);
          feeds.push({ url, title: clip(name, 300), siteUrl: httpUrl(o.htmlUrl) ?? '' });
        }
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  if (dropped > 0) errors.push(`…and ${dropped} more entries skipped`);
  return { feeds, errors };
}

/** OPML 2.0 text listing `sources` (title, xmlUrl, htmlUrl). */
export function opmlFromSources(sources: readonly Source[], now = new Date()): string {
  const head = { title: 'Offline News sources', dateCreated: now };
  if (sources.length === 0) {
    // feedsmith refuses a body without outlines; OPML 2.0 allows an empty one.
    return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n    <title>${head.title}</title>\n    <dateCreated>${now.toUTCString()}</dateCreated>\n  </head>\n  <body/>\n</opml>\n`;
  }
  return generateOpml({
    head,
    body: {
      outlines: sources.map((s) => ({
        text: s.title || s.url,
        title: s.title || s.url,
        type: 'rss',
        xmlUrl: s.url,
        ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
      })),
    },
  });
}
