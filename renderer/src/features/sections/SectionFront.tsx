/** A section front: the lead story with a large photo, then cards; "Show more" pages further. */
import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../../electron/shared/models';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { errorMessage } from '../../api/errors';
import { ArticleCard } from '../../ui/ArticleCard';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { hrefs } from '../../routing/routes';
import { setReadingOrder } from '../../ui/readingOrder';
import './sections.css';

const PAGE = 48;

function pickLead(articles: ArticleSummary[]): number {
  const withPhoto = articles.findIndex((a) => a.thumbnail);
  return withPhoto >= 0 && withPhoto < 6 ? withPhoto : 0;
}

export function SectionFront({ section }: { section: string | null }) {
  const news = useNews();
  const { changed } = useStoreVersion();
  const [limit, setLimit] = useState(PAGE);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const key = `front:${section ?? ''}:${limit}`;
  const { data, error, loading } = useLoad(key, (news) =>
    news.listArticles(section === null ? { limit } : { section, limit }),
  );
  const path = section ? section.split(' > ') : [];
  const title = section ? path[path.length - 1]! : 'All articles';
  const parents = path.slice(0, -1);

  const articles = data ?? [];
  const leadIndex = pickLead(articles);
  const lead = articles[leadIndex];
  const rest = articles.filter((_, i) => i !== leadIndex);
  const unread = articles.filter((a) => !a.read).length;

  async function markAllRead() {
    setMarking(true);
    setMarkError(null);
    try {
      for (const a of articles) if (!a.read) await news.setRead({ id: a.id, read: true });
    } catch (err) {
      setMarkError(`Could not mark everything as read: ${errorMessage(err)}`);
    } finally {
      setMarking(false);
      changed();
    }
  }

  useEffect(() => {
    if (!data) return;
    const ordered = lead ? [lead, ...rest] : rest;
    setReadingOrder({ label: section ?? 'All articles', ids: ordered.map((a) => a.id) });
  }, [data, section]);

  return (
    <div className="front">
      <ScreenHeading
        kicker={parents.length > 0 ? parents.join(' › ') : section ? 'Section' : 'Front page'}
        title={title}
        documentTitle={section ?? 'All articles'}
      >
        {articles.length > 0 && (
          <div className="front__bar">
            <p className="front__summary">
              {articles.length === limit ? `${limit}+` : articles.length} {articles.length === 1 ? 'story' : 'stories'}
              {unread > 0 && `, ${unread} unread`}
            </p>
            {unread > 0 && (
              <button type="button" className="button button--quiet button--small" onClick={markAllRead} disabled={marking}>
                Mark all as read
              </button>
            )}
          </div>
        )}
      </ScreenHeading>
      {markError && (
        <p className="notice notice--error" role="alert">
          {markError}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          Articles could not be loaded: {error}
        </p>
      )}
      {!error && !loading && articles.length === 0 && (
        <div className="empty">
          <p>No articles here yet.</p>
          <p>
            Add a news site on the <a href={hrefs.sources}>Sources</a> screen, then press “Sync now”.
          </p>
        </div>
      )}
      {lead && (
        <section className="front__lead" aria-label="Lead story">
          <ArticleCard article={lead} variant="lead" level={2} hideKickerFor={section} />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-label="More stories">
          <ul className="front__grid">
            {rest.map((a) => (
              <li key={a.id}>
                <ArticleCard article={a} level={3} hideKickerFor={section} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {articles.length >= limit && (
        <div className="front__more">
          <button type="button" className="button" onClick={() => setLimit((l) => l + PAGE)} disabled={loading}>
            Show more stories
          </button>
        </div>
      )}
    </div>
  );
}
