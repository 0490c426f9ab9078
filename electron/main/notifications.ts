/**
 * New-articles desktop notification (issue 7): after each sync, if the user chose sections in
 * Settings (off by default) and the run added articles there, show one system notification built by
 * the core's pure newArticlesNotification(). Clicking it brings the window forward and opens the
 * first new article (a `menu:command` 'open-article' event the page carries out).
 */
import { Notification } from 'electron';
import { newArticlesNotification } from '../core/notify';
import type { NewsService } from '../core/types';

export interface NotificationHooks {
  /** Shows and focuses the main window (creating it if needed). */
  focusWindow(): void;
  /** Tells the page to open this article. */
  openArticle(id: string): void;
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
        hooks.focusWindow();
        hooks.openArticle(note.firstArticleId);
        if (shown === notification) shown = null;
      });
      shown = notification;
      notification.show();
    })().catch((error: unknown) => console.error('New-articles notification failed:', error));
  });
}
