/**
 * Saved for later: every saved article with the date it was saved, sorted by when it was saved or
 * by publication date; open, remove, and "Export saved" as one HTML or Markdown file with the
 * photos inside (downloaded through a Blob). The list is windowed, so it stays light however much
 * is saved.
 */
import { errorMessage } from '../../api/errors';
import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../../electron/shared/models';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { hrefs } from '../../routing/routes';
import { formatLongDate, formatLongDateTime, formatRelative } from '../../ui/format/dates';
import { Photo } from '../../ui/Photo';
import { setReadingOrder } from '../../ui/readingOrder';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { useStoryFocusRequests } from '../../ui/useStoryFocusRequests';
import { useWindowedRows } from '../../ui/useWindowedRows';
import './saved.css';

type SavedSort = 'saved' | 'newest' | 'oldest';
const SORT_KEY = 'offline-news:saved-sort';
const ROW_REM = 9;

function loadSort(): SavedSort {
  try {
    const raw = window.localStorage.getItem(SORT_KEY);
    return raw === 'newest' || raw === 'oldest' ? raw : 'saved';
  } catch {
    return 'saved';
  }
}

/** Hands a string to the browser as a file download. */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function SavedItem({ a, onRemove, removing }: { a: ArticleSummary; onRemove: () => void; removing: boolean }) {
  return (
    <>
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
          {a.savedAt && (
            <span className="saved__when">
              Saved <time dateTime={a.savedAt} title={formatLongDateTime(a.savedAt) ?? undefined}>{formatRelative(a.savedAt)}</time>
            </span>
          )}
          {a.savedAt && <span aria-hidden="true"> · </span>}
          <span>{a.sourceTitle}</span>
          {a.publishedAt && (
            <>
              <span aria-hidden="true"> · </span>
              <span>Published {formatLongDate(a.publishedAt)}</span>
            </>
          )}
        </p>
      </div>
      <button type="button" className="button button--quiet saved__remove" aria-label={`Remove ${a.title || 'article'} from Saved`} onClick={onRemove} disabled={removing}>
        Remove
      </button>
    </>
  );
}

export function SavedList() {
  const news = useNews();
  const { changed } = useStoreVersion();
  const [sort, setSort] = useState<SavedSort>(loadSort);
  const { data, error, loading } = useLoad(`saved:${sort}`, (n) =>
    sort === 'saved' ? n.listSaved() : n.listArticles({ saved: true, sort }),
  );
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const articles = data ?? [];
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const rowHeight = Math.round(ROW_REM * rem);
  const win = useWindowedRows({ rows: articles.length, rowHeight, overscan: 4 });

  // j/k past the rendered rows (see moveStoryFocus): scroll the row in, focus it once rendered.
  const rootRef = useStoryFocusRequests(articles.length, win.scrollToRow);

  useEffect(() => {
    if (data) setReadingOrder({ label: 'Saved', ids: data.map((a) => a.id) });
  }, [data]);

  function chooseSort(next: SavedSort) {
    setSort(next);
    try {
      window.localStorage.setItem(SORT_KEY, next);
    } catch {
      // storage unavailable: the choice holds for this window only
    }
  }

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

  async function exportAs(format: 'html' | 'markdown') {
    setExporting(true);
    setMessage(null);
    try {
      const file = await news.exportSaved({ format });
      download(file.fileName, file.mimeType, file.content);
      setMessage(`Exported ${file.articles} ${file.articles === 1 ? 'article' : 'articles'} with ${file.photos} ${file.photos === 1 ? 'photo' : 'photos'} to ${file.fileName}.`);
    } catch (err) {
      setMessage(`Could not export: ${errorMessage(err)}`);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="saved" ref={rootRef}>
      <ScreenHeading kicker="Kept on this computer" title="Saved">
        <p className="screen-heading__note">Saved articles stay available offline and are never cleaned up.</p>
        {articles.length > 0 && (
          <div className="saved__bar">
            <label className="toolbar-field">
              <span>Sort</span>
              <select value={sort} onChange={(e) => chooseSort(e.target.value as SavedSort)}>
                <option value="saved">Recently saved</option>
                <option value="newest">Newest published</option>
                <option value="oldest">Oldest published</option>
              </select>
            </label>
            <div className="toolbar-field" role="group" aria-label="Export saved">
              <span aria-hidden="true">Export saved:</span>
              <button type="button" className="button button--quiet button--small" onClick={() => exportAs('html')} disabled={exporting}>
                HTML<span className="visually-hidden"> file with photos</span>
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => exportAs('markdown')} disabled={exporting}>
                Markdown<span className="visually-hidden"> file with photos</span>
              </button>
            </div>
          </div>
        )}
      </ScreenHeading>
      <p className={message ? 'notice' : 'visually-hidden'} role="status" aria-label="Saved status">
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
      <div ref={win.ref} className="saved__window" style={{ height: articles.length * rowHeight }}>
        <ul className="saved__list">
          {articles.slice(win.first, win.end).map((a, i) => (
            <li
              key={a.id}
              className="saved__item"
              data-story-index={win.first + i}
              aria-posinset={win.first + i + 1}
              aria-setsize={articles.length}
              style={{ top: (win.first + i) * rowHeight, height: rowHeight }}
            >
              <SavedItem a={a} onRemove={() => remove(a.id, a.title)} removing={removing === a.id} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
