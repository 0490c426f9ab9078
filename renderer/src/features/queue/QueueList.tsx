/**
 * The offline queue (#/queue): links the reader opened while offline that were not stored. The next
 * sync fetches each one and saves it (it then leaves this list and shows in Saved); a failed try
 * stays here with its reason.
 */
import { useLoad } from '../../api/useLoad';
import { hrefs } from '../../routing/routes';
import { formatLongDateTime, formatRelative } from '../../ui/format/dates';
import { ScreenHeading } from '../../ui/ScreenHeading';
import './queue.css';

/** "127.0.0.1:8080 › /articles/harbour.html" style label for a link without a title. */
export function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : ` › ${decodeURIComponent(u.pathname)}`}`;
  } catch {
    return url;
  }
}

export function QueueList() {
  const { data, error, loading } = useLoad('queue', (news) => news.listQueue());
  const queue = data ?? [];
  return (
    <div className="queue">
      <ScreenHeading kicker="Asked for while offline" title="Offline queue">
        <p className="screen-heading__note">
          The next sync fetches these articles and keeps them in <a href={hrefs.saved}>Saved</a>.
        </p>
      </ScreenHeading>
      {error && (
        <p className="notice notice--error" role="alert">
          The queue could not be loaded: {error}
        </p>
      )}
      {!loading && !error && queue.length === 0 && (
        <div className="empty">
          <p>Nothing queued. Links to articles that are not stored, opened while offline, wait here for the next sync.</p>
        </div>
      )}
      {queue.length > 0 && (
        <ul className="queue__list" aria-label="Queued links">
          {queue.map((item) => (
            <li key={item.url} className="queue__item">
              <p className="queue__title">{item.title || linkLabel(item.url)}</p>
              <p className="queue__meta">
                Queued{' '}
                <time dateTime={item.queuedAt} title={formatLongDateTime(item.queuedAt) ?? undefined}>
                  {formatRelative(item.queuedAt) ?? item.queuedAt}
                </time>
                <span aria-hidden="true"> · </span>
                {item.lastError ? (
                  <span className="queue__state queue__state--failed">Last try failed: {item.lastError}. Tried again next sync.</span>
                ) : (
                  <span className="queue__state">Waiting for the next sync</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
