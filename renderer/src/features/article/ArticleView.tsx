/**
 * The article page: breadcrumb, headline, dek, byline, dates, lead photo with caption and credit,
 * the body, related articles, "Save for later" toggle and "Open original". Marks it read on open.
 * A link to an article that is not stored opens in the system browser, or, while offline, goes to
 * the offline queue (the next sync fetches and saves it) and the reader is told so.
 */
import { errorMessage } from '../../api/errors';
import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../../electron/shared/models';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { useOnline } from '../../api/useOnline';
import { hrefs } from '../../routing/routes';
import { Figure } from '../../ui/Figure';
import { formatLongDate, formatUpdated } from '../../ui/format/dates';
import { getReadingOrder, neighbours } from '../../ui/readingOrder';
import { rememberPosition, savedPosition } from '../../ui/readingPosition';
import { APP_NAME, useFocusOnMount } from '../../ui/ScreenHeading';
import { ArticleBody } from './ArticleBody';
import { ReadAloud } from './ReadAloud';
import { RelatedList } from './RelatedList';
import './article.css';

export function ArticleView({ id }: { id: string }) {
  const { data: article, error, loading } = useLoad(`article:${id}`, (news) => news.getArticle(id));
  if (error) {
    return (
      <p className="notice notice--error" role="alert">
        This article could not be loaded: {error}
      </p>
    );
  }
  if (loading && article === undefined) return <p className="loading">Loading article…</p>;
  if (!article) {
    return (
      <div className="empty">
        <h1>Article not found</h1>
        <p>
          It may have been removed when its source was. Go back to <a href={hrefs.all}>all articles</a>.
        </p>
      </div>
    );
  }
  return <ArticlePage article={article} />;
}

function Breadcrumb({ path, fallback }: { path: string[]; fallback: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <ol>
        {path.length === 0 && (
          <li>
            <a href={hrefs.all}>{fallback}</a>
          </li>
        )}
        {path.map((part, i) => {
          const key = path.slice(0, i + 1).join(' > ');
          const last = i === path.length - 1;
          return (
            <li key={key}>
              {i > 0 && (
                <span className="breadcrumb__sep" aria-hidden="true">
                  {' › '}
                </span>
              )}
              <a href={hrefs.section(key)} aria-current={last ? 'location' : undefined}>
                {part}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function ArticlePage({ article }: { article: Article }) {
  const news = useNews();
  const { changed } = useStoreVersion();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [saved, setSavedState] = useState(article.saved);
  const [read, setReadState] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; queued: boolean } | null>(null);
  const { online } = useOnline();
  const markedRead = useRef<string | null>(null);

  useFocusOnMount(headingRef);
  useEffect(() => setSavedState(article.saved), [article.id, article.saved]);
  useEffect(() => setReadState(true), [article.id]);
  useEffect(() => {
    document.title = `${article.title} · ${APP_NAME}`;
  }, [article.title]);
  // Back where the reader left this article (or at the top), and remember the place while reading.
  useEffect(() => {
    const id = article.id;
    window.scrollTo({ top: savedPosition(id) ?? 0 });
    let timer = 0;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => rememberPosition(id, window.scrollY), 250);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [article.id]);
  useEffect(() => {
    if (article.read || markedRead.current === article.id) return;
    markedRead.current = article.id;
    news.setRead({ id: article.id, read: true }).then(changed, () => undefined);
  }, [article.id, article.read, news, changed]);

  async function toggleSaved() {
    const next = !saved;
    setBusy(true);
    setSavedState(next);
    setMessage(null);
    try {
      await news.setSaved({ id: article.id, saved: next });
      changed();
    } catch (err) {
      setSavedState(!next);
      setMessage(`Could not ${next ? 'save' : 'unsave'} the article: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }

  /** "m": the article is marked read on open; this takes it back (or marks it read again). */
  async function toggleRead() {
    const next = !read;
    setReadState(next);
    setMessage(null);
    try {
      await news.setRead({ id: article.id, read: next });
      changed();
    } catch (err) {
      setReadState(!next);
      setMessage(`Could not mark the article ${next ? 'read' : 'unread'}: ${errorMessage(err)}`);
    }
  }

  function openExternal(url: string) {
    news.openExternal(url).then(
      (opened) => {
        if (!opened) setMessage('That link could not be opened.');
      },
      (err: unknown) => setMessage(`That link could not be opened: ${errorMessage(err)}`),
    );
  }

  /** A link to an article that is not stored: the browser when online, the offline queue when not. */
  function followLink(url: string) {
    if (online) {
      openExternal(url);
      return;
    }
    setMessage(null);
    news.queueArticle(url).then(
      (reply) => {
        setNotice({ text: reply.message, queued: reply.queued });
        if (reply.queued) changed();
      },
      (err: unknown) => setMessage(`That link could not be queued: ${errorMessage(err)}`),
    );
  }

  const published = formatLongDate(article.publishedAt);
  const updated = formatUpdated(article.publishedAt, article.updatedAt);
  const original = article.canonicalUrl || article.url;

  return (
    <article className="article" lang={article.language || undefined}>
      <header className="article__header">
        <Breadcrumb path={article.sectionPath} fallback={article.siteName || article.sourceTitle || 'All articles'} />
        <h1 ref={headingRef} tabIndex={-1} className="article__headline">
          {article.title || 'Untitled'}
        </h1>
        {article.dek && !ledeRepeatsDek(article.dek, article.bodyText) && <p className="article__dek">{article.dek}</p>}
        <div className="article__meta">
          {article.byline && <p className="byline">{article.byline}</p>}
          <p className="article__dates">
            {published && (
              <span>
                Published <time dateTime={article.publishedAt ?? undefined}>{published}</time>
              </span>
            )}
            {updated && (
              <span>
                {published && <span aria-hidden="true"> · </span>}
                Updated <time dateTime={article.updatedAt ?? undefined}>{updated}</time>
              </span>
            )}
          </p>
          <p className="article__source">{article.siteName || article.sourceTitle}</p>
        </div>
        <div className="article__actions">
          <button type="button" className="button button--toggle" aria-pressed={saved} onClick={toggleSaved} disabled={busy} data-command="toggle-save">
            {saved ? 'Saved' : 'Save for later'}
          </button>
          {original && (
            <button type="button" className="button button--quiet" onClick={() => openExternal(original)} data-command="open-original">
              Open original
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={toggleRead} data-command="toggle-read">
            {read ? 'Mark as unread' : 'Mark as read'}
          </button>
          <ReadAloud title={article.title} bodyText={article.bodyText} language={article.language} />
          {!article.offline && <span className="badge badge--warn">Not fully stored</span>}
        </div>
        {message && (
          <p className="notice notice--error" role="alert">
            {message}
          </p>
        )}
        <p className={notice ? 'notice' : 'visually-hidden'} role="status" aria-label="Link status">
          {notice?.text ?? ''}
          {notice?.queued && (
            <>
              {' '}
              <a href={hrefs.queue}>See the offline queue</a>
            </>
          )}
        </p>
      </header>
      {article.photo && <Figure photo={article.photo} className="article__lead" />}
      <ArticleBody html={article.bodyHtml} text={article.bodyText} related={article.related} openLink={followLink} />
      {article.related.length > 0 && <RelatedList related={article.related} openLink={followLink} online={online} />}
      <PreviousNext id={article.id} />
    </article>
  );
}

/** Previous/next story of the list the reader came from (j / k). */
function PreviousNext({ id }: { id: string }) {
  const order = getReadingOrder();
  const { previous, next } = neighbours(order, id);
  if (!order || (!previous && !next)) return null;
  return (
    <nav className="prev-next" aria-label="Previous and next stories">
      {previous ? (
        <a href={hrefs.article(previous)} rel="prev" data-command="previous-article">
          <span aria-hidden="true">← </span>Previous story
        </a>
      ) : (
        <span />
      )}
      <span className="prev-next__from">in {order.label}</span>
      {next ? (
        <a href={hrefs.article(next)} rel="next" data-command="next-article">
          Next story<span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The body's first paragraph is the dek (the lede is kept in the body text): show it once, in the body. */
function ledeRepeatsDek(dek: string, bodyText: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lede = squash(bodyText.split(/\n{2,}/, 1)[0] ?? '');
  return lede !== '' && lede === squash(dek);
}
