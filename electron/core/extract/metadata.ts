/**
 * Article metadata from a parsed page, by the precedence documented in docs/EXTRACTION.md:
 * JSON-LD (the page's own article node, inside arrays and @graph) > og: / article: / itemprop /
 * Dublin Core / parse.ly <meta> > the page itself (the h1 inside the article's scope, its byline
 * element, breadcrumb "News > City", "Published <date>" text) > <title> minus the site name.
 * Each field is read on its own: a reader that throws leaves that field empty (debug log), never
 * the page. Must run before chrome removal (breadcrumbs and bylines live in the chrome).
 */
import type { CandidatePhoto } from '../types';
import { bylineScope, cleanByline, onlyBylineOnPage, scopedByline, structuredByline } from './byline';
import { dateFromLabelledText, normalizeDate } from './dates';
import { fieldOr } from './debug';
import { blockText, squash, textLengths, textOf, type Doc, type El } from './dom';
import { articleNode, decodeReferences, deref, isObject, jsonLdNodes, mainContentNode, names, nodesById, str, typesOf, type Json } from './jsonld';
import { AUTHOR_KEYS, firstMeta, IMAGE_KEYS, metaMap, MODIFIED_KEYS, PUBLISHED_KEYS, SITE_NAME_KEYS, TITLE_KEYS } from './meta-tags';
import { isLogoOrPlaceholder, MIN_PHOTO_WIDTH, samePicture, widthHint } from './pictures';
import { chooseTitle, headlineElement, visibleText } from './title';
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
  /** The story's headline element (never a chrome h1), or null. */
  headline: El | null;
  /** og:image / JSON-LD image (not a logo or placeholder), with what the metadata says about it. */
  image: CandidatePhoto | null;
  /** Every JSON-LD ImageObject with a caption or credit (matched to the page's images by URL). */
  declaredPhotos: CandidatePhoto[];
  /** True when the page declares itself an article (JSON-LD article type or og:type article). */
  declaredArticle: boolean;
}

const num = (x: unknown): number | null => (typeof x === 'number' && x > 0 ? x : /^\d{1,5}$/.test(str(x)) ? Number(str(x)) : null);

/** ImageObjects and plain URLs of a JSON-LD image value, as photos. */
function jsonLdPhotos(v: unknown, baseUrl: string): CandidatePhoto[] {
  if (Array.isArray(v)) return v.flatMap((x) => jsonLdPhotos(x, baseUrl));
  if (typeof v === 'string') {
    const url = resolveUrl(v, baseUrl);
    return url ? [{ url, caption: '', credit: '', alt: '', width: null, height: null }] : [];
  }
  if (!isObject(v)) return [];
  const id = str(v['@id']);
  const url = resolveUrl(str(v.url) || str(v.contentUrl) || (/\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(id) ? id : ''), baseUrl);
  if (!url) return [];
  return [{
    url,
    caption: str(v.caption) || str(v.description),
    credit: str(v.creditText) || names(v.copyrightHolder)[0] || names(v.creator)[0] || names(v.author)[0] || '',
    alt: str(v.name) === str(v.caption) ? '' : str(v.name),
    width: num(v.width),
    height: num(v.height),
  }];
}

const SECTION_SPLIT = /\s*(?:>|›|»|\/|\|)\s*/;
const HOME = /^(home|start|inicio|accueil|startseite|homepage|front page)$/i;

/** A breadcrumb item that names a section: not CSS or script text, not a "‹ Back" link, not a sentence. */
function isSectionName(text: string): boolean {
  return text.length <= 40 && !/[{};]|@media|^\s*[‹«←<]|^(back|zurück|retour|volver|indietro)\b/i.test(text) && /\p{L}/u.test(text);
}

export function splitSectionPath(value: string): string[] {
  return value.split(SECTION_SPLIT).map(squash).filter((p) => p && !HOME.test(p) && isSectionName(p));
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
    const fromItems = items.map(visibleText).filter((t) => t && t !== '>' && !HOME.test(t) && isSectionName(t));
    if (fromItems.length > 0) return { path: [...new Set(fromItems)].filter((t) => !/^[>›»/|]+$/.test(t)), element: el };
    const fromText = splitSectionPath(visibleText(el));
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


function decodeBasicEntities(s: string): string {
  return s.replace(/&nbsp;|&#160;/g, ' ').replace(/&amp;/g, '&');
}

/** Names of a JSON-LD author value: people and organizations (not a Place or a bare URL). */
function authorNames(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(authorNames);
  if (isObject(v)) {
    const types = typesOf(v);
    return types.length === 0 || types.some((t) => /^(Person|Organization|NewsMediaOrganization|Corporation)$/.test(t)) ? names(v) : [];
  }
  return names(v);
}

const date = (v: string | null | undefined) => normalizeDate(v);

export function readMetadata(document: Doc, pageUrl: string, baseUrl: string, rawHtml?: string): PageMetadata {
  const nodes = fieldOr('json-ld', () => jsonLdNodes(document), [] as Json[]);
  const meta = fieldOr('meta tags', () => metaMap(document), new Map<string, string>());
  const host = fieldOr('host', () => new URL(pageUrl).hostname, '');
  const canonical = fieldOr('canonical', () =>
    resolveUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), baseUrl) ?? resolveUrl(meta.get('og:url'), baseUrl) ?? pageUrl, pageUrl);
  const byId = fieldOr('json-ld ids', () => nodesById(nodes), new Map<string, Json>());
  const found = fieldOr('json-ld article', () => articleNode(nodes, [pageUrl, canonical]), null);
  // References ({ "@id": ... }) in the fields read below, replaced by the nodes they name.
  const article: Json | null = found && fieldOr('json-ld references', () => ({
    ...found,
    image: deref(found.image, byId),
    author: deref(found.author, byId),
    publisher: deref(found.publisher, byId),
    associatedMedia: deref(found.associatedMedia, byId),
  }), found);
  const crumbs = nodes.find((n) => typesOf(n).includes('BreadcrumbList')) ?? null;
  // The site's names (a byline that is one names nobody); with the publisher's, what a title may end with.
  const siteNames = fieldOr('site name', () => [
    ...SITE_NAME_KEYS.map((k) => meta.get(k) ?? ''),
    ...nodes.filter((n) => typesOf(n).includes('WebSite')).map((n) => str(n.name)),
  ].map(decodeReferences).filter((n) => n && n.length <= 80), [] as string[]);
  const titleNames = [...siteNames, ...names(article?.publisher)];
  const h1 = fieldOr('headline element', () => headlineElement(document, titleNames, host), null);

  const title = fieldOr('title', () => decodeReferences(chooseTitle({
    ldHeadline: str(article?.headline) || str(article?.name),
    metaTitle: decodeReferences(firstMeta(meta, TITLE_KEYS, (v) => v) ?? ''),
    h1: visibleText(h1),
    titleTag: decodeReferences(visibleText(document.querySelector('head title') ?? document.querySelector('title'))),
    siteNames: titleNames,
    host,
  })), '');

  const dekElement = document.querySelector('[class*="lede" i], [class*="standfirst" i], [class*="dek" i], [class*="subtitle" i], [class*="summary" i], [class*="excerpt" i]');
  const dekFromPage = dekElement && textOf(dekElement).length <= 400 && dekElement.tagName !== 'BODY' ? textOf(dekElement) : '';
  const dek = str(article?.description) || meta.get('og:description') || meta.get('description') || dekFromPage;

  const byline = fieldOr('byline', () =>
    structuredByline(authorNames(article?.author), siteNames) ||
    scopedByline(bylineScope(h1, document.body), siteNames) ||
    onlyBylineOnPage(document.body, siteNames) ||
    (firstMeta(meta, AUTHOR_KEYS, (v) => cleanByline(v, siteNames) || null) ?? ''), '');

  // Page text for "Published <date>": from the raw HTML when given (a regex is far cheaper than a DOM walk).
  const scope = h1?.closest('article, [itemtype*="Article"], main') ?? null;
  let text: string | undefined;
  const pageText = (): string =>
    (text ??= rawHtml !== undefined
      ? decodeBasicEntities(rawHtml.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, '\n'))
      : blockText(scope ?? document.body));
  const webPage = nodes.find((n) => typesOf(n).some((t) => /^(WebPage|ItemPage)$/.test(t)) && str(n.datePublished)) ?? null;
  const publishedAt = fieldOr('published', () => {
    const marked = document.querySelector('[itemprop="datePublished" i][datetime], [itemprop="datePublished" i][content], time[pubdate][datetime]');
    const timeInScope = (scope ?? document).querySelector('time[datetime]');
    const main = article ?? mainContentNode(nodes);
    return date(str(main?.datePublished)) ?? date(str(main?.dateCreated)) ??
      firstMeta(meta, PUBLISHED_KEYS, date) ?? date(str(webPage?.datePublished)) ??
      date(marked?.getAttribute('datetime') ?? marked?.getAttribute('content')) ??
      dateFromLabelledText(pageText(), 'published') ?? date(timeInScope?.getAttribute('datetime'));
  }, null);
  const updatedAt = fieldOr('updated', () =>
    date(str(article?.dateModified)) ?? firstMeta(meta, MODIFIED_KEYS, date) ?? dateFromLabelledText(pageText(), 'updated'), null);

  const breadcrumb = fieldOr('breadcrumb', () => pageBreadcrumb(document, h1), { path: [] as string[], element: null });
  const sectionPath = fieldOr('section path', () => {
    const crumbNames = crumbs && Array.isArray(crumbs.itemListElement)
      ? [...(crumbs.itemListElement as unknown[])]
          .filter(isObject)
          .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
          .map((li) => str(li.name) || (isObject(li.item) ? str(li.item.name) : ''))
          .filter((n) => n && !HOME.test(n) && n !== title && isSectionName(n))
      : [];
    const section = Array.isArray(article?.articleSection) ? names(article.articleSection).filter(isSectionName) : splitSectionPath(str(article?.articleSection));
    const candidates = [breadcrumb.path, crumbNames, section, splitSectionPath(meta.get('article:section') ?? '')];
    return candidates.find((c) => c.length > 1) ?? candidates.find((c) => c.length > 0) ?? [];
  }, [] as string[]);

  const logos = fieldOr('logos', () =>
    nodes.flatMap((n) => [deref(n.logo, byId), isObject(n.publisher) ? deref(n.publisher.logo, byId) : undefined]).flatMap((l) => jsonLdPhotos(l, baseUrl)).map((p) => p.url), [] as string[]);
  const declaredPhotos = fieldOr('json-ld photos', () =>
    [...jsonLdPhotos(article?.image, baseUrl), ...jsonLdPhotos(article?.associatedMedia, baseUrl), ...nodes.filter((n) => typesOf(n).includes('ImageObject')).flatMap((n) => jsonLdPhotos(n, baseUrl))]
      .filter((p) => !isLogoOrPlaceholder(p.url, logos, p.width, p.height)), [] as CandidatePhoto[]);
  const image = fieldOr('lead image', () => declaredImage(document, meta, article, baseUrl, logos), null);

  return {
    title,
    dek,
    breadcrumbElement: breadcrumb.element,
    headline: h1,
    dekElement: dekFromPage && dekFromPage === dek ? dekElement : null,
    byline,
    publishedAt,
    updatedAt,
    sectionPath,
    canonicalUrl: canonical,
    siteName: titleNames[0] ?? '',
    language: squash(document.documentElement?.getAttribute('lang')) || meta.get('content-language') || str(article?.inLanguage),
    image,
    declaredPhotos,
    declaredArticle: article !== null || /article/i.test(meta.get('og:type') ?? ''),
  };
}

/**
 * The publisher's declared picture: the JSON-LD article image (the widest when several give a
 * width), else og:image / twitter:image / itemprop image / link rel=image_src; never a logo or
 * placeholder.
 */
function declaredImage(document: Doc, meta: Map<string, string>, article: Json | null, baseUrl: string, logos: string[]): CandidatePhoto | null {
  const fromLd = jsonLdPhotos(article?.image, baseUrl).filter((p) => !isLogoOrPlaceholder(p.url, logos, p.width, p.height));
  const widest = [...fromLd].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  const ld = fromLd.length > 1 && widest?.width ? widest : fromLd[0];
  const ogWidth = num(meta.get('og:image:width'));
  const ogHeight = num(meta.get('og:image:height'));
  const og = firstMeta(meta, IMAGE_KEYS, (v) => {
    const url = resolveUrl(v, baseUrl);
    return url && !isLogoOrPlaceholder(url, logos, ogWidth, ogHeight) ? url : null;
  });
  // A JSON-LD image known to be a thumbnail (under 300 px) gives way to the og:image, unless that is no larger.
  const ldWidth = ld ? ld.width ?? widthHint(ld.url) : null;
  const ogKnown = og ? ogWidth ?? widthHint(og) : null;
  const ldIsThumbnail = ldWidth !== null && ldWidth < MIN_PHOTO_WIDTH && og !== null && (ogKnown === null || ogKnown > ldWidth);
  if (ld && !ldIsThumbnail) return { ...ld, alt: ld.alt || meta.get('og:image:alt') || '' };
  const linked = resolveUrl(document.querySelector('link[rel~="image_src" i]')?.getAttribute('href'), baseUrl);
  const url = og ?? linked;
  if (!url) return null;
  // The JSON-LD picture's caption and credit still hold for its larger og:image rendition.
  const same = ld && og && samePicture(ld.url, og) ? ld : null;
  return { url, caption: same?.caption ?? '', credit: same?.credit ?? '', alt: meta.get('og:image:alt') ?? meta.get('twitter:image:alt') ?? same?.alt ?? '', width: og ? ogWidth : null, height: og ? ogHeight : null };
}
