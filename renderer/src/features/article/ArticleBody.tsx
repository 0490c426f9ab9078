/**
 * The article body: sanitized again here (DOMPurify over the page's window), then rendered. Clicks
 * on links never navigate the window: a link to a stored related article opens it in place, an
 * http(s)/mailto link goes to openLink (the system browser, or the offline queue while offline),
 * anything else does nothing.
 */
import { useMemo, type MouseEvent } from 'react';
import DOMPurify from 'dompurify';
import type { RelatedLink } from '../../../../electron/shared/models';
import { sanitizeBodyHtml } from '../../ui/html/sanitizeBody';
import { isExternalUrl, sameUrl } from '../../ui/links';
import { hrefs } from '../../routing/routes';
import { navigate } from '../../routing/useRoute';

interface ArticleBodyProps {
  html: string;
  text: string;
  related: RelatedLink[];
  openLink: (url: string) => void;
}

export function ArticleBody({ html, text, related, openLink }: ArticleBodyProps) {
  const clean = useMemo(() => sanitizeBodyHtml(html, DOMPurify), [html]);

  function onLinkActivate(event: MouseEvent<HTMLDivElement>) {
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    if (!target) return;
    event.preventDefault();
    if (event.type === 'auxclick' && event.button !== 1) return;
    const href = target.getAttribute('href');
    if (!href) return;
    const stored = related.find((r) => r.articleId && sameUrl(r.url, href));
    if (stored?.articleId) {
      navigate(hrefs.article(stored.articleId));
      return;
    }
    if (isExternalUrl(href)) openLink(href);
  }

  if (!clean.trim()) {
    return (
      <div className="article__body">
        {text
          .split(/\n{2,}/)
          .filter((p) => p.trim())
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
      </div>
    );
  }
  return (
    // Links inside are real <a href> elements and reachable by keyboard; Enter on a link fires click.
    <div className="article__body" onClick={onLinkActivate} onAuxClick={onLinkActivate} dangerouslySetInnerHTML={{ __html: clean }} />
  );
}
