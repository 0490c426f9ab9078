/**
 * Photos in a page: resolves lazy-loaded images (data-src, data-srcset, srcset, <picture>
 * sources, <noscript> fallbacks) to one absolute best URL per <img>, and reads a figure's
 * caption and credit (credit from <small>/<cite>/credit-classed elements or split out of the
 * caption text).
 */
import type { CandidatePhoto } from '../types';
import { photoCaption } from './captions';
import { squash, type Doc, type El } from './dom';
import { bestSrcsetCandidate, parseSrcset, resolveUrl } from './urls';

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-lazy'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];

function isPlaceholder(src: string | null): boolean {
  if (!src) return true;
  const s = src.trim().toLowerCase();
  return s === '' || s.startsWith('data:') || /(^|[/_-])(blank|spacer|placeholder|pixel|transparent|lazy|loading)[^/]*\.(gif|png|svg)/.test(s) || s === 'about:blank';
}

function bestFromSrcset(value: string | null, baseUrl: string): { url: string; score: number } | null {
  const best = bestSrcsetCandidate(parseSrcset(value).filter((c) => resolveUrl(c.url, baseUrl)));
  if (!best) return null;
  const url = resolveUrl(best.url, baseUrl);
  if (!url) return null;
  const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(best.descriptor);
  const score = m ? (m[2]!.toLowerCase() === 'w' ? Number(m[1]) : Number(m[1]) * 400) : 400;
  return { url, score };
}

/** Picks the best URL for one <img> (also looking at its <picture> sources). */
export function bestImageUrl(img: El, baseUrl: string): string | null {
  let best: { url: string; score: number } | null = null;
  const consider = (c: { url: string; score: number } | null) => {
    if (c && (!best || c.score > best.score)) best = c;
  };
  for (const attr of LAZY_SRCSET_ATTRS) consider(bestFromSrcset(img.getAttribute(attr), baseUrl));
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (picture) {
    for (const source of Array.from(picture.querySelectorAll('source'))) {
      const type = (source.getAttribute('type') ?? '').toLowerCase();
      if (type && !/^image\/(jpeg|jpg|png|webp|avif|gif)$/.test(type)) continue;
      consider(bestFromSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'), baseUrl));
    }
  }
  if (best) return (best as { url: string }).url;
  for (const attr of LAZY_SRC_ATTRS) {
    const url = resolveUrl(img.getAttribute(attr), baseUrl);
    if (url) return url;
  }
  const src = img.getAttribute('src');
  return isPlaceholder(src) ? null : resolveUrl(src, baseUrl);
}

/** AMP and WordPress markup -> plain <img> / <figure> so the rest of the pipeline sees one shape. */
function normalizeImageMarkup(document: Doc): void {
  for (const amp of Array.from(document.querySelectorAll('amp-img, amp-anim'))) {
    const img = document.createElement('img');
    for (const name of ['src', 'srcset', 'alt', 'width', 'height', 'title']) {
      const v = amp.getAttribute(name);
      if (v !== null) img.setAttribute(name, v);
    }
    amp.replaceWith(img);
  }
  for (const box of Array.from(document.querySelectorAll('.wp-caption, .wp-block-image, [class~="image-with-caption"]'))) {
    if (box.tagName === 'FIGURE' || !box.querySelector('img')) continue;
    const figure = document.createElement('figure');
    figure.append(...Array.from(box.childNodes));
    box.replaceWith(figure);
  }
  for (const cap of Array.from(document.querySelectorAll('figure .wp-caption-text, figure .caption-text, figure [class~="caption"]'))) {
    if (cap.closest('figcaption') || cap.querySelector('img')) continue;
    const figcaption = document.createElement('figcaption');
    figcaption.append(...Array.from(cap.childNodes));
    cap.replaceWith(figcaption);
  }
}

/** Rewrites every image in the document to a single absolute src; unwraps pictures and noscripts. */
export function resolveImages(document: Doc, baseUrl: string): void {
  normalizeImageMarkup(document);
  // <noscript><img></noscript>: use it when the visible img is a placeholder, else drop it.
  for (const noscript of Array.from(document.querySelectorAll('noscript'))) {
    const inner = noscript.querySelector('img');
    if (!inner) continue;
    const prev = noscript.previousElementSibling;
    const visible = prev?.tagName === 'IMG' ? prev : prev?.querySelector('img') ?? null;
    if (visible && bestImageUrl(visible, baseUrl)) noscript.remove();
    else {
      if (visible) visible.remove();
      noscript.replaceWith(inner);
    }
  }
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const url = bestImageUrl(img, baseUrl);
    if (!url) {
      img.remove();
      continue;
    }
    img.setAttribute('src', url);
    for (const attr of [...LAZY_SRC_ATTRS, ...LAZY_SRCSET_ATTRS, 'sizes', 'data-sizes', 'loading']) img.removeAttribute(attr);
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    if (picture) picture.replaceWith(img);
  }
  for (const picture of Array.from(document.querySelectorAll('picture'))) picture.remove();
}

function dimension(img: El, name: 'width' | 'height'): number | null {
  const v = img.getAttribute(name);
  return v && /^\d{1,5}$/.test(v.trim()) ? Number(v) : null;
}

/** Photo record for an <img> (already resolved), with its caption and credit in whatever shape the page gives them (captions.ts). */
export function photoFromImg(img: El, baseUrl: string): CandidatePhoto | null {
  const url = resolveUrl(img.getAttribute('src'), baseUrl);
  if (!url) return null;
  const { caption, credit } = photoCaption(img);
  return { url, caption, credit, alt: squash(img.getAttribute('alt')), width: dimension(img, 'width'), height: dimension(img, 'height') };
}

/** Same URL ignoring the fragment (and a trailing query used for resizing). */
export function sameImage(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    return ua.host === ub.host && ua.pathname === ub.pathname;
  } catch {
    return a === b;
  }
}
