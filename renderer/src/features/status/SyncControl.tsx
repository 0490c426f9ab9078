/**
 * "Sync now" with a progressbar named "Sync progress" and a "Cancel sync" button while syncing, a
 * status message after, and a toast ("2 sources could not be synced", reasons under "Details")
 * when sources failed. Syncs the host starts itself (launch, timer, network back) show the same.
 */
import { errorMessage } from '../../api/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncProgress, SyncSummary } from '../../../../electron/shared/models';
import { useNews } from '../../api/NewsProvider';
import { hrefs } from '../../routing/routes';
import { useToasts } from '../../ui/toasts/Toasts';
import { failureToast, progressLabel, progressTotals, summaryMessage, wasCancelled } from './syncText';
import './status.css';

export function SyncControl() {
  const news = useNews();
  const toasts = useToasts();
  const [syncing, setSyncing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<Map<string, SyncProgress>>(new Map());
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const lastSummary = useRef<string | null>(null);
  const cancellingRef = useRef(false);
  cancellingRef.current = cancelling;
  const ownSync = useRef(false);
  const syncButton = useRef<HTMLButtonElement>(null);
  /** Set when "Cancel sync" is pressed: focus returns to "Sync now" once the run has ended. */
  const refocus = useRef(false);

  /** Shows a run's outcome once (the event and syncNow's answer both bring it). */
  const report = useCallback(
    (summary: SyncSummary) => {
      const id = `${summary.startedAt}|${summary.finishedAt}`;
      if (lastSummary.current === id) return;
      lastSummary.current = id;
      const failures = failureToast(summary);
      const text = summaryMessage(summary);
      // A host that ends a cancelled run without marking its sources still gets the word.
      const cancelledByUs = cancellingRef.current && !summary.sources.some(wasCancelled);
      setMessage({ text: cancelledByUs ? `Sync cancelled. ${text}` : text, failed: failures !== null });
      if (failures) {
        toasts.show({ key: 'sync', kind: 'error', ...failures, link: { href: hrefs.sources, label: 'Open Sources' } });
      } else {
        toasts.dismissKey('sync');
      }
    },
    [toasts],
  );

  useEffect(() => {
    const offProgress = news.on('sync:progress', (p) => {
      setSyncing(true);
      setProgress((prev) => new Map(prev).set(p.sourceId, p));
    });
    const offFinished = news.on('sync:finished', (summary) => {
      setSyncing(false);
      setCancelling(false);
      setProgress(new Map());
      report(summary);
    });
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
  }, [news, report]);

  // A sync the host started (on launch, on a timer, when the network came back) may finish before
  // the event stream is connected: while syncing, ask the host now and then whether it still is.
  useEffect(() => {
    if (!syncing || ownSync.current) return;
    const timer = window.setInterval(() => {
      news.getStatus().then(
        (status) => {
          if (!status.syncing && !ownSync.current) {
            setSyncing(false);
            setCancelling(false);
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
    setCancelling(false);
    setProgress(new Map());
    setMessage(null);
    try {
      report(await news.syncNow());
    } catch (err) {
      const text = cancellingRef.current ? 'Sync cancelled.' : `Sync failed: ${errorMessage(err)}`;
      setMessage({ text, failed: !cancellingRef.current });
      if (!cancellingRef.current) toasts.show({ key: 'sync', kind: 'error', title: 'Sync failed', message: errorMessage(err) });
    } finally {
      ownSync.current = false;
      setSyncing(false);
      setCancelling(false);
      setProgress(new Map());
    }
  }

  useEffect(() => {
    if (syncing || !refocus.current) return;
    refocus.current = false;
    syncButton.current?.focus();
  }, [syncing]);

  async function cancel() {
    refocus.current = true;
    setCancelling(true);
    cancellingRef.current = true;
    try {
      const stopped = await news.cancelSync();
      if (!stopped) setCancelling(false);
    } catch (err) {
      setCancelling(false);
      toasts.show({ kind: 'error', title: 'The sync could not be cancelled', message: errorMessage(err) });
    }
  }

  const totals = progressTotals(progress.values());
  return (
    <div className="sync">
      <button ref={syncButton} type="button" className="button sync__button"
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
            <span className="sync__label">{cancelling ? 'Cancelling…' : progressLabel(totals)}</span>
            <button type="button" className="button button--quiet button--small sync__cancel" onClick={cancel} disabled={cancelling}>
              {cancelling ? 'Cancelling…' : 'Cancel sync'}
            </button>
          </div>
        ) : null}
        <p role="status" aria-label="Sync status" className={`sync__message${message?.failed ? ' sync__message--failed' : ''}`}>
          {!syncing && message ? message.text : ''}
        </p>
      </div>
    </div>
  );
}
