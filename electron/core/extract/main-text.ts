/**
 * Where a page's main text is, judged before anything is removed, so chrome removal never takes
 * the article with it: text lengths that count only what a reader sees (no <script>, <style>,
 * <noscript> or <template> text), the element Readability would pick as its top candidate (same
 * paragraph scoring: commas, length, class weight, link density), and the innermost element that
 * holds most of the page's paragraph text.
 */
import type { El } from './dom';

const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Visible text length of every element under root (and root), in one pass. */
export function visibleTextLengths(root: El): Map<El, number> {
  const lengths = new Map<El, number>();
  const visit = (node: Node): number => {
    if (node.nodeType === 3) return (node as Text).data.length;
    if (node.nodeType !== 1) return 0;
    let total = 0;
    if (!INVISIBLE.has((node as El).tagName)) for (let child = node.firstChild; child; child = child.nextSibling) total += visit(child);
    lengths.set(node as El, total);
    return total;
  };
  visit(root);
  return lengths;
}

// Readability 0.6's class weights and initial scores.
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const PARAGRAPHS = new Set(['P', 'PRE', 'TD']);

function classWeight(el: El): number {
  let weight = 0;
  for (const name of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

function initialScore(el: El): number {
  switch (el.tagName) {
    case 'DIV': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    default: return 0;
  }
}

/**
 * The elements chrome removal must keep: the top candidate Readability's scoring points at and
 * its ancestors, and every element holding more than half of the page's paragraph text.
 */
export function mainTextElements(root: El, lengths: Map<El, number>): Set<El> {
  const keep = new Set<El>();
  const scores = new Map<El, number>();
  const paragraphText = new Map<El, number>();
  const linkText = new Map<El, number>();
  let totalParagraphText = 0;
  const stack: El[] = [root];
  const paragraphs: El[] = [];
  const links: El[] = [];
  while (stack.length) {
    const el = stack.pop()!;
    if (INVISIBLE.has(el.tagName)) continue;
    if (PARAGRAPHS.has(el.tagName)) paragraphs.push(el);
    else if (el.tagName === 'A') links.push(el);
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  for (const a of links) {
    const length = lengths.get(a) ?? 0;
    for (let up = a.parentElement; up; up = up.parentElement) linkText.set(up, (linkText.get(up) ?? 0) + length);
  }
  for (const p of paragraphs) {
    const length = lengths.get(p) ?? 0;
    if (length < 25) continue;
    if (p.tagName === 'P') {
      totalParagraphText += length;
      for (let up = p.parentElement; up; up = up.parentElement) paragraphText.set(up, (paragraphText.get(up) ?? 0) + length);
    }
    const text = p.textContent ?? '';
    const score = 1 + (text.match(/[,，、،]/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    let level = 0;
    for (let up = p.parentElement; up && level < 5; up = up.parentElement, level++) {
      if (!scores.has(up)) scores.set(up, initialScore(up) + classWeight(up));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(up, scores.get(up)! + score / divider);
    }
  }
  let top: El | null = null;
  let best = -Infinity;
  for (const [el, score] of scores) {
    const visible = lengths.get(el) || 1;
    const final = score * (1 - Math.min(1, (linkText.get(el) ?? 0) / visible));
    if (final > best) {
      best = final;
      top = el;
    }
  }
  for (let up = top; up; up = up.parentElement) keep.add(up);
  if (totalParagraphText > 0) {
    for (const [el, length] of paragraphText) if (length > totalParagraphText * 0.5) keep.add(el);
  }
  return keep;
}
