/**
 * The order of the list the reader came from (a section front or Saved), so the article view can
 * offer previous/next and j/k. Kept in sessionStorage so it survives a reload of the window.
 */
const KEY = 'offline-news:reading-order';

export interface ReadingOrder {
  /** Where the list came from, e.g. "News > Palestine", "All articles", "Saved". */
  label: string;
  ids: string[];
}

let current: ReadingOrder | null = null;

export function setReadingOrder(order: ReadingOrder): void {
  current = order;
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(order));
  } catch {
    // storage may be unavailable; the in-memory copy still works
  }
}

export function getReadingOrder(): ReadingOrder | null {
  if (current) return current;
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as ReadingOrder;
    if (parsed && typeof parsed.label === 'string' && Array.isArray(parsed.ids)) current = parsed;
  } catch {
    return null;
  }
  return current;
}

/** The ids before and after `id` in the current order (null at the ends or when it is not listed). */
export function neighbours(order: ReadingOrder | null, id: string): { previous: string | null; next: string | null } {
  const i = order ? order.ids.indexOf(id) : -1;
  if (!order || i < 0) return { previous: null, next: null };
  return { previous: order.ids[i - 1] ?? null, next: order.ids[i + 1] ?? null };
}
