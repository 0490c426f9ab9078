/**
 * The offline banner: a role=status "Offline" with when the last sync was, shown while the host
 * reports no network (connectivity events) or the browser itself is offline.
 */
import { formatLongDateTime, formatRelative } from '../../ui/format/dates';
import { useOnline } from './useOnline';
import './status.css';

export function OfflineIndicator() {
  const { online, lastSyncAt } = useOnline();
  if (online) return null;
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
