/**
 * Article metadata from a parsed page, most trusted first: JSON-LD (NewsArticle / Article,
 * inside arrays and @graph, plus BreadcrumbList), Open Graph and article:* meta tags, then the
 * page itself (h1, breadcrumb "News > City", "Published <date>" text, byline elements).
 * Must run before chrome removal (breadcrumbs and bylines live in the chrome).
 */
import { dateFromLabelledText, normalizeDate } from './dates';
import { blockText, squash, textLengths, textOf, type Doc, type El } from './dom';
import { resolveUrl } from './urls';

export interface PageMetadata {
  title: string;
  dek: string;
  /** Element the dek was read from (a lede paragraph), so it can be kept out of the body. */
  dekElement: El | null;
  byline: string;
  publishedAt: string | null;
  updatedAt: string | null;
  sectionPath: string[];
  canonicalUrl: string;
  siteName: string;
  language: string;
  /** The page's breadcrumb element (removed from the body). */
  breadcrumbElement: El | null;
  /** og:image / JSON-LD image, with what the metadata says about it. */
  image: { url: string; caption: string; credit: string; alt: string; width: number | null; height: number | null } | null;
  /** True when the page declares itself an article (JSON-LD article type or og:type article). */
  declaredArticle: boolean;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|TechArticle|SatiricalArticle)$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? squash(v) : typeof v === 'number' ? String(v) : '');
const typesOf = (node: Json): string[] => {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** Every object node in the page's JSON-LD blocks (arrays and @graph flattened, one level of nesting). */
export function jsonLdNodes(document: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || out.length > 200) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
      if (isObject(v.mainEntity)) visit(v.mainEntity, depth + 1);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = script.textContent ?? '';
    if (raw.length > 2_000_000) continue;
    try {
      visit(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')), 0);
    } catch {
      // broken JSON-LD is common; ignore that block
    }
  }
  return out;
}

function names(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string') return [squash(v)];
  if (isObject(v)) return str(v.name) ? [str(v.name)] : [];
  return [];
}

function jsonLdImage(v: unknown, baseUrl: string): PageMetadata['image'] {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') {
    const url = resolveUrl(first, baseUrl);
    return url ? { url, caption: '', credit: '', alt: '', width: null, height: null } : null;
  }
  if (!isObject(first)) return null;
  const url = resolveUrl(str(first.url) || str(first.contentUrl), baseUrl);
  if (!url) return null;
  const num = (x: unknown) => (typeof x === 'number' ? x : /^\d+$/.test(str(x)) ? Number(str(x)) : null);
  return {
    url,
    caption: str(first.caption) || str(first.description),
    credit: str(first.creditText) || names(first.copyrightHolder)[0] || names(first.author)[0] || '',
    alt: str(first.name),
    width: num(first.width),
    height: num(first.height),
  };
}

function metaMap(document: Doc): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase().trim();
    const content = squash(meta.getAttribute('content'));
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

const SECTION_SPLIT = /\s*(?:>|›|»|\/|\|)\s*/;
const HOME = /^(home|start|inicio|accueil|startseite|homepage|front page)$/i;

export function splitSectionPath(value: string): string[] {
  return value.split(SECTION_SPLIT).map(squash).filter((p) => p && !HOME.test(p));
}

/** Breadcrumb trail on the page, outermost first, without "Home", and the element holding it. */
export function pageBreadcrumb(document: Doc, h1: El | null): { path: string[]; element: El | null } {
  const found = breadcrumbTrail(document, h1);
  return found;
}

function breadcrumbTrail(document: Doc, h1: El | null): { path: string[]; element: El | null } {
  const el = document.querySelector(
    '[class*="breadcrumb" i], [id*="breadcrumb" i], nav[aria-label*="breadcrumb" i], [itemtype*="BreadcrumbList"]',
  );
  if (el) {
    const items = Array.from(el.querySelectorAll('li, a')).filter((x) => x.tagName === 'A' || !x.querySelector('a'));
    const fromItems = items.map(textOf).filter((t) => t && t !== '>' && !HOME.test(t));
    if (fromItems.length > 0) return { path: [...new Set(fromItems)].filter((t) => !/^[>›»/|]+$/.test(t)), element: el };
    const fromText = splitSectionPath(textOf(el));
    if (fromText.length > 0) return { path: fromText, element: el };
  }
  // A short "News > City" line before the headline.
  // Only elements before the headline (document order), and only short ones.
  if (!h1 || !document.body) return { path: [], element: null };
  const lengths = textLengths(document.body);
  for (const cand of Array.from(document.body.querySelectorAll('div, p, span, nav, ul, h1'))) {
    if (cand === h1) break;
    if ((lengths.get(cand) ?? 0) > 200) continue;
    const text = textOf(cand);
    if (text.length > 80 || !/^[\p{L}][\p{L}\d &'-]*(\s+[>›»]\s+[\p{L}][\p{L}\d &'-]*)+$/u.test(text)) continue;
    return { path: splitSectionPath(text), element: cand };
  }
  return { path: [], element: null };
}

function pageByline(document: Doc): string {
  const el = ['[class*="byline" i]', '[itemprop="author"]', '[rel="author"]', '[class*="author-name" i]', '.author']
    .map((sel) => document.querySelector(sel))
    .find((x) => x !== null);
  if (!el) return '';
  const inner = el.querySelectorAll('[itemprop="name"]');
  let text = inner.length === 1 ? textOf(inner[0]) : textOf(el);
  text = text.replace(/\b(published|posted|updated)\b.*$/i, '').replace(/^\s*by\s+/i, '').trim();
  return text.length <= 120 ? text : '';
}

function decodeBasicEntities(s: string): string {
  return s.replace(/&nbsp;|&#160;/g, ' ').replace(/&amp;/g, '&');
}

export function readMetadata(document: Doc, pageUrl: string, baseUrl: string, rawHtml?: string): PageMetadata {
  const nodes = jsonLdNodes(document);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const crumbs = nodes.find((n) => typesOf(n).includes('BreadcrumbList')) ?? null;
  const meta = metaMap(document);
  const h1 = document.querySelector('article h1, main h1') ?? document.querySelector('h1');

  const title =
    str(article?.headline) || textOf(h1) || meta.get('og:title') || meta.get('twitter:title') || textOf(document.querySelector('title'));

  const dekElement = document.querySelector('[class*="lede" i], [class*="standfirst" i], [class*="dek" i], [class*="subtitle" i], [class*="summary" i], [class*="excerpt" i]');
  const dekFromPage = dekElement && textOf(dekElement).length <= 400 && dekElement.tagName !== 'BODY' ? textOf(dekElement) : '';
  const dek = str(article?.description) || meta.get('og:description') || meta.get('description') || dekFromPage;

  const byline = names(article?.author).filter(Boolean).join(', ') || pageByline(document) ||
    (meta.get('author') && !/^https?:/.test(meta.get('author')!) ? meta.get('author')! : '') ||
    (meta.get('article:author') && !/^https?:/.test(meta.get('article:author')!) ? meta.get('article:author')! : '');

  // Page text for "Published <date>": from the raw HTML when given (a regex is far cheaper than a DOM walk).
  const textRoot = h1?.closest('article, main') ?? document.body;
  // Computed only when no structured date is found.
  let text: string | undefined;
  const pageText = (): string =>
    (text ??= rawHtml !== undefined
      ? decodeBasicEntities(rawHtml.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, '\n'))
      : textRoot ? blockText(textRoot) : '');
  const timeEl = document.querySelector('time[itemprop="datePublished"][datetime], article time[datetime], time[datetime]');
  const publishedAt =
    normalizeDate(str(article?.datePublished)) ?? normalizeDate(meta.get('article:published_time')) ??
    normalizeDate(meta.get('datepublished')) ?? normalizeDate(timeEl?.getAttribute('datetime')) ??
    dateFromLabelledText(pageText(), 'published') ?? normalizeDate(meta.get('date')) ?? normalizeDate(meta.get('dc.date')) ?? null;
  const updatedAt =
    normalizeDate(str(article?.dateModified)) ?? normalizeDate(meta.get('article:modified_time')) ?? dateFromLabelledText(pageText(), 'updated');

  const crumbNames = crumbs && Array.isArray(crumbs.itemListElement)
    ? [...(crumbs.itemListElement as unknown[])]
        .filter(isObject)
        .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
        .map((li) => str(li.name) || (isObject(li.item) ? str(li.item.name) : ''))
        .filter((n) => n && !HOME.test(n) && n !== title)
    : [];
  const section = Array.isArray(article?.articleSection) ? names(article.articleSection) : splitSectionPath(str(article?.articleSection));
  const breadcrumb = pageBreadcrumb(document, h1);
  const candidates = [breadcrumb.path, crumbNames, section, splitSectionPath(meta.get('article:section') ?? '')];
  const sectionPath = candidates.find((c) => c.length > 1) ?? candidates.find((c) => c.length > 0) ?? [];

  const canonical = resolveUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), baseUrl) ??
    resolveUrl(meta.get('og:url'), baseUrl) ?? pageUrl;

  const ogImage = resolveUrl(meta.get('og:image:secure_url') ?? meta.get('og:image') ?? meta.get('twitter:image'), baseUrl);
  const image = jsonLdImage(article?.image, baseUrl) ??
    (ogImage ? { url: ogImage, caption: '', credit: '', alt: meta.get('og:image:alt') ?? '', width: null, height: null } : null);

  return {
    title,
    dek,
    breadcrumbElement: breadcrumb.element,
    dekElement: dekFromPage && dekFromPage === dek ? dekElement : null,
    byline,
    publishedAt,
    updatedAt,
    sectionPath,
    canonicalUrl: canonical,
    siteName: meta.get('og:site_name') || names(article?.publisher)[0] || '',
    language: squash(document.documentElement?.getAttribute('lang')) || meta.get('content-language') || str(article?.inLanguage),
    image,
    declaredArticle: article !== null || /article/i.test(meta.get('og:type') ?? ''),
  };
}
