/**
 * Metadata on real pages: runs the page extraction (extractArticle, as the sync does) over the 990
 * real pages of the development data and compares title, published date, byline and lead photo with
 * what each page itself declares (og:/article: meta and JSON-LD, read here by plain pattern matching,
 * independently of the extractor). The pages carry no metadata annotations, so "right" means "the
 * same as the page's own declaration"; pages that declare nothing only count for "found". A
 * declared image named blank / logo / placeholder / favicon / default, and the site's name declared
 * as author, declare nothing.
 * Prints shares, refusals, crashes (exceptions other than "not an article") and ms/page (wall and
 * the process's CPU time, steadier on a busy machine). BENCH_PAGES=N scores the first N pages only.
 */
import { extractArticle, NotAnArticleError } from '../electron/core/extract/article';
import type { ExtractedArticle } from '../electron/core/types';
import { devDataDir, loadDevPages, type DevPage } from './dev-pages';

interface Declared {
  titles: string[];
  published: string | null;
  images: string[];
  authors: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) =>
    ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : ENTITIES[ref.toLowerCase()] ?? whole,
  );

function metaContents(html: string, names: string[]): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /\b(?:property|name|itemprop)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (key && names.includes(key) && content) out.push(decode((content[1] ?? content[2] ?? '').trim()));
  }
  return out.filter(Boolean);
}

function jsonLdArticles(html: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
      if (types.some((t) => /Article|BlogPosting|Report/.test(t))) out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const m of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      visit(JSON.parse(m[1]!));
    } catch {
      // a page's broken block declares nothing here
    }
  }
  return out;
}

const text = (v: unknown): string => (typeof v === 'string' ? decode(v).trim() : '');
const imageUrls = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(imageUrls) : typeof v === 'string' ? [v] : v && typeof v === 'object' ? [text((v as Record<string, unknown>).url)].filter(Boolean) : [];
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(names) : typeof v === 'string' ? [decode(v)] : v && typeof v === 'object' ? [text((v as Record<string, unknown>).name)].filter(Boolean) : [];

/** Declared "images" that are no photo: WordPress's blank.jpg, a logo, a placeholder, a favicon. */
const NO_PHOTO = /(blank|logo|placeholder|favicon|default)[^/]*$/i;

function declared(html: string): Declared {
  const ld = jsonLdArticles(html);
  const siteName = metaContents(html, ['og:site_name'])[0] ?? '';
  return {
    titles: [...ld.map((a) => text(a.headline)), ...metaContents(html, ['og:title'])].filter(Boolean),
    published: ld.map((a) => text(a.datePublished)).find(Boolean) ?? metaContents(html, ['article:published_time'])[0] ?? null,
    images: [...metaContents(html, ['og:image', 'og:image:url', 'og:image:secure_url']), ...ld.flatMap((a) => imageUrls(a.image))].filter((u) => !NO_PHOTO.test(u.split('?')[0]!)),
    // The site's own name as "author" declares no byline.
    authors: ld.flatMap((a) => names(a.author)).map((n) => n.replace(/^(by|von|par|por)\s+/i, '')).filter((n) => !/^https?:/.test(n) && norm(n) !== norm(siteName)),
  };
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();

/** Same headline: equal, or one is the other plus a site or section name ("Story | Site", "Site - Story"). */
function sameTitle(ours: string, theirs: string): boolean {
  const a = norm(decode(ours));
  const b = norm(theirs);
  if (!a || !b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return a === b || ((long.startsWith(short) || long.endsWith(short)) && short.length >= 0.5 * long.length);
}

function samePicture(ours: string, theirs: string, pageUrl: string): boolean {
  try {
    const a = new URL(ours);
    const b = new URL(theirs, pageUrl);
    const file = (u: URL) => decodeURIComponent(u.pathname.split('/').pop() ?? '').replace(/[-_]\d+x\d+(?=\.\w+$)/, '');
    return (a.host === b.host && a.pathname === b.pathname) || (file(a).length > 4 && file(a) === file(b));
  } catch {
    return false;
  }
}

interface Tally {
  pages: number;
  refused: number;
  crashed: { url: string; error: string }[];
  titleFound: number;
  titleDeclared: number;
  titleAsDeclared: number;
  publishedFound: number;
  publishedDeclared: number;
  publishedAsDeclared: number;
  bylineDeclared: number;
  bylineAsDeclared: number;
  imageDeclared: number;
  leadPresent: number;
  leadAsDeclared: number;
  ms: number;
  cpuMs: number;
}

function score(pages: DevPage[]): Tally {
  const t: Tally = {
    pages: pages.length, refused: 0, crashed: [], titleFound: 0, titleDeclared: 0, titleAsDeclared: 0, publishedFound: 0,
    publishedDeclared: 0, publishedAsDeclared: 0, bylineDeclared: 0, bylineAsDeclared: 0, imageDeclared: 0, leadPresent: 0, leadAsDeclared: 0, ms: 0, cpuMs: 0,
  };
  for (const page of pages) {
    const d = declared(page.html);
    let r: ExtractedArticle | null = null;
    const start = performance.now();
    const cpu = process.cpuUsage();
    try {
      r = extractArticle(page.html, page.url);
    } catch (error) {
      if (error instanceof NotAnArticleError) t.refused++;
      else t.crashed.push({ url: page.url, error: error instanceof Error ? error.message : String(error) });
    }
    t.ms += performance.now() - start;
    const used = process.cpuUsage(cpu);
    t.cpuMs += (used.user + used.system) / 1000;
    if (r?.title) t.titleFound++;
    if (d.titles.length) {
      t.titleDeclared++;
      if (r && d.titles.some((x) => sameTitle(r.title, x))) t.titleAsDeclared++;
    }
    if (r?.publishedAt) t.publishedFound++;
    if (d.published && /^\d{4}-\d{2}-\d{2}/.test(d.published)) {
      t.publishedDeclared++;
      if (r?.publishedAt?.slice(0, 10) === d.published.slice(0, 10)) t.publishedAsDeclared++;
    }
    if (d.authors.length) {
      t.bylineDeclared++;
      if (r && d.authors.some((a) => norm(decode(r.byline)).includes(norm(a)))) t.bylineAsDeclared++;
    }
    if (r?.leadPhoto) t.leadPresent++;
    if (d.images.length) {
      t.imageDeclared++;
      if (r?.leadPhoto && d.images.some((x) => samePicture(r.leadPhoto!.url, x, page.url))) t.leadAsDeclared++;
    }
  }
  return t;
}

export async function runMetadataBench(): Promise<Record<string, string>> {
  const where = devDataDir();
  if ('missing' in where) return { skipped: where.missing };
  const limit = Number(process.env.BENCH_PAGES ?? Infinity);
  const pages = loadDevPages(where.dir, limit);
  const t = score(pages);
  const share = (n: number, of: number) => `${(n / (of || 1)).toFixed(3)} (${n} of ${of})`;
  return {
    pages: `${t.pages} real pages from ${where.dir}`,
    'refused as not an article': String(t.refused),
    crashes: t.crashed.length ? `${t.crashed.length}: ${t.crashed.slice(0, 3).map((c) => `${c.url}: ${c.error}`).join(' | ')}` : '0',
    'title found': share(t.titleFound, t.pages),
    'title = og:title / JSON-LD headline': share(t.titleAsDeclared, t.titleDeclared),
    'published date found': share(t.publishedFound, t.pages),
    'published = declared (same day)': share(t.publishedAsDeclared, t.publishedDeclared),
    'byline has the JSON-LD author': share(t.bylineAsDeclared, t.bylineDeclared),
    'lead photo present': share(t.leadPresent, t.pages),
    'lead photo = og:image / JSON-LD image': share(t.leadAsDeclared, t.imageDeclared),
    'ms/page (extractArticle)': `${(t.ms / (t.pages || 1)).toFixed(1)} wall, ${(t.cpuMs / (t.pages || 1)).toFixed(1)} CPU (the process's, GC included)`,
  };
}
