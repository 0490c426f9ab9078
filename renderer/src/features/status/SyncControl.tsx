/** "Sync now" with a progressbar named "Sync progress" while syncing and a status message after. */
import { errorMessage } from '../../api/errors';
import { useEffect, useRef, useState } from 'react';
import type { SyncProgress, SyncSummary } from '../../../../electron/shared/models';
import { useNews } from '../../api/NewsProvider';
import { progressLabel, progressTotals, summaryMessage } from './syncText';
import './status.css';

export function SyncControl() {
  const news = useNews();
  const [syncing, setSyncing] = useState(false);
  const [progress, setProgress] = useState<Map<string, SyncProgress>>(new Map());
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const lastSummary = useRef<string | null>(null);
  const ownSync = useRef(false);

  useEffect(() => {
    const finish = (summary: SyncSummary) => {
      setSyncing(false);
      setProgress(new Map());
      const id = `${summary.startedAt}|${summary.finishedAt}`;
      if (lastSummary.current === id) return;
      lastSummary.current = id;
      setMessage({ text: summaryMessage(summary), failed: summary.sources.some((s) => !s.ok) });
    };
    const offProgress = news.on('sync:progress', (p) => {
      setSyncing(true);
      setProgress((prev) => new Map(prev).set(p.sourceId, p));
    });
    const offFinished = news.on('sync:finished', finish);
    news.getStatus().then(
      (status) => {
        if (status.syncing) setSyncing(true);
      },
      () => undefined,
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, [news]);

  // A sync the host started (on launch, on a timer, when the network came back) may finish before
  // the event stream is connected: while syncing, ask the host now and then whether it still is.
  useEffect(() => {
    if (!syncing || ownSync.current) return;
    const timer = window.setInterval(() => {
      news.getStatus().then(
        (status) => {
          if (!status.syncing && !ownSync.current) {
            setSyncing(false);
            setProgress(new Map());
          }
        },
        () => undefined,
      );
    }, 2000);
    return () => window.clearInterval(timer);
  }, [news, syncing]);

  async function syncNow() {
    ownSync.current = true;
    setSyncing(true);
    setProgress(new Map());
    setMessage(null);
    try {
      const summary = await news.syncNow();
      const id = `${summary.startedAt}|${summary.finishedAt}`;
      setSyncing(false);
      if (lastSummary.current !== id) {
        lastSummary.current = id;
        setMessage({ text: summaryMessage(summary), failed: summary.sources.some((s) => !s.ok) });
      }
    } catch (err) {
      setSyncing(false);
      setMessage({ text: `Sync failed: ${errorMessage(err)}`, failed: true });
    } finally {
      ownSync.current = false;
      setProgress(new Map());
    }
  }

  const totals = progressTotals(progress.values());
  return (
    <div className="sync">
      <button type="button" className="button sync__button"
        data-command="sync" onClick={syncNow} disabled={syncing} aria-disabled={syncing}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
      <div className="sync__state">
        {syncing ? (
          <div className="sync__progress">
            {totals.total > 0 ? (
              <progress aria-label="Sync progress" max={totals.total} value={totals.done} />
            ) : (
              <progress aria-label="Sync progress" />
            )}
            <span className="sync__label">{progressLabel(totals)}</span>
          </div>
        ) : null}
        <p role="status" aria-label="Sync status" className={`sync__message${message?.failed ? ' sync__message--failed' : ''}`}>
          {!syncing && message ? message.text : ''}
        </p>
      </div>
    </div>
  );
}
