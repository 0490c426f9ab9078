/**
 * New-articles desktop notification (issue 7): after each sync, if the user chose sections in
 * Settings (off by default) and the run added articles there, show one system notification built by
 * the core's pure newArticlesNotification(). Clicking it brings the window forward and opens the
 * first new article: the hooks open it in the window, or, when the window was closed (macOS keeps
 * the app running), in a new window that starts on that article.
 * A notification the system could not show ('failed', Electron docs api/notification.md
 * "Event: 'failed'" _macOS, Windows_: e.g. an unsigned build or notifications turned off) is logged in
 * plain words; nothing else depends on it.
 */
import { Notification } from 'electron';
import { newArticlesNotification } from '../core/notify';
import type { NewsService } from '../core/types';

export interface NotificationHooks {
  /** Shows and focuses the main window on this article (creating the window there if needed). */
  openArticle(id: string): void;
  /** Where a failed notification is reported (default console.error). */
  log?(message: string): void;
}

/** Subscribes to sync:finished; returns the unsubscribe function. */
export function notifyOnNewArticles(news: NewsService, hooks: NotificationHooks): () => void {
  // Kept referenced until clicked or replaced, so the click handler is not garbage-collected.
  let shown: Notification | null = null;
  return news.on('sync:finished', (summary) => {
    void (async () => {
      if (!summary.newArticles?.length || !Notification.isSupported()) return;
      const settings = await news.api.getSettings();
      const note = newArticlesNotification(summary.newArticles, settings.notifySections ?? []);
      if (!note) return;
      shown?.close();
      const notification = new Notification({ title: note.title, body: note.body, silent: false });
      notification.on('click', () => {
        hooks.openArticle(note.firstArticleId);
        if (shown === notification) shown = null;
      });
      notification.on('failed', (_event, error) => {
        (hooks.log ?? console.error)(`The new-articles notification could not be shown: ${String(error)}`);
        if (shown === notification) shown = null;
      });
      shown = notification;
      notification.show();
    })().catch((error: unknown) => console.error('New-articles notification failed:', error));
  });
}
