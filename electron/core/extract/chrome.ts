/**
 * Page chrome removal before Readability runs: navigation, headers and footers, share bars
 * ("google plus", "facebook", "twitter"), author boxes ("author-bio", "about-author"), disclaimers,
 * donation pleas, rating widgets, copyright lines, "Live" / "Audio Only" menus, comment counters
 * ("Post with no comments."), newsletter boxes, ads, forms, scripts. Judged by element, by
 * class/id words and by the exact text of small elements; never removes the element holding
 * most of the article's text.
 */
import { normalizeDate } from './dates';
import { squash, textOf, type Doc, type El } from './dom';
import { mainTextElements, visibleTextLengths } from './main-text';

const STRUCTURAL_TAGS = new Set([
  'SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'INPUT',
  'SELECT', 'TEXTAREA', 'NAV', 'FOOTER', 'ASIDE', 'DIALOG', 'SVG', 'CANVAS',
]);
const STRUCTURAL_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog']);

/** Chrome by element: scripts and the like, navigation, footers, asides, hidden elements, ARIA landmarks of chrome. */
function isStructural(el: El): boolean {
  if (STRUCTURAL_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && STRUCTURAL_ROLES.has(role)) return true;
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
}

/** Every element under root, in document order (a plain walk: linkedom compiles each selector anew). */
function allElements(root: El): El[] {
  const out: El[] = [];
  const visit = (parent: El) => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      out.push(el);
      if (el.firstElementChild) visit(el);
    }
  };
  visit(root);
  return out;
}

function containsImage(el: El): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'IMG' || child.tagName === 'FIGURE' || containsImage(child)) return true;
  }
  return false;
}

const SMALL_TAGS = new Set(['LI', 'A', 'P', 'DIV', 'SPAN', 'H3', 'H4', 'H5', 'H6']);

/**
 * Class/id tokens with a chrome role. A token counts when it is one of these words, or when every
 * "-"/"_" piece of it is one of these words or a generic part name (ROLE_PARTS) and at least one
 * piece is a role word ("share-buttons", "comments__area"); a role word inside a compound that
 * says something else ("content-with-sidebar", "non-ad-column", "modal-enabled") never counts.
 */
const CHROME_WORDS = new Set([
  'share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'newsletter', 'newsletters', 'subscribe',
  'subscription', 'signup', 'comment', 'comments', 'disqus', 'ad', 'ads', 'advert', 'adverts', 'advertisement',
  'advertising', 'adslot', 'dfp', 'promo', 'promoted', 'sponsor', 'sponsored', 'related', 'recommended',
  'recommendations', 'outbrain', 'taboola', 'cookie', 'cookies', 'consent', 'popup', 'modal', 'menu', 'breadcrumb',
  'breadcrumbs', 'byline', 'meta', 'dateline', 'tags', 'toolbar', 'sidebar', 'masthead', 'topbar', 'donate', 'banner',
  'skip', 'print', 'paywall', 'author', 'authors', 'bio', 'authorbox', 'disclaimer', 'disclaimers', 'disclosure',
  'rating', 'ratings', 'likes', 'donation', 'donations', 'copyright', 'credits', 'postmetadata', 'kommentar', 'kommentare',
]);

/** Generic part names that add no meaning of their own to a role word ("share" + "buttons"). */
const ROLE_PARTS = new Set([
  'box', 'boxes', 'bar', 'button', 'buttons', 'btn', 'btns', 'link', 'links', 'list', 'widget', 'widgets', 'wrapper',
  'wrap', 'wrp', 'container', 'area', 'block', 'blocks', 'module', 'icon', 'icons', 'tool', 'tools', 'item', 'items',
  'panel', 'inner', 'outer', 'holder', 'title', 'heading', 'header', 'count', 'counter', 'label', 'group', 'slot',
  'unit', 'zone', 'top', 'bottom', 'left', 'right', 'small', 'large', 'mobile', 'desktop', 'section', 'form', 'text',
  'el', 'js', 'nav', 'bottombar', 'placeholder', 'overlay', 'bubble', 'prompt', 'notice', 'info', 'message', 'law',
  'layer', 'teaser', 'teasers', 'posts', 'articles', 'stories', 'entries', 'links', 'this', 'us', 'post', 'article',
  'entry', 'story', 'page', 'site', 'desc', 'description', 'about', 'editorial',
]);

function isChromeToken(token: string): boolean {
  if (CHROME_WORDS.has(token)) return true;
  const pieces = token.split(/[-_]+/).filter(Boolean);
  if (pieces.length < 2) return false;
  let role = false;
  for (const piece of pieces) {
    if (CHROME_WORDS.has(piece)) role = true;
    else if (!ROLE_PARTS.has(piece) && !/^\d+$/.test(piece)) return false;
  }
  return role;
}

/** Whole text of small elements that is chrome wherever it appears. */
const CHROME_TEXT = /^(live|live tv|audio only|listen|google ?\+|google plus|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|print|share|share this( article| story)?|copy link|post with no comments\.?|no comments( yet)?\.?|\d+ comments?\.?|comments?|leave a comment|advertisement|sponsored|subscribe|sign up|follow us( on \w+)?|read more|skip to (main )?content|anzeige|werbung|teilen|drucken|kommentare?|keine kommentare|kommentar (schreiben|verfassen)|kommentieren|publicidad|compartir|partager|publicité|reklama|udostępnij|condividi|pubblicità)$/i;

/** "Published 16 February 2024", "Updated: 17 Feb 2024 10:00" standing alone. */
const DATELINE = /^(first )?(published|posted|updated|last updated|modified)( on)?:?\s+[\w ,:.+-]{4,60}$/i;
const DATELINE_LABEL = /^(first )?(published|posted|updated|last updated|modified)( on)?:?\s+/i;

/** True when an element holds nothing but chrome words (its own text nodes and every child). */
function onlyChrome(el: El): boolean {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3 && squash(node.textContent).replace(/[|•·,/-]/g, '').trim()) return false;
    if (node.nodeType === 1 && !CHROME_TEXT.test(squash(node.textContent)) && squash(node.textContent)) return false;
  }
  return true;
}

/** True when an element holds a paragraph of real text (not a field label or a button line). */
function holdsProse(el: El, lengths: Map<El, number>): boolean {
  for (const p of Array.from(el.getElementsByTagName('p'))) if ((lengths.get(p) ?? 0) > 80) return true;
  return false;
}

/** Content elements never removed for their class name alone (embedded posts are quotes). */
const KEPT_BY_NAME = new Set(['BLOCKQUOTE', 'FIGURE', 'TABLE', 'H1', 'H2']);

function hasChromeName(el: El): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!names.trim()) return false;
  return names.split(/\s+/).some((token) => token !== '' && isChromeToken(token));
}

/**
 * Removes chrome from the document; `keep` elements (and their ancestors) survive. Returns the
 * main-text elements it protected (main-text.ts), for the caller to protect from Readability too.
 */
export function removeChrome(document: Doc, keep: El[] = []): Set<El> {
  const root = document.body;
  if (!root) return new Set();
  const lengths = visibleTextLengths(root);
  const totalText = lengths.get(root) || 1;
  const mainText = mainTextElements(root, lengths);
  const protectedEl = (el: El) =>
    mainText.has(el) || keep.some((k) => el === k || el.contains(k)) || (lengths.get(el) ?? 0) > totalText * 0.4;

  const elements = allElements(root);
  for (const el of elements) if (isStructural(el) && el.isConnected && !protectedEl(el)) el.remove();
  // A form goes unless it holds prose (pages and articles wrapped in one form; a browser shows that text).
  for (const form of Array.from(root.getElementsByTagName('form'))) {
    if (form.isConnected && !protectedEl(form) && !holdsProse(form, lengths)) form.remove();
  }

  // Page header (not headers inside an article).
  for (const el of elements) {
    if (el.tagName === 'HEADER' && el.isConnected && !el.closest('article') && !protectedEl(el)) el.remove();
  }
  for (const el of elements) {
    if (!el.hasAttribute('class') && !el.hasAttribute('id')) continue;
    if (!KEPT_BY_NAME.has(el.tagName) && el.tagName !== 'ARTICLE' && el.tagName !== 'MAIN' && el.tagName !== 'BODY' && hasChromeName(el) && el.isConnected && !protectedEl(el)) el.remove();
  }
  // Small elements whose whole text is chrome.
  // Deepest first, so "Live" is seen alone once its "Audio Only" submenu is gone.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    if (!SMALL_TAGS.has(el.tagName) || (lengths.get(el) ?? 0) > 400 || !el.isConnected || containsImage(el)) continue;
    const text = squash(el.textContent);
    if (text.length <= 40 && CHROME_TEXT.test(text) && !protectedEl(el)) {
      // An inline link or span only when everything around it is chrome too ("email" inside a sentence stays).
      if ((el.tagName === 'A' || el.tagName === 'SPAN') && el.parentElement && !onlyChrome(el.parentElement)) continue;
      el.remove();
    } else if (text.length <= 80 && DATELINE.test(text) && normalizeDate(text.replace(DATELINE_LABEL, '')) && !protectedEl(el)) {
      el.remove();
    }
  }
  // Lists emptied by the above.
  for (const list of elements) {
    if ((list.tagName === 'UL' || list.tagName === 'OL') && list.isConnected && (lengths.get(list) ?? 0) < 400 && !textOf(list) && !containsImage(list)) list.remove();
  }
  return mainText;
}
