/**
 * The article body a page declares for itself: the element marked itemprop="articleBody" (else
 * the page's one <article>), and the JSON-LD article's `articleBody` text. Where Readability's
 * pick is much shorter than what the page declares, the declared body is used instead.
 */
import { jsonLdNodes } from './jsonld';
import { squash, type Doc, type El } from './dom';

const ARTICLE_TYPE = /Article|BlogPosting|Report/;

/** JSON-LD `articleBody` of the page's article node, or ''. Read before scripts are removed. */
export function jsonLdArticleBody(document: Doc): string {
  if (!document.querySelector('script[type="application/ld+json" i]')) return '';
  for (const node of jsonLdNodes(document)) {
    const types = ([] as unknown[]).concat(node['@type']).filter((t): t is string => typeof t === 'string');
    if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
    const body = node.articleBody;
    if (typeof body === 'string' && body.trim()) return body.trim();
  }
  return '';
}

/** The declared element and its text length, once chrome is gone: itemprop="articleBody", else the single <article>. */
export function declaredElement(document: Doc): { element: El | null; length: number } {
  const marked = document.querySelector('[itemprop="articleBody" i]');
  const articles = marked ? [] : Array.from(document.getElementsByTagName('article'));
  const el = marked ?? (articles.length === 1 ? articles[0]! : null);
  if (!el) return { element: null, length: 0 };
  return { element: el, length: squash(el.textContent).length };
}
