/**
 * The offline banner: a role=status "Offline" saying when the last sync was and, when the host
 * schedules syncs, when the next one is due; shown while the host reports no network
 * (connectivity events) or the browser itself is offline. The relative time is kept fresh.
 */
import { useEffect, useState } from 'react';
import { formatClock, formatFullClock } from '../../ui/format/clock';
import { formatRelative } from '../../ui/format/dates';
import { useOnline } from '../../api/useOnline';
import './status.css';

export function OfflineIndicator() {
  const { online, lastSyncAt, nextSyncAt } = useOnline();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (online) return;
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [online]);
  if (online) return null;
  const when = formatRelative(lastSyncAt, now);
  const next = nextSyncAt && Date.parse(nextSyncAt) > now ? formatClock(nextSyncAt, now) : null;
  return (
    <div className="offline" role="status" aria-label="Offline">
      <strong className="offline__title">Offline</strong>
      <span className="offline__detail">
        {' '}
        — reading stored articles.{' '}
        {when ? (
          <>
            Last synced <time dateTime={lastSyncAt ?? undefined} title={formatFullClock(lastSyncAt) ?? undefined}>{when}</time>.
          </>
        ) : (
          'Not synced yet.'
        )}
        {next && (
          <>
            {' '}
            Next sync at <time className="offline__next" dateTime={nextSyncAt ?? undefined} title={formatFullClock(nextSyncAt) ?? undefined}>{next}</time>.
          </>
        )}
      </span>
    </div>
  );
}
