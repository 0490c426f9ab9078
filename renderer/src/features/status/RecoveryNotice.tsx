/**
 * Tells the reader when the store found a damaged file at start-up and what it did about it
 * (restored the previous copy, or set the file aside). Shown once per run until dismissed.
 */
import { useEffect, useState } from 'react';
import { useNews } from '../../api/NewsProvider';
import './status.css';

export function RecoveryNotice() {
  const news = useNews();
  const [notes, setNotes] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    news
      .getStatus()
      .then((status) => live && setNotes(status.recoveryNotes ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [news]);
  if (notes.length === 0) return null;
  return (
    <div className="recovery" role="alert">
      <strong>Your news library was repaired at start-up.</strong>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={() => setNotes([])}>
        Dismiss
      </button>
    </div>
  );
}
