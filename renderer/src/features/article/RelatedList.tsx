/** Related articles: stored ones open in place; others open in the system browser, or while
 * offline go to the offline queue (openLink decides). */
import type { RelatedLink } from '../../../../electron/shared/models';
import { hrefs } from '../../routing/routes';
import { isExternalUrl } from '../../ui/links';

interface RelatedListProps {
  related: RelatedLink[];
  openLink: (url: string) => void;
  online: boolean;
}

export function RelatedList({ related, openLink, online }: RelatedListProps) {
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related</h2>
      <ul>
        {related.map((link, i) => (
          <li key={`${link.url}-${i}`}>
            {link.articleId ? (
              <a href={hrefs.article(link.articleId)}>{link.title || link.url}</a>
            ) : isExternalUrl(link.url) ? (
              <button type="button" className="linklike" onClick={() => openLink(link.url)}>
                {link.title || link.url}
                <span className="related__external">{online ? ' (opens in browser)' : ' (not stored: queue for the next sync)'}</span>
              </button>
            ) : (
              <span>{link.title}</span>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
