/**
 * A section front: the lead story with a large photo, then a grid of cards. The grid is windowed
 * (fixed-height rows, only those near the viewport are in the DOM) and fetched a page at a time,
 * so a front of 50,000 stories costs what a front of 50 does. Sort newest/oldest (remembered),
 * "Mark all as read", and j/k keep working past the rendered window (story-focus-request).
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { ArticleSort, ArticleSummary } from '../../../../electron/shared/models';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { errorMessage } from '../../api/errors';
import { ArticleCard } from '../../ui/ArticleCard';
import { formatCount } from '../../ui/format/count';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { hrefs } from '../../routing/routes';
import { setReadingOrder } from '../../ui/readingOrder';
import { useStoryFocusRequests } from '../../ui/useStoryFocusRequests';
import { useWindowedRows } from '../../ui/useWindowedRows';
import { loadFrontSort, saveFrontSort } from './frontSort';
import { usePagedArticles } from './usePagedArticles';
import './sections.css';

/** Card geometry in rem (see .front__grid in sections.css): column minimum, gaps, text block. */
const MIN_COLUMN_REM = 15.5;
const COLUMN_GAP_REM = 1.75;
const ROW_GAP_REM = 2;
const MEDIA_GAP_REM = 0.6;
const TEXT_REM = 12.75;

function gridGeometry(width: number) {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const gap = COLUMN_GAP_REM * rem;
  const usable = width > 0 ? width : MIN_COLUMN_REM * rem;
  const columns = Math.max(1, Math.floor((usable + gap) / (MIN_COLUMN_REM * rem + gap)));
  const columnWidth = (usable - (columns - 1) * gap) / columns;
  const cardHeight = Math.ceil((columnWidth * 2) / 3 + (MEDIA_GAP_REM + TEXT_REM) * rem);
  return { columns, columnWidth, gap, cardHeight, rowHeight: cardHeight + Math.round(ROW_GAP_REM * rem) };
}

/** Toggles read on one story (the "m" key acts on the focused story's button). */
function ReadToggle({ article }: { article: ArticleSummary }) {
  const news = useNews();
  const { changed } = useStoreVersion();
  const [busy, setBusy] = useState(false);
  const title = article.title || 'Untitled';
  return (
    <button
      type="button"
      className="story__read-toggle"
      data-command="toggle-story-read"
      aria-label={article.read ? `Mark “${title}” as unread` : `Mark “${title}” as read`}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        news.setRead({ id: article.id, read: !article.read }).then(
          () => {
            setBusy(false);
            changed();
          },
          () => setBusy(false),
        );
      }}
    >
      {article.read ? 'Read' : 'Mark read'}
    </button>
  );
}

export function SectionFront({ section }: { section: string | null }) {
  const news = useNews();
  const { changed } = useStoreVersion();
  const [sort, setSort] = useState<ArticleSort>(loadFrontSort);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const paged = usePagedArticles(section, sort);
  // Unread counts after the first page (listSections waits for the store's full read; see usePagedArticles).
  const { data: sections } = useLoad(paged.ready ? 'front-sections' : 'front-sections:later', (n) =>
    paged.ready ? n.listSections() : Promise.resolve([]),
  );
  const path = section ? section.split(' > ') : [];
  const title = section ? path[path.length - 1]! : 'All articles';
  const parents = path.slice(0, -1);

  const [width, setWidth] = useState(0);
  const geometry = gridGeometry(width);
  const gridCount = Math.max(0, paged.count - 1);
  const rows = Math.ceil(gridCount / geometry.columns);
  const win = useWindowedRows({ rows, rowHeight: geometry.rowHeight });
  useLayoutEffect(() => setWidth(win.width), [win.width]);

  const firstIndex = 1 + win.first * geometry.columns;
  const endIndex = Math.min(paged.count, 1 + win.end * geometry.columns);
  useEffect(() => paged.ensure(0, Math.max(endIndex, 1)), []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => paged.ensure(firstIndex, endIndex), [firstIndex, endIndex, paged.ensure]); // eslint-disable-line react-hooks/exhaustive-deps

  const unread = (sections ?? [])
    .filter((s) => section === null || s.key === section || s.key.startsWith(`${section} > `))
    .reduce((n, s) => n + s.unread, 0);
  const lead = paged.at(0);

  // Previous/next in the article view follow this front's loaded stories.
  const ids = paged.loadedIds();
  const idsKey = `${ids.length}:${ids[0] ?? ''}:${ids[ids.length - 1] ?? ''}`;
  useEffect(() => {
    if (ids.length) setReadingOrder({ label: section ?? 'All articles', ids });
  }, [idsKey, section]); // eslint-disable-line react-hooks/exhaustive-deps

  // j/k past the rendered window: scroll the wanted story in, then focus it once it is rendered.
  const rootRef = useStoryFocusRequests(paged.count, (index) => {
    if (index === 0) window.scrollTo({ top: 0 });
    else win.scrollToRow(Math.floor((index - 1) / geometry.columns));
  });

  function chooseSort(next: ArticleSort) {
    setSort(next);
    saveFrontSort(next);
    window.scrollTo({ top: 0 });
  }

  async function markAllRead() {
    setMarking(true);
    setMarkError(null);
    try {
      await news.markAllRead(section === null ? {} : { section });
    } catch (err) {
      setMarkError(`Could not mark everything as read: ${errorMessage(err)}`);
    } finally {
      setMarking(false);
      changed();
    }
  }

  const items = [];
  for (let index = firstIndex; index < endIndex; index++) {
    const slot = index - 1;
    const row = Math.floor(slot / geometry.columns);
    const column = slot % geometry.columns;
    const article = paged.at(index);
    items.push(
      <li
        key={article ? article.id : `slot-${index}`}
        className="front__cell"
        data-story-index={index}
        aria-posinset={index}
        aria-setsize={gridCount}
        style={{ top: row * geometry.rowHeight, left: column * (geometry.columnWidth + geometry.gap), width: geometry.columnWidth, height: geometry.cardHeight }}
      >
        {article ? (
          <>
            <ArticleCard article={article} level={3} hideKickerFor={section} />
            <ReadToggle article={article} />
          </>
        ) : (
          <div className="story story--loading" aria-hidden="true">
            <div className="story__media" />
          </div>
        )}
      </li>,
    );
  }

  return (
    <div className="front" ref={rootRef}>
      <ScreenHeading
        kicker={parents.length > 0 ? parents.join(' › ') : section ? 'Section' : 'Front page'}
        title={title}
        documentTitle={section ?? 'All articles'}
      >
        {paged.ready && paged.count > 0 && (
          <div className="front__bar">
            <p className="front__summary">
              {paged.counted ? formatCount(paged.count) : `${paged.count}+`} {paged.count === 1 ? 'story' : 'stories'}
              {unread > 0 && `, ${formatCount(unread)} unread`}
            </p>
            <div className="front__tools">
              <label className="toolbar-field">
                <span>Sort</span>
                <select value={sort} onChange={(e) => chooseSort(e.target.value === 'oldest' ? 'oldest' : 'newest')}>
                  <option value="newest">Newest first</option>
                  <option value="oldest">Oldest first</option>
                </select>
              </label>
              {unread > 0 && (
                <button type="button" className="button button--quiet button--small" onClick={markAllRead} disabled={marking}>
                  Mark all as read
                </button>
              )}
            </div>
          </div>
        )}
      </ScreenHeading>
      {markError && (
        <p className="notice notice--error" role="alert">
          {markError}
        </p>
      )}
      {paged.error && (
        <p className="notice notice--error" role="alert">
          Articles could not be loaded: {paged.error}
        </p>
      )}
      {!paged.error && paged.ready && paged.count === 0 && (
        <div className="empty">
          <p>No articles here yet.</p>
          <p>
            Add a news site on the <a href={hrefs.sources}>Sources</a> screen, then press “Sync now”.
          </p>
        </div>
      )}
      {lead && (
        <section className="front__lead" aria-label="Lead story" data-story-index={0}>
          <ArticleCard article={lead} variant="lead" level={2} hideKickerFor={section} />
          <ReadToggle article={lead} />
        </section>
      )}
      {/* Not hidden while the first page loads: its width is measured at mount, so the first page
          renders in its final columns at once. */}
      <section aria-label="More stories" hidden={paged.ready && gridCount === 0}>
        <div ref={win.ref} className="front__window" style={{ height: rows * geometry.rowHeight }}>
          <ul className="front__grid">{items}</ul>
        </div>
      </section>
    </div>
  );
}
