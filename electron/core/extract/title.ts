/**
 * The headline, by the documented precedence (docs/EXTRACTION.md): JSON-LD headline > og:title /
 * twitter:title / itemprop=headline / Dublin Core title > the h1 inside the article's scope >
 * <title> with the site name cut off. Never from site chrome: an h1 in the page header, a logo or
 * brand h1, one that is only a link home ("back to home"), or the site name itself.
 */
import { squash, type Doc, type El } from './dom';

/** Text of an element as a reader sees it: no <style>/<script> text (some logo h1s hold CSS). */
export function visibleText(el: El | null | undefined): string {
  if (!el) return '';
  if (!el.querySelector('style, script, noscript, template')) return squash(el.textContent);
  const clone = el.cloneNode(true) as El;
  for (const hidden of Array.from(clone.querySelectorAll('style, script, noscript, template'))) hidden.remove();
  return squash(clone.textContent);
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();

const CHROME_CONTEXT = 'header:not(article header, main header), nav, footer, aside, [role="banner"], [class~="logo" i], [class*="site-title" i], [class*="site-name" i], [class*="brand" i], [id*="logo" i]';

function isHomeLink(a: El, host: string): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  if (href === '/' || href === '' || href === '#' || /^\.?\/?(index\.\w+)?$/.test(href)) return true;
  try {
    const url = new URL(href, `https://${host}/`);
    return url.pathname.replace(/\/(index\.\w+)?$/, '') === '' && url.hostname.replace(/^www\./, '').endsWith(host.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

/** True when an h1 is the site's, not the story's. */
export function isChromeHeading(h1: El, siteNames: string[], host: string): boolean {
  const text = visibleText(h1);
  if (!text || text.length > 300) return true;
  if (h1.closest(CHROME_CONTEXT) && !h1.closest('article')) return true;
  if (siteNames.some((n) => norm(n) && norm(n) === norm(text))) return true;
  // All of its text inside a link to the home page ("msn back to msn home"), or just a logo image.
  const links = Array.from(h1.querySelectorAll('a[href]'));
  if (links.length > 0 && links.every((a) => isHomeLink(a, host)) && norm(links.map((a) => a.textContent ?? '').join(' ')) === norm(text)) return true;
  return false;
}

/** The story's h1: inside its <article> / main / Article-typed element first, never a chrome h1. */
export function headlineElement(document: Doc, siteNames: string[], host: string): El | null {
  const h1s = Array.from(document.querySelectorAll('h1')).filter((h) => !isChromeHeading(h, siteNames, host));
  return (
    h1s.find((h) => h.closest('article, [itemtype*="Article"], [itemprop="articleBody"]')) ??
    h1s.find((h) => h.closest('main, [role="main"]')) ??
    h1s[0] ??
    null
  );
}

const SEPARATOR = /\s+(?:[|｜–—·•»«:/\\]|::|-)\s+/g;

function isSiteName(segment: string, siteNames: string[], host: string): boolean {
  const s = norm(segment);
  if (!s) return true;
  if (siteNames.some((n) => norm(n) === s)) return true;
  const domain = host.replace(/^www\d?\./, '');
  const label = domain.split('.').slice(0, -1).join('').replace(/-/g, '');
  const compact = s.replace(/ /g, '');
  return s.split(' ').length <= 5 && label.length >= 2 && (compact === label || compact === domain.replace(/[.-]/g, '') || compact.startsWith(label));
}

/** "Headline | Site", "Site - Headline", "Headline » Site - Tagline" -> "Headline"; unchanged when no end is the site. */
export function stripSiteName(title: string, siteNames: string[], host: string): string {
  let t = squash(title);
  for (const name of siteNames) {
    const n = squash(name);
    if (!n || n.length >= t.length) continue;
    const lower = t.toLowerCase();
    const nl = n.toLowerCase();
    const sepBefore = (at: number) => /\s+(?:[|｜–—·•»«:/\\]|::|-)\s+$/.exec(t.slice(0, at));
    const sepAfter = (at: number) => /^\s+(?:[|｜–—·•»«:/\\]|::|-)\s+/.exec(t.slice(at));
    let rest = t;
    if (lower.endsWith(nl) && sepBefore(t.length - n.length)) rest = t.slice(0, t.length - n.length - sepBefore(t.length - n.length)![0].length);
    else if (lower.startsWith(nl) && sepAfter(n.length)) rest = t.slice(n.length + sepAfter(n.length)![0].length);
    // A page that names its story as the "site" (og:site_name = headline) keeps the story.
    if (!isSiteName(rest, [], host)) t = rest;
  }
  // Segments between separators, with their places in t.
  const cuts = [...t.matchAll(SEPARATOR)].map((m) => ({ from: m.index!, to: m.index! + m[0].length }));
  if (cuts.length === 0) return t;
  const segments = [{ from: 0, to: cuts[0]!.from }, ...cuts.map((c, i) => ({ from: c.to, to: cuts[i + 1]?.from ?? t.length }))];
  let first = 0;
  let last = segments.length - 1;
  while (last > first && isSiteName(t.slice(segments[last]!.from, segments[last]!.to), siteNames, host)) last--;
  while (first < last && isSiteName(t.slice(segments[first]!.from, segments[first]!.to), siteNames, host)) first++;
  const kept = t.slice(segments[first]!.from, segments[last]!.to);
  // A " | " left is a section or site label on nearly every page ("Story | Section | Site").
  const pipe = kept.split(/\s+[|｜]\s+/);
  return pipe.length > 1 && pipe[0]!.length >= 15 ? pipe[0]! : kept;
}

export interface TitleSources {
  ldHeadline: string;
  metaTitle: string;
  h1: string;
  titleTag: string;
  siteNames: string[];
  host: string;
}

/** Picks the headline from its sources by precedence; see the module comment. */
export function chooseTitle(s: TitleSources): string {
  const usable = (t: string) => !!t && !s.siteNames.some((n) => norm(n) === norm(t));
  const h1 = squash(s.h1);
  const refine = (declared: string): string => {
    // A declared headline cut short ("…") while the page's h1 has it whole.
    const cut = declared.replace(/\s*(?:…|\.\.\.)$/, '');
    if (cut !== declared && h1.length > cut.length && norm(h1).startsWith(norm(cut))) return h1;
    // The page's h1 is the declared title without its site-name tail.
    const d = norm(declared);
    const h = norm(h1);
    if (h && d !== h && (d.startsWith(h) || d.endsWith(h)) && h.length >= 0.4 * d.length) return h1;
    return declared;
  };
  const ld = squash(s.ldHeadline);
  if (usable(ld)) return refine(ld);
  const meta = stripSiteName(s.metaTitle, s.siteNames, s.host);
  if (usable(meta)) return refine(meta);
  if (usable(h1)) return h1;
  const fromTag = stripSiteName(s.titleTag, s.siteNames, s.host);
  return usable(fromTag) ? fromTag : h1 || squash(s.titleTag);
}
