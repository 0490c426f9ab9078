/** Saved for later: every saved article with the date it was saved; open or remove. */
import { errorMessage } from '../../api/errors';
import { useEffect, useState } from 'react';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { hrefs } from '../../routing/routes';
import { formatLongDate, formatRelative } from '../../ui/format/dates';
import { Photo } from '../../ui/Photo';
import { setReadingOrder } from '../../ui/readingOrder';
import { ScreenHeading } from '../../ui/ScreenHeading';
import './saved.css';

export function SavedList() {
  const news = useNews();
  const { changed } = useStoreVersion();
  const { data, error, loading } = useLoad('saved', (n) => n.listSaved());
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const articles = data ?? [];

  useEffect(() => {
    if (data) setReadingOrder({ label: 'Saved', ids: data.map((a) => a.id) });
  }, [data]);

  async function remove(id: string, title: string) {
    setRemoving(id);
    setMessage(null);
    try {
      await news.setSaved({ id, saved: false });
      setMessage(`Removed “${title}” from Saved.`);
      changed();
    } catch (err) {
      setMessage(`Could not remove it: ${errorMessage(err)}`);
    } finally {
      setRemoving(null);
    }
  }

  return (
    <div className="saved">
      <ScreenHeading kicker="Kept on this computer" title="Saved">
        <p className="screen-heading__note">Saved articles stay available offline and are never cleaned up.</p>
      </ScreenHeading>
      <p className="visually-hidden" role="status">
        {message ?? ''}
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          Saved articles could not be loaded: {error}
        </p>
      )}
      {!loading && !error && articles.length === 0 && (
        <div className="empty">
          <p>Nothing saved yet. Use “Save for later” on an article to keep it here.</p>
        </div>
      )}
      {articles.length > 0 && (
        <ul className="saved__list">
          {articles.map((a) => (
            <li key={a.id} className="saved__item">
              <a className="saved__thumb" href={hrefs.article(a.id)} tabIndex={-1} aria-hidden="true">
                <Photo file={a.thumbnail} alt="" />
              </a>
              <div className="saved__text">
                <h2 className="saved__headline">
                  <a href={hrefs.article(a.id)} data-story-link="">
                    {a.title || 'Untitled'}
                  </a>
                </h2>
                {a.dek && <p className="saved__dek">{a.dek}</p>}
                <p className="saved__meta">
                  <span>{a.sourceTitle}</span>
                  {a.publishedAt && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>Published {formatLongDate(a.publishedAt)}</span>
                    </>
                  )}
                  {a.savedAt && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>
                        Saved <time dateTime={a.savedAt}>{formatRelative(a.savedAt)}</time>
                      </span>
                    </>
                  )}
                </p>
              </div>
              <button
                type="button"
                className="button button--quiet saved__remove"
                aria-label={`Remove ${a.title || 'article'} from Saved`}
                onClick={() => remove(a.id, a.title)}
                disabled={removing === a.id}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
