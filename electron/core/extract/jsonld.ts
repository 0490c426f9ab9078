/**
 * JSON-LD as pages write it: every object node of every `application/ld+json` block (arrays,
 * `@graph` and `mainEntity` flattened), with the cheap repairs real pages need (HTML comment or
 * CDATA wrappers, raw line breaks inside strings, trailing commas, a trailing ";", invalid
 * backslash escapes, several objects in a row); also a <script> with no type that holds schema.org
 * JSON-LD. A block that still fails is skipped, and said so in
 * the debug log (NODE_DEBUG=extract), never silently.
 */
import { parseHTML } from 'linkedom';
import { debugExtract } from './debug';
import { squash, type Doc } from './dom';

export type Json = Record<string, unknown>;

export const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|TechArticle|ScholarlyArticle|SatiricalArticle|AdvertiserContentArticle)$/;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
let decoder: { innerHTML: string; textContent: string | null } | null = null;

/**
 * HTML character references left in text ("&#8216;", "&amp;raquo;" double-encoded by a CMS into
 * JSON-LD or a meta tag) decoded, as the page means them to read; text without "&" untouched.
 */
export function decodeReferences(text: string): string {
  if (!/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(text)) return text;
  decoder ??= (parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Doc }).document.createElement('div') as unknown as {
    innerHTML: string;
    textContent: string | null;
  };
  // Only references are read ("<" escaped, so no markup is ever built), twice for double encoding.
  let out = text;
  for (let i = 0; i < 2 && /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(out); i++) {
    decoder.innerHTML = out.replace(/</g, '&lt;');
    out = decoder.textContent ?? out;
  }
  decoder.innerHTML = '';
  return squash(out);
}

export const str = (v: unknown): string => (typeof v === 'string' ? decodeReferences(squash(v)) : typeof v === 'number' ? String(v) : '');

export function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

/** Names in a JSON-LD value: "Ann", { name }, [{ name }, "Lev"]. */
export function names(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string') return [squash(v)].filter(Boolean);
  if (isObject(v)) return str(v.name) ? [str(v.name)] : [];
  return [];
}

/** The cheap repairs, in order; each is tried only when the text before it did not parse. */
const REPAIRS: [string, (s: string) => string][] = [
  ['comment or CDATA wrapper', (s) => s.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')],
  ['control characters', (s) => s.replace(/[\u0000-\u001f]+/g, ' ')],
  ['trailing commas', (s) => s.replace(/,(\s*[}\]])/g, '$1')],
  ['trailing semicolon', (s) => s.replace(/;\s*$/, '')],
  ['invalid escapes', (s) => s.replace(/\\(?!["\\/bfnrtu])/g, '\\\\')],
  ['objects in a row', (s) => `[${s.replace(/}\s*,?\s*{(?=\s*")/g, '},{')}]`],
];

/** Parses one block, repairing it where cheap; undefined when it cannot be read. */
export function parseJsonLd(raw: string): unknown {
  let text = raw.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (firstError) {
    const applied: string[] = [];
    for (const [name, repair] of REPAIRS) {
      const next = repair(text);
      if (next === text) continue;
      text = next;
      applied.push(name);
      try {
        const value = JSON.parse(text);
        debugExtract('JSON-LD block repaired (%s)', applied.join(', '));
        return value;
      } catch {
        // try the next repair on top of this one
      }
    }
    debugExtract('JSON-LD block skipped: %s (first 80 characters: %j)', (firstError as Error).message, raw.trim().slice(0, 80));
    return undefined;
  }
}

/** Every object node in the page's JSON-LD blocks (arrays, @graph and mainEntity flattened). */
export function jsonLdNodes(document: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 5 || out.length > 300) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph']) || isObject(v['@graph'])) visit(v['@graph'], depth + 1);
      if (isObject(v.mainEntity) || Array.isArray(v.mainEntity)) visit(v.mainEntity, depth + 1);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i], script:not([type]):not([src])'))) {
    const raw = script.textContent ?? '';
    // A script without a type is JSON-LD only when it reads as such ({"@context": "https://schema.org" ...}).
    if (!script.hasAttribute('type') && !/^\s*[[{][\s\S]{0,40}"@context"\s*:\s*"https?:\/\/schema\.org/.test(raw.slice(0, 200))) continue;
    if (raw.length > 2_000_000) {
      debugExtract('JSON-LD block skipped: %d characters', raw.length);
      continue;
    }
    const value = parseJsonLd(raw);
    if (value !== undefined) visit(value, 0);
  }
  return out;
}

const sameUrl = (a: string, b: string) => a.replace(/[#?].*$/, '').replace(/\/+$/, '') === b.replace(/[#?].*$/, '').replace(/\/+$/, '');

function nodeUrls(node: Json): string[] {
  const page = node.mainEntityOfPage;
  return [str(node.url), str(node['@id']), typeof page === 'string' ? page : isObject(page) ? str(page['@id']) || str(page.url) : ''].filter(Boolean);
}

/**
 * The page's own article node: among the article-typed nodes, the one whose url / @id /
 * mainEntityOfPage is this page, else the first with a headline (a list of teasers in ItemList
 * holds other stories' articles, which come after).
 */
export function articleNode(nodes: Json[], pageUrls: string[]): Json | null {
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  if (articles.length === 0) return null;
  return (
    articles.find((n) => nodeUrls(n).some((u) => pageUrls.some((p) => sameUrl(u, p)))) ??
    articles.find((n) => str(n.headline) || str(n.name)) ??
    articles[0]!
  );
}

/** Nodes by their @id, for references such as { "@id": "https://site/#primaryimage" }. */
export function nodesById(nodes: Json[]): Map<string, Json> {
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    const id = str(node['@id']);
    if (id && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  return byId;
}

/** A reference ({ "@id" } alone) replaced by the node it names; anything else as it is. */
export function deref(v: unknown, byId: Map<string, Json>): unknown {
  if (Array.isArray(v)) return v.map((x) => deref(x, byId));
  if (isObject(v) && Object.keys(v).length === 1 && typeof v['@id'] === 'string') return byId.get(v['@id']) ?? v;
  return v;
}

/** Types that are parts of a page, never the page's main content (their dates are not the story's). */
const PART_TYPES = /^(ImageObject|VideoObject|AudioObject|MediaObject|Comment|Review|Rating|AggregateRating|Person|Organization|NewsMediaOrganization|Corporation|WebSite|WebPage|BreadcrumbList|ListItem|ItemList|SiteNavigationElement|SearchAction|Offer|Place|PostalAddress|ContactPoint|NutritionInformation|HowToStep|Question|Answer|Thing)$/;

/**
 * With no article node, the page's main content node of another kind (Recipe, DiscussionForumPosting,
 * RadioEpisode, QAPage's question ...): the first typed node with a name or headline and a
 * datePublished that is not a part of a page.
 */
export function mainContentNode(nodes: Json[]): Json | null {
  return nodes.find((n) => {
    const types = typesOf(n);
    return types.length > 0 && !types.some((t) => PART_TYPES.test(t)) && (str(n.headline) || str(n.name)) && str(n.datePublished);
  }) ?? null;
}
