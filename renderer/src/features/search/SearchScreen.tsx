/**
 * The Search screen (#/search?q=…): the count, filters (section, saved only) and the results, each
 * with its headline and snippet highlighted, section, source and date. j/k/o move through and open
 * results (data-story-link); an article opened from here steps through the results.
 */
import { useEffect, useState } from 'react';
import type { SearchResults } from '../../../../electron/shared/models';
import { useLoad } from '../../api/useLoad';
import { hrefs, type SearchParams } from '../../routing/routes';
import { formatLongDate } from '../../ui/format/dates';
import { setReadingOrder } from '../../ui/readingOrder';
import { APP_NAME } from '../../ui/ScreenHeading';
import { Highlighted } from './highlight';
import './search.css';

const PAGE = 30;

function replaceQuery(next: SearchParams) {
  window.location.replace(hrefs.search(next));
}

export function SearchScreen({ query }: { query: SearchParams }) {
  const [limit, setLimit] = useState(PAGE);
  // While the index is still loading (ready: false) the results are asked again every second.
  const [attempt, setAttempt] = useState(0);
  // The box shows its new state at once; the route (hashchange) follows a moment later.
  const [savedOnly, setSavedOnly] = useState(query.saved);
  useEffect(() => setSavedOnly(query.saved), [query.saved]);
  const [sectionKey, setSectionKey] = useState(query.section);
  useEffect(() => setSectionKey(query.section), [query.section]);
  const text = query.text.trim();
  const key = `${hrefs.search(query)}|${limit}|${attempt}`;
  const { data, error, loading } = useLoad<SearchResults | null>(key, (news) =>
    text ? news.search({ text, section: query.section || undefined, saved: query.saved || undefined, limit }) : Promise.resolve(null),
  );
  const { data: sections } = useLoad('sections', (news) => news.listSections());

  useEffect(() => setLimit(PAGE), [query.text, query.section, query.saved]);
  useEffect(() => {
    if (!data || data.ready) return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  }, [data]);
  useEffect(() => {
    document.title = `${text ? `Search: ${text}` : 'Search'} · ${APP_NAME}`;
  }, [text]);
  useEffect(() => {
    if (data) setReadingOrder({ label: 'Search results', ids: data.hits.map((h) => h.article.id) });
  }, [data]);

  const filtered = query.section !== '' || query.saved;
  return (
    <div className="search">
      <header className="screen-heading">
        <p className="screen-heading__kicker">Search</p>
        <h1 tabIndex={-1}>{text ? <>Results for “{text}”</> : 'Search stored articles'}</h1>
      </header>
      <div className="search__filters" role="group" aria-label="Filters">
        <label className="search__filter">
          <span>Section</span>
          <select
            value={sectionKey}
            onChange={(e) => {
              setSectionKey(e.target.value);
              replaceQuery({ ...query, section: e.target.value });
            }}
          >
            <option value="">All sections</option>
            {(sections ?? []).map((s) => (
              <option key={s.key} value={s.key}>
                {s.path.join(' › ')}
              </option>
            ))}
            {query.section && !(sections ?? []).some((s) => s.key === query.section) && <option value={query.section}>{query.section}</option>}
          </select>
        </label>
        <label className="search__filter search__filter--check">
          <input
            type="checkbox"
            checked={savedOnly}
            onChange={(e) => {
              setSavedOnly(e.target.checked);
              replaceQuery({ ...query, saved: e.target.checked });
            }}
          />
          <span>Saved only</span>
        </label>
      </div>
      <p className="search__status" role="status">
        {statusText(text, data, loading)}
      </p>
      {data && !data.ready && <p className="notice">The search index is still being prepared; results may be incomplete.</p>}
      {data?.anyWord && <p className="notice">No article has all of these words; showing articles with any of them.</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          Search failed: {error}
        </p>
      )}
      {!text && (
        <div className="empty">
          <p>Type in the search box to find stored articles by headline, standfirst, byline or text. Press “/” from anywhere to get there.</p>
        </div>
      )}
      {data && data.total === 0 && !loading && (
        <div className="empty">
          <p>
            No stored article matches “{text}”.{filtered ? ' Try all sections, or without “Saved only”.' : ' Check the spelling, or try fewer words.'}
          </p>
        </div>
      )}
      {data && data.hits.length > 0 && (
        <ol className="search__results">
          {data.hits.map(({ article, terms, snippet }) => (
            <li key={article.id} className="search-hit">
              <h2 className="search-hit__headline">
                <a href={hrefs.article(article.id)} data-story-link="">
                  <Highlighted text={article.title || 'Untitled'} terms={terms} />
                </a>
              </h2>
              <p className="search-hit__meta">
                {article.sectionPath.length > 0 && <span className="search-hit__section">{article.sectionPath.join(' › ')}</span>}
                <span>{article.sourceTitle}</span>
                {article.publishedAt && <time dateTime={article.publishedAt}>{formatLongDate(article.publishedAt)}</time>}
                {article.saved && <span className="search-hit__saved">Saved</span>}
              </p>
              {snippet && (
                <p className="search-hit__snippet">
                  <Highlighted text={snippet} terms={terms} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {data && data.total > data.hits.length && limit < 500 && (
        <button type="button" className="button" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
          Show more results
        </button>
      )}
    </div>
  );
}

function statusText(text: string, data: SearchResults | null | undefined, loading: boolean): string {
  if (!text) return '';
  if (!data) return loading ? 'Searching…' : '';
  const n = data.total;
  const shown = data.hits.length < n ? ` (showing ${data.hits.length})` : '';
  return `${n === 0 ? 'No' : n.toLocaleString('en-GB')} ${n === 1 ? 'article' : 'articles'} found${shown}`;
}
