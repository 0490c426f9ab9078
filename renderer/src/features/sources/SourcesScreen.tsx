/** Sources: add by feed or site URL; every feed with its facts and its Rename / Move / Remove
 * (SourceItem); OPML import and export (OpmlPanel). */
import { errorMessage } from '../../api/errors';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { OpmlPanel } from './OpmlPanel';
import { SourceItem } from './SourceItem';
import { sectionChoices } from './sourceText';
import './sources.css';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function SourcesScreen() {
  const news = useNews();
  const { changed } = useStoreVersion();
  const { data, error } = useLoad('sources', (n) => n.listSources());
  const [url, setUrl] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sections = useLoad('sources-sections', (n) => n.listSections());
  const sources = data ?? [];
  const choices = useMemo(() => sectionChoices(sections.data ?? [], null), [sections.data]);
  // Relative times ("5 minutes ago") and back-off ends stay true while the screen is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  async function add(event: FormEvent) {
    event.preventDefault();
    const value = url.trim();
    if (!value) {
      setAddError('Enter the address of a feed or a news site.');
      return;
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    setAdding(true);
    setAddError(null);
    setMessage(null);
    try {
      const source = await news.addSource({ url: withScheme });
      setUrl('');
      const name = source.title && source.title !== hostOf(source.url) ? `${source.title} (${source.url})` : source.url;
      setMessage(`Added ${name}. Its articles arrive with the next sync.`);
      changed();
    } catch (err) {
      setAddError(errorMessage(err));
    } finally {
      setAdding(false);
    }
  }

  return (
    <div className="sources">
      <ScreenHeading kicker="Where the news comes from" title="Sources" />
      <form className="sources__add" onSubmit={add} noValidate>
        <label htmlFor="source-url">Feed or site URL</label>
        <div className="sources__add-row">
          <input
            id="source-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/feed.xml"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={addError ? true : undefined}
            aria-describedby={addError ? 'source-url-error' : 'source-url-hint'}
          />
          <button type="submit" className="button" disabled={adding}>
            {adding ? 'Adding…' : 'Add source'}
          </button>
        </div>
        <p id="source-url-hint" className="sources__hint">
          A feed (RSS, Atom, JSON Feed) or a site’s home page; the feed is found for you.
        </p>
        {addError && (
          <p id="source-url-error" className="notice notice--error" role="alert">
            {addError}
          </p>
        )}
      </form>
      <OpmlPanel />
      <p className="sources__message" role="status" aria-label="Sources status">
        {message ?? ''}
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          Sources could not be loaded: {error}
        </p>
      )}
      {data && sources.length === 0 && <p className="empty">No sources yet.</p>}
      {sources.length > 0 && (
        <ul className="sources__list" aria-label="Your sources">
          {sources.map((s) => (
            <SourceItem key={s.id} source={s} sectionChoices={choices} now={now} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </div>
  );
}
