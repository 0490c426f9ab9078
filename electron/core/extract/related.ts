/**
 * Related-article links: anchors in the article (body links and "related" blocks) that point to
 * other article-like pages on the same site, with their titles. Read before chrome removal.
 */
import { squash, textOf, type Doc, type El } from './dom';
import { resolveUrl } from './urls';

const NOT_ARTICLE_SEGMENT = /^(tag|tags|topic|topics|section|sections|category|categories|author|authors|search|live|about|contact|subscribe|login|signin|register|account|privacy|terms|feed|rss|page|video-list|newsletters?)$/i;

/** decodeURIComponent, or the text as written when it holds a stray "%" ("URI malformed"). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True when the URL path looks like an article rather than a section, tag or utility page. */
export function isArticleLikePath(pathname: string): boolean {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return false;
  if (segments.slice(0, -1).some((s) => NOT_ARTICLE_SEGMENT.test(s)) || NOT_ARTICLE_SEGMENT.test(segments[0]!)) return false;
  const last = safeDecode(segments.at(-1)!).replace(/\.(html?|php|aspx?|shtml)$/i, '');
  if (/\.(html?|php|aspx?|shtml)$/i.test(segments.at(-1)!) && last.length >= 3) return true;
  const words = last.split(/[-_]/).filter(Boolean).length;
  if (words >= 3 || (words >= 2 && segments.length >= 2)) return true;
  return /\d{4,}/.test(last) && segments.length >= 2;
}

const EXCLUDED_CONTEXT = 'nav, header, footer, [class*="breadcrumb" i], [class*="share" i], [class*="social" i], [class*="menu" i], [class*="tags" i]';

export function collectRelated(document: Doc, pageUrl: string, baseUrl: string, scope: El | null): { title: string; url: string }[] {
  const root = scope ?? document.body;
  if (!root) return [];
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const seen = new Set<string>([page.origin + page.pathname]);
  const out: { title: string; url: string }[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    // One odd link never costs the others (nor the page).
    try {
      const link = relatedLink(a, page, baseUrl, seen);
      if (link) out.push(link);
    } catch {
      // skipped: an unreadable href
    }
    if (out.length >= 30) break;
  }
  return out;
}

function relatedLink(a: El, page: URL, baseUrl: string, seen: Set<string>): { title: string; url: string } | null {
  const header = a.closest('header');
  if (a.closest(EXCLUDED_CONTEXT) && !(header && header.closest('article'))) return null;
  const href = resolveUrl(a.getAttribute('href'), baseUrl);
  if (!href) return null;
  const url = new URL(href);
  if (url.hostname.replace(/^www\./, '') !== page.hostname.replace(/^www\./, '')) return null;
  if (!isArticleLikePath(url.pathname)) return null;
  const key = url.origin + url.pathname;
  if (seen.has(key)) return null;
  const title = textOf(a) || squash(a.getAttribute('title'));
  if (title.length < 8 || title.split(' ').length < 2) return null;
  seen.add(key);
  url.hash = '';
  return { title, url: url.href };
}
