/**
 * Full-article extraction at sync time: Readability over linkedom for the body, our own
 * metadata (JSON-LD / Open Graph / page), lead photo with caption and credit (kept out of the
 * body), inline photos with theirs, related links, chrome removed, everything sanitized.
 * Also sanitizes a feed's own content:encoded for when the page is unavailable.
 */
import { Readability } from '@mozilla/readability';
import type { CandidatePhoto, ExtractedArticle } from '../types';
import { removeChrome } from './chrome';
import { blockText, elementsByTag, parseFragment, parsePage, squash, textOf, type Doc, type El } from './dom';
import { readMetadata } from './metadata';
import { chooseLead, knownPhotos } from './page-photos';
import { photoFromImg, resolveImages, sameImage } from './photos';
import { fieldOr } from './debug';
import { assertReasonableHtml, HtmlTooComplexError } from './guard';
import { visibleTextLengths } from './main-text';
import { collectRelated } from './related';
import { removeTeasers } from './teasers';
import { declaredElement, jsonLdArticleBody } from './declared';
import { DROPPED_TAGS, imageSurvives, sanitizeArticleHtml } from './sanitize';

export class NotAnArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAnArticleError';
  }
}

/** The article's own element: the <article> holding the h1, else <main>, else <body>. */
function articleScope(document: Doc): El | null {
  const h1 = document.querySelector('article h1, main h1, h1');
  return h1?.closest('article') ?? document.querySelector('article') ?? document.querySelector('main') ?? document.body;
}

/** Readability's own "unlikely candidate" and "ok maybe" patterns (matched against class + " " + id). */
const { unlikelyCandidates: UNLIKELY, okMaybeItsACandidate: OK_MAYBE } = (Readability.prototype as unknown as { REGEXPS: Record<string, RegExp> }).REGEXPS as { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp };

/** The main text's containers lose the class/id tokens Readability would remove them for ("wrapper header-style-2"). */
function keepFromReadability(mainText: Set<El>): void {
  for (const el of mainText) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!UNLIKELY.test(names) || OK_MAYBE.test(names)) continue;
    for (const name of ['class', 'id']) {
      const value = el.getAttribute(name);
      if (!value || !UNLIKELY.test(value)) continue;
      const kept = value.split(/\s+/).filter((token) => token && !UNLIKELY.test(token)).join(' ');
      if (kept) el.setAttribute(name, kept);
      else el.removeAttribute(name);
    }
  }
}

interface BodyResult {
  bodyHtml: string;
  bodyText: string;
  inlinePhotos: CandidatePhoto[];
}

/** What the sanitizer would drop from the body, removed from the DOM first so emptied wrappers, photos and text agree with the stored HTML. */
function pruneUnsanitary(body: El, baseUrl: string): void {
  for (const el of elementsByTag(body, [...DROPPED_TAGS])) el.remove();
  for (const img of elementsByTag(body, ['img'])) {
    const attribs: Record<string, string> = {};
    for (const attr of Array.from(img.attributes)) attribs[attr.name] = attr.value;
    if (!imageSurvives(attribs, baseUrl)) img.remove();
  }
}

/**
 * Finishes an article body in place (lead photo, repeated title, empty wrappers removed;
 * inline photos with captions/credits from `known` when the page had richer markup), then
 * sanitizes its HTML once. The text is read from the same pruned DOM.
 */
function finishBody(body: El, baseUrl: string, opts: { leadUrl?: string | null; title?: string; known?: Map<string, CandidatePhoto> }): BodyResult {
  pruneUnsanitary(body, baseUrl);
  for (const img of elementsByTag(body, ['img'])) {
    const src = img.getAttribute('src') ?? '';
    if (opts.leadUrl && sameImage(src, opts.leadUrl)) (img.closest('figure') ?? img).remove();
  }
  const title = squash(opts.title).toLowerCase();
  for (const h of elementsByTag(body, ['h1', 'h2'])) if (title && textOf(h).toLowerCase() === title) h.remove();
  removeTeasers(body);
  // Empty wrappers left behind.
  // (deepest first, so a wrapper whose children were all removed is seen as empty too)
  for (const el of elementsByTag(body, ['div', 'section', 'span', 'p', 'figure', 'ul', 'ol', 'li']).reverse()) {
    if (!el.firstElementChild && !squash(el.textContent)) el.remove();
  }
  // Unwrap the bare wrappers Readability adds (<div><div><article>...; the sanitizer keeps no attribute of these).
  while (body.children.length === 1 && /^(DIV|ARTICLE|SECTION)$/.test(body.firstElementChild!.tagName)) {
    body.firstElementChild!.replaceWith(...Array.from(body.firstElementChild!.childNodes));
  }
  const inlinePhotos: CandidatePhoto[] = [];
  const seen = new Set<string>();
  for (const img of elementsByTag(body, ['img'])) {
    const photo = photoFromImg(img, baseUrl);
    if (!photo || seen.has(photo.url)) continue;
    seen.add(photo.url);
    const known = opts.known?.get(photo.url);
    if (known) {
      photo.caption = known.caption || photo.caption;
      photo.credit = known.credit || photo.credit;
    }
    inlinePhotos.push(photo);
    // Give the figure a separate credit element the renderer can style.
    const figcaption = img.closest('figure')?.querySelector('figcaption');
    if (figcaption && (photo.caption || photo.credit)) {
      figcaption.textContent = photo.caption;
      if (photo.credit) {
        const credit = body.ownerDocument.createElement('span');
        credit.setAttribute('class', 'credit');
        credit.textContent = `Photo: ${photo.credit}`;
        if (photo.caption) figcaption.append(' ');
        figcaption.append(credit);
      }
    }
  }
  const bodyHtml = sanitizeArticleHtml(body.innerHTML, baseUrl).replace(/\n\s*\n+/g, '\n').trim();
  // A photo's credit is the picture's metadata (inlinePhotos[].credit), not the story's text:
  // the view shows it under the photo, the text that search and export read leaves it out.
  for (const credit of Array.from(body.querySelectorAll('figcaption > .credit'))) credit.remove();
  return { bodyHtml, bodyText: blockText(body), inlinePhotos };
}

export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  try {
    assertReasonableHtml(html);
  } catch (error) {
    if (error instanceof HtmlTooComplexError) throw new NotAnArticleError(`${error.message} at ${pageUrl}`);
    throw error;
  }
  const { document, baseUrl } = parsePage(html, pageUrl);
  if (!document.documentElement || !document.body) throw new NotAnArticleError('no page body');
  resolveImages(document, baseUrl);
  const meta = readMetadata(document, pageUrl, baseUrl, html);
  const scope = articleScope(document);
  const related = fieldOr('related links', () => collectRelated(document, pageUrl, baseUrl, scope), []);
  const lead = fieldOr('lead photo', () => chooseLead(document, scope, meta, baseUrl), null);
  // Captions and credits of inline photos, read while the page's classes are still there.
  const known = fieldOr('photo captions', () => knownPhotos(document, meta, baseUrl), new Map<string, CandidatePhoto>());

  for (const el of lead?.elements ?? []) if (el.isConnected) el.remove();
  // The lede stays in the body even when it is the dek: search and export see it; the view shows it once.
  if (meta.breadcrumbElement?.isConnected && !meta.breadcrumbElement.querySelector('h1, p')) meta.breadcrumbElement.remove();
  const ldBody = jsonLdArticleBody(document);
  const mainText = removeChrome(document);
  keepFromReadability(mainText);
  const declared = declaredElement(document);
  // Readability drops elements whose class says "social", "share" ...; quotes, figures and tables stay.
  for (const el of Array.from(document.querySelectorAll('blockquote, figure, table'))) {
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
  for (const h1 of Array.from(document.querySelectorAll('h1'))) if (textOf(h1) === meta.title) h1.remove();
  // The story's own h1 is the headline shown above the body even when the title came from og:title.
  if (meta.headline?.isConnected) meta.headline.remove();

  // The serializer hands back Readability's own element: the body is finished on that DOM and
  // serialized once, instead of serializing it to re-parse the sanitized copy.
  const reader = new Readability<El>(document as never, { charThreshold: 200, keepClasses: false, serializer: (el) => el as El });
  // Readability asks for tag lists with querySelectorAll("h1,h2"), which linkedom compiles anew
  // on every call; the same elements, in document order, by a plain walk.
  (reader as unknown as { _getAllNodesWithTag: typeof elementsByTag })._getAllNodesWithTag = elementsByTag;
  const parsed = reader.parse();
  const finishOpts = { leadUrl: lead?.photo.url ?? null, title: meta.title, known };
  let body = finishBody(parsed?.content ?? document.createElement('div'), baseUrl, finishOpts);
  // Readability's pick much shorter than the body the page declares: the page knows better.
  const declaredLength = Math.max(declared.length, squash(ldBody).length);
  if (declaredLength >= 400 && body.bodyText.length < 0.6 * declaredLength) {
    // Readability changed the document in place: the declared element is read from a fresh parse (rare).
    const source = declared.element && declared.length >= 0.6 * declaredLength ? declaredElementAfresh(html, pageUrl) : ldBody ? paragraphsOf(document, ldBody) : null;
    const alternative = source ? finishBody(source, baseUrl, finishOpts) : null;
    if (alternative && alternative.bodyText.length > body.bodyText.length) body = alternative;
  }
  if (!parsed || !body.bodyText) throw new NotAnArticleError(`not an article: no text found at ${pageUrl}`);
  const short = isTooShort(body.bodyText, meta.declaredArticle);
  // A page of links (a section front, a link list) where little else was found is no article at all.
  if (short && !meta.declaredArticle && (body.bodyText.length < 200 || linkTextShare(parsed.content) > 0.5) && linkTextShare(parsePage(html, pageUrl).document.body) > 0.5) {
    throw new NotAnArticleError(`not an article: a page of links at ${pageUrl}`);
  }
  const leadUrl = lead?.photo.url;
  return {
    title: meta.title || squash(parsed.title),
    // Readability's excerpt is usually the first body paragraph: only a dek when the body does not repeat it.
    dek: meta.dek || (parsed.excerpt && !body.bodyText.includes(squash(parsed.excerpt)) ? squash(parsed.excerpt) : ''),
    byline: meta.byline || squash(parsed.byline),
    publishedAt: meta.publishedAt ?? null,
    updatedAt: meta.updatedAt ?? null,
    sectionPath: meta.sectionPath,
    canonicalUrl: meta.canonicalUrl,
    siteName: meta.siteName || squash(parsed.siteName) || new URL(pageUrl).hostname,
    language: meta.language || squash(parsed.lang),
    leadPhoto: lead?.photo ?? null,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    inlinePhotos: body.inlinePhotos.filter((p) => !leadUrl || !sameImage(p.url, leadUrl)),
    related,
    ...(short ? { short: true } : {}),
  };
}

/**
 * Too short for an article: under 400 characters (150 when the page declares itself an article),
 * or, on a page that does not, fewer than two real paragraphs in under 1,000 characters.
 */
function isTooShort(text: string, declaredArticle: boolean): boolean {
  if (text.length < (declaredArticle ? 150 : 400)) return true;
  if (declaredArticle || text.length >= 1000) return false;
  return text.split('\n\n').filter((p) => p.length > 60).length < 2;
}

/** The declared element of a freshly parsed copy of the page, chrome removed as before Readability. */
function declaredElementAfresh(html: string, pageUrl: string): El | null {
  const { document, baseUrl } = parsePage(html, pageUrl);
  resolveImages(document, baseUrl);
  removeChrome(document);
  return declaredElement(document).element;
}

/** Plain text (JSON-LD articleBody) as a <div> of paragraphs. */
function paragraphsOf(document: Doc, text: string): El {
  const div = document.createElement('div');
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    const p = document.createElement('p');
    p.textContent = line.trim();
    div.append(p);
  }
  return div;
}

/** Share of an element's visible text that is link text. */
function linkTextShare(el: El | null | undefined): number {
  if (!el) return 0;
  const lengths = visibleTextLengths(el);
  let links = 0;
  for (const a of elementsByTag(el, ['a'])) links += lengths.get(a) ?? 0;
  return links / (lengths.get(el) || 1);
}

/** Sanitizes a feed's own HTML content (content:encoded / Atom content) and lists its photos. */
export function extractFeedContent(html: string, baseUrl: string): BodyResult {
  assertReasonableHtml(html);
  const { document } = parseFragment(html);
  resolveImages(document, baseUrl);
  const known = new Map<string, CandidatePhoto>();
  for (const img of Array.from(document.querySelectorAll('figure img'))) {
    const photo = photoFromImg(img, baseUrl);
    if (photo && !known.has(photo.url)) known.set(photo.url, photo);
  }
  return finishBody(parseFragment(sanitizeArticleHtml(document.body.innerHTML, baseUrl)).body, baseUrl, { known });
}
