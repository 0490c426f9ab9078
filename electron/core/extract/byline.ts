/**
 * Bylines: from the article's structured data (JSON-LD author) or from a byline element inside the
 * article's own scope (the element holding its headline), never the first byline anywhere on the
 * page (that one may belong to a teaser of another story). Decoys are refused: an empty "By |",
 * "Staff", "FAIL", "admin", a URL, or the site's own name.
 */
import { squash, textOf, type El } from './dom';

const DECOY = /^(staff|admin|administrator|redaktion|editor|editors|editorial|unknown|anonymous|none|null|undefined|n\/?a|fail|failed|error|guest|user|webmaster|author|by|von|par|por|di|door|av)$/i;

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();

/** A byline as shown ("By Ann Moss and Lev Ortiz | Staff"), cleaned, or '' when it names nobody. */
const LEAD_IN = /^\s*(?:(?:view|see) all (?:posts|articles|stories) by|all posts by|posts by|more from|zeige alle beiträge von|alle beiträge von|alle artikel von|written by|geschrieben von|veröffentlicht von|publié par|publicado por|by|von|par|por|di|door|av|text|autor|author|autorin)\s*:?\s+/i;
/** A date or time where a byline ends ("Ann Moss February 24, 2020, 7:57 AM", "Robert · 18. Oktober 2019"). */
const TRAILING_DATE = /[\s,·|-]*(?:\b(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?,?\s+)?(?:\d{1,2}\.?\s*\p{L}+\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}).*$/iu;

const DATE_LABEL = /\b(published|posted|updated|veröffentlicht am|aktualisiert|publié le|publicado el)\b.*$/i;

export function cleanByline(raw: string, siteNames: string[]): string {
  // Pieces between separators: the one led by "By" / "von" is the byline when there is one.
  const parts = squash(raw).split(/\s*[|•·]\s*/).map((part) => part.replace(/^[,;\s-]+|[,;\s-]+$/g, '')).filter(Boolean);
  const led = parts.find((part) => LEAD_IN.test(part));
  const text = (led ? [led] : parts)
    .map((part) => part.replace(LEAD_IN, '').replace(DATE_LABEL, '').replace(TRAILING_DATE, '').replace(/^[,;\s-]+|[,;\s-]+$/g, ''))
    .filter((part) => part && !DECOY.test(part) && /\p{L}/u.test(part))
    .join(', ');
  if (!text || text.length > 120 || /^https?:|www\.|\[at\]|^@\S+$|\S@\S+\.\w/i.test(text) || DECOY.test(text)) return '';
  if (siteNames.some((n) => norm(n) && norm(n) === norm(text))) return '';
  return text;
}

const BYLINE_SELECTORS = ['[class*="byline" i]', '[itemprop="author"]', '[rel="author"]', '[class*="author-name" i]', '[class~="author" i]', '[class*="autor" i]'];

/** Whole class names that start a block of other stories or of comments. */
const OTHER_STORY_CLASS = /(^|\s)(related|teaser|teasers|comment|comments|commentlist|recommend\w*|more-stories|most-read|popular)([-_]\w+)*(\s|$)/i;

function inOtherStory(el: El, scope: El): boolean {
  for (let at = el.parentElement; at && at !== scope; at = at.parentElement) {
    if (/^(ASIDE|NAV)$/.test(at.tagName) || OTHER_STORY_CLASS.test(at.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Text of a byline element: its names (itemprop=name), or its own text, or a <meta>'s content. */
function bylineText(el: El): string {
  const inner = Array.from(el.querySelectorAll('[itemprop="name"]'));
  if (inner.length > 0) return inner.map((n) => squash(n.getAttribute('content')) || textOf(n)).filter(Boolean).join(', ');
  return textOf(el) || squash(el.getAttribute('content'));
}

/**
 * The byline element inside `scope` (the article element holding the headline, or the headline's
 * nearest ancestors when the page has no article element): the first one in a selector's order.
 */
export function scopedByline(scope: El | null, siteNames: string[]): string {
  if (!scope) return '';
  for (const selector of BYLINE_SELECTORS) {
    for (const el of Array.from(scope.querySelectorAll(selector)).slice(0, 5)) {
      // Not the byline of a teaser, a related story or a comment inside the scope.
      if (inOtherStory(el, scope)) continue;
      const text = cleanByline(bylineText(el), siteNames);
      if (text) return text;
    }
  }
  return '';
}

/** Structured-data authors (names, URLs dropped), decoys refused. */
export function structuredByline(authors: string[], siteNames: string[]): string {
  const cleaned = authors.map((a) => cleanByline(a, siteNames)).filter(Boolean);
  return [...new Set(cleaned)].join(', ');
}

/**
 * Where a page's byline may be looked for: the article element (or Article-typed element) holding
 * the headline, else a few ancestors up from the headline (stopping before one that holds a second
 * headline), else nothing.
 */
export function bylineScope(h1: El | null, body: El | null): El | null {
  if (!h1) return null;
  const article = h1.closest('article, [itemtype*="Article"]');
  if (article) return article;
  let scope: El = h1;
  for (let i = 0; i < 4 && scope.parentElement && scope.parentElement !== body; i++) {
    const up = scope.parentElement;
    if (up.querySelectorAll('h1, h2').length > 3) break;
    scope = up;
  }
  return scope === h1 ? h1.parentElement : scope;
}

/**
 * A page with no article scope around its byline: its byline only when the whole page names one
 * author (every byline element outside other-story blocks says the same), never the first of several.
 */
export function onlyBylineOnPage(body: El | null, siteNames: string[]): string {
  if (!body) return '';
  const found = new Set<string>();
  for (const el of Array.from(body.querySelectorAll(BYLINE_SELECTORS.join(', '))).slice(0, 30)) {
    if (inOtherStory(el, body)) continue;
    const text = cleanByline(bylineText(el), siteNames);
    if (text) found.add(text);
  }
  const [only, ...others] = [...found];
  // Nested byline elements give the same name with and without their wrapper's words.
  return only && others.every((o) => o.includes(only) || only.includes(o)) ? [only, ...others].sort((a, b) => a.length - b.length)[0]! : '';
}
