/**
 * The page's photos as extraction needs them, read before chrome removal while the page's classes
 * and caption blocks are still there: the lead photo (the publisher's declared image, shown with
 * the caption its element on the page gives; else a captioned photo before the first paragraph)
 * and the caption and credit of every other image, for the body's inline photos.
 */
import type { CandidatePhoto } from '../types';
import { comesBefore, textOf, type Doc, type El } from './dom';
import type { PageMetadata } from './metadata';
import { photoCaption } from './captions';
import { photoFromImg } from './photos';
import { isLogoOrPlaceholder, MIN_PHOTO_WIDTH, samePicture, widthHint } from './pictures';

export interface LeadChoice {
  photo: CandidatePhoto;
  /** The page elements that show it (figure or carousel, and a caption block after it), removed from the body. */
  elements: El[];
}

const CHROME = 'header:not(article header), nav, footer, aside, [role="banner"], [class~="logo" i]';

function width(img: El): number | null {
  const v = img.getAttribute('width');
  return v && /^\d{1,5}$/.test(v.trim()) ? Number(v) : null;
}

function fromElement(img: El, baseUrl: string): LeadChoice | null {
  const photo = photoFromImg(img, baseUrl);
  if (!photo) return null;
  const { container, captionBlock } = photoCaption(img);
  return { photo, elements: captionBlock ? [container, captionBlock] : [container] };
}

/** Lead photo: see the module comment. `scope` is the article's own element. */
export function chooseLead(document: Doc, scope: El | null, meta: PageMetadata, baseUrl: string): LeadChoice | null {
  const root = scope ?? document.body;
  if (!root) return null;
  const declared = meta.image;
  if (declared) {
    // The declared picture shown on the page: inside the article first, never in the site's chrome.
    const shown = Array.from((document.body ?? root).querySelectorAll('img')).filter((img) => samePicture(img.getAttribute('src') ?? '', declared.url));
    const match = shown.find((img) => root.contains(img) && !img.closest(CHROME)) ?? shown.find((img) => !img.closest(CHROME));
    const found = match ? fromElement(match, baseUrl) : null;
    if (!found) return { photo: { ...declared }, elements: [] };
    const { photo } = found;
    // The page's rendition only when both widths are known and it is at least as wide (and 300 px);
    // else the declared one (a 70 px thumbnail never stands in for the publisher's picture).
    const pageWidth = width(match!) ?? widthHint(photo.url);
    const declaredWidth = declared.width ?? widthHint(declared.url);
    const keepPage = photo.url === declared.url || (pageWidth !== null && pageWidth >= Math.max(MIN_PHOTO_WIDTH, declaredWidth ?? Infinity));
    return {
      photo: {
        url: keepPage ? photo.url : declared.url,
        caption: photo.caption || declared.caption,
        credit: photo.credit || declared.credit,
        alt: photo.alt || declared.alt,
        width: keepPage ? photo.width : declared.width,
        height: keepPage ? photo.height : declared.height,
      },
      elements: found.elements,
    };
  }
  // No declared image: a captioned photo (figure, carousel, caption block) before the first real paragraph.
  const firstParagraph = Array.from(root.querySelectorAll('p')).find((p) => textOf(p).length > 80) ?? null;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (firstParagraph && !comesBefore(img, firstParagraph)) break;
    if (img.closest(CHROME) || isLogoOrPlaceholder(img.getAttribute('src') ?? '')) continue;
    const w = width(img);
    const h = Number(img.getAttribute('height')) || null;
    if (w !== null && h !== null && w < 150 && h < 150) continue;
    const found = fromElement(img, baseUrl);
    if (found && (img.closest('figure') || found.photo.caption || found.photo.credit)) return found;
  }
  return null;
}

/** Caption and credit of every image of the page by URL: from the page's markup, else the JSON-LD ImageObject of the same picture. */
export function knownPhotos(document: Doc, meta: PageMetadata, baseUrl: string): Map<string, CandidatePhoto> {
  const known = new Map<string, CandidatePhoto>();
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const photo = photoFromImg(img, baseUrl);
    if (!photo || known.has(photo.url)) continue;
    if (!photo.caption && !photo.credit) {
      const declared = meta.declaredPhotos.find((d) => samePicture(d.url, photo.url));
      if (!declared) continue;
      photo.caption = declared.caption;
      photo.credit = declared.credit;
    }
    known.set(photo.url, photo);
  }
  return known;
}
