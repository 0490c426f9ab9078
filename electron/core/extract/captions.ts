/**
 * A photo's caption and credit in every shape pages use, first found wins:
 * 1. its <figure>'s figcaption (or caption-classed element), credit from <small>/<cite>/credit classes;
 * 2. data-caption / data-credit on the image or a wrapper;
 * 3. a caption element inside its carousel item (ul > li > img);
 * 4. a sibling caption block right after the image, its wrapper or its carousel list
 *    ("Caption. | Photo: X/ @handle"): caption-classed, or starting with the image's alt text (alt
 *    equal to the visible caption), or carrying a credit label ("Photo:", "Credit:", "Foto:");
 * 5. in a carousel list, the alt text, which such lists show as the caption.
 * The credit is split out of the caption text when the markup gives none (credit.ts).
 * Also returns the elements that make up the photo on the page, so a lead photo leaves the body whole.
 */
import { splitCaptionCredit } from './credit';
import { squash, textOf, type El } from './dom';

export interface PhotoCaption {
  caption: string;
  credit: string;
  /** The photo's own element (figure, carousel list, or the image and its bare wrappers). */
  container: El;
  /** A caption block outside the container, to be removed with it. */
  captionBlock: El | null;
}

const CAPTION_NAME = /(^|[-_\s])(caption|captions|credit|credits|cutline|legend|legende|bildunterschrift|bu|photo-?text|image-?text|img-?text|img-?desc|image-?desc|media-?caption|pie|didascalia|wp-caption-text)([-_\s]|$)/i;
const CREDIT_LABEL = /(^|[|｜\s(])(photo(graph)?s?|credits?|image|picture|foto|fotos|bild|source|quelle)\s*(by\s*)?[:：]/i;

const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
const hasCaptionName = (el: El) => CAPTION_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);

function fromAttributes(img: El, container: El): { caption: string; credit: string } {
  for (let el: El | null = img; el; el = el.parentElement) {
    const caption = squash(el.getAttribute('data-caption') ?? el.getAttribute('data-image-caption'));
    const credit = squash(el.getAttribute('data-credit') ?? el.getAttribute('data-photo-credit') ?? el.getAttribute('data-copyright'));
    if (caption || credit) {
      const split = credit ? { caption, credit } : splitCaptionCredit(caption);
      return { caption: split.caption, credit: split.credit };
    }
    if (el === container) break;
  }
  return { caption: '', credit: '' };
}

/** The carousel item holding only this image (li of a list whose items are pictures), or null. */
function carouselItem(img: El): El | null {
  const li = img.closest('li');
  if (!li || !li.parentElement || !/^(UL|OL)$/.test(li.parentElement.tagName)) return null;
  if (li.querySelectorAll('img').length !== 1 || textOf(li).length > 400) return null;
  const items = Array.from(li.parentElement.children);
  return items.length <= 40 && items.every((item) => item.querySelector('img')) ? li : null;
}

/** The image and the wrappers around it that hold nothing else (a, picture, span, div). */
function bareWrapper(img: El): El {
  let el = img;
  for (let i = 0; i < 3; i++) {
    const up = el.parentElement;
    if (!up || /^(BODY|ARTICLE|MAIN|SECTION|P)$/.test(up.tagName) || up.children.length !== 1 || squash(up.textContent) !== squash(el.textContent)) break;
    el = up;
  }
  return el;
}

function captionFromText(text: string, alt: string): { caption: string; credit: string } {
  const split = splitCaptionCredit(text);
  if (!split.credit && alt && norm(text).startsWith(norm(alt)) && norm(text) !== norm(alt)) {
    // "alt text" + a credit without a label: the rest is the credit.
    return { caption: alt, credit: squash(text.slice(alt.length)).replace(/^[|｜/–—-]\s*/, '') };
  }
  return split;
}

/** A sibling block right after `el` (or after an ancestor it ends) that reads as this photo's caption. */
function siblingCaption(el: El, alt: string, altOnly: boolean): El | null {
  let at: El | null = el;
  for (let i = 0; i < 3 && at; i++) {
    let next = at.nextElementSibling;
    while (next && /^(SCRIPT|STYLE|NOSCRIPT|BR)$/.test(next.tagName)) next = next.nextElementSibling;
    if (next) {
      const text = textOf(next);
      if (!text || text.length > 400 || next.querySelector('img, figure, h1, h2, h3')) return null;
      const altLed = alt.length >= 10 && norm(text).startsWith(norm(alt));
      if (altLed || (!altOnly && (hasCaptionName(next) || (text.length <= 300 && CREDIT_LABEL.test(text))))) return next;
      return null;
    }
    // `at` is its parent's last child: a caption may follow the parent.
    const up: El | null = at.parentElement;
    // Only up through small wrappers (a carousel box holds the list and its caption), never the article body.
    if (!up || /^(BODY|ARTICLE|MAIN)$/.test(up.tagName) || up.children.length > 3 || up.querySelectorAll('img').length > 1 || textOf(up).length > 400) return null;
    at = up;
  }
  return null;
}

const CREDIT_SELECTOR = 'small, cite, [class*="credit" i], [class*="copyright" i], [class*="photographer" i], [class*="source" i], [itemprop="creator"], [itemprop="copyrightHolder"]';

/** Caption and credit of a figure (or any element holding a figcaption-like caption). */
export function figureCaptionCredit(figure: El): { caption: string; credit: string } {
  const figcaption = figure.querySelector('figcaption') ?? figure.querySelector('[class*="caption" i]');
  if (!figcaption) return { caption: '', credit: '' };
  const clone = figcaption.cloneNode(true) as El;
  const matched = Array.from(clone.querySelectorAll(CREDIT_SELECTOR));
  const creditEls = matched.filter((el) => !matched.some((other) => other !== el && other.contains(el)));
  if (creditEls.length > 0) {
    const creditText = squash(creditEls.map((el) => el.textContent ?? '').join(' '));
    for (const el of creditEls) el.remove();
    const split = splitCaptionCredit(creditText);
    const credit = split.credit || split.caption;
    const rest = splitCaptionCredit(textOf(clone));
    return { caption: rest.caption, credit: credit || rest.credit };
  }
  return splitCaptionCredit(textOf(figcaption));
}

/** Caption, credit and page elements of one (resolved) <img>; see the module comment for the order. */
export function photoCaption(img: El): PhotoCaption {
  const alt = squash(img.getAttribute('alt'));
  const figure = img.closest('figure');
  if (figure) {
    const found = figureCaptionCredit(figure);
    if (found.caption || found.credit) return { ...found, container: figure, captionBlock: null };
  }
  const item = carouselItem(img);
  const list = item?.parentElement ?? null;
  const single = !list || list.children.length === 1;
  const container = figure ?? (item ? (single ? list! : item) : bareWrapper(img));
  const attrs = fromAttributes(img, container);
  if (attrs.caption || attrs.credit) return { ...attrs, container, captionBlock: null };
  if (item) {
    const inner = Array.from(item.querySelectorAll('*')).find((el) => hasCaptionName(el) && textOf(el));
    if (inner) return { ...captionFromText(textOf(inner), alt), container, captionBlock: null };
  }
  // After a carousel of several slides, the caption block names the slide it starts with.
  const block = siblingCaption(figure ?? list ?? container, alt, !single);
  if (block) return { ...captionFromText(textOf(block), alt), container, captionBlock: block };
  if (item && alt) return { ...splitCaptionCredit(alt), container, captionBlock: null };
  return { caption: '', credit: '', container, captionBlock: null };
}
