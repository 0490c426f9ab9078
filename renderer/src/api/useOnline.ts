/**
 * Whether the app is online, as the offline banner and link handling see it: the host's view
 * (getStatus, connectivity events; the browser host counts a sync that reached no site as offline)
 * and the browser's own navigator.onLine; with the host's last and next scheduled sync.
 */
import { useEffect, useState } from 'react';
import { useNews, useStoreVersion } from './NewsProvider';

export function useOnline(): { online: boolean; lastSyncAt: string | null; nextSyncAt: string | null } {
  const news = useNews();
  const { version } = useStoreVersion();
  const [hostOnline, setHostOnline] = useState(true);
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  const [lastSyncAt, setLastSyncAt] = useState<string | null>(null);
  const [nextSyncAt, setNextSyncAt] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    news.getStatus().then(
      (status) => {
        if (cancelled) return;
        setHostOnline(status.online);
        setLastSyncAt(status.lastSyncAt);
        setNextSyncAt(status.nextSyncAt ?? null);
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

  return { online: hostOnline && browserOnline, lastSyncAt, nextSyncAt };
}
