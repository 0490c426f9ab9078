/** The fronts' sort order (newest or oldest first), remembered in localStorage across restarts. */
import type { ArticleSort } from '../../../../electron/shared/models';

const KEY = 'offline-news:front-sort';

export function parseSort(raw: string | null): ArticleSort {
  return raw === 'oldest' ? 'oldest' : 'newest';
}

export function loadFrontSort(): ArticleSort {
  try {
    return parseSort(window.localStorage.getItem(KEY));
  } catch {
    return 'newest';
  }
}

export function saveFrontSort(sort: ArticleSort): void {
  try {
    window.localStorage.setItem(KEY, sort);
  } catch {
    // storage unavailable: the choice holds for this window only
  }
}
