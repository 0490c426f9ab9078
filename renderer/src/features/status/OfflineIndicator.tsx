/**
 * The offline banner: a role=status "Offline" with when the last sync was, shown while the host
 * reports no network (connectivity events) or the browser itself is offline.
 */
import { useEffect, useState } from 'react';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { formatLongDateTime, formatRelative } from '../../ui/format/dates';
import './status.css';

export function OfflineIndicator() {
  const news = useNews();
  const { version } = useStoreVersion();
  const [hostOnline, setHostOnline] = useState(true);
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  const [lastSyncAt, setLastSyncAt] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    news.getStatus().then(
      (status) => {
        if (cancelled) return;
        setHostOnline(status.online);
        setLastSyncAt(status.lastSyncAt);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [news, version]);

  useEffect(() => news.on('connectivity', ({ online }) => setHostOnline(online)), [news]);

  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  if (hostOnline && browserOnline) return null;
  const when = formatRelative(lastSyncAt);
  return (
    <div className="offline" role="status" aria-label="Offline">
      <strong className="offline__title">Offline</strong>
      <span className="offline__detail">
        {' '}
        — reading stored articles.{' '}
        {when ? (
          <>
            Last synced <time dateTime={lastSyncAt ?? undefined} title={formatLongDateTime(lastSyncAt) ?? undefined}>{when}</time>.
          </>
        ) : (
          'Not synced yet.'
        )}
      </span>
    </div>
  );
}
