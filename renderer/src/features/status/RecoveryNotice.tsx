/**
 * Tells the reader when the store found a damaged or missing file and what it did about it
 * (restored the previous copy, rebuilt it from the other files, or will fetch an article again).
 * Notes come at start-up and later (a body found damaged when read, the sync's checks), so the
 * status is read again whenever the store changes; each note is shown until dismissed, once.
 */
import { useEffect, useState } from 'react';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import './status.css';

export function RecoveryNotice() {
  const news = useNews();
  const { version } = useStoreVersion();
  const [notes, setNotes] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    news
      .getStatus()
      .then((status) => live && setNotes(status.recoveryNotes ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [news, version]);
  const shown = notes.filter((note) => !dismissed.has(note));
  if (shown.length === 0) return null;
  return (
    <div className="recovery" role="alert">
      <strong>Your news library was repaired.</strong>
      <ul>
        {shown.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={() => setDismissed(new Set([...dismissed, ...shown]))}>
        Dismiss
      </button>
    </div>
  );
}
