/**
 * The toast list as plain data: what a toast says (title, optional message, details shown on
 * demand, an optional link), how long it stays, and the pure steps that add, replace and remove
 * toasts. The React side (Toasts.tsx) only renders this and runs the timers.
 */

export type ToastKind = 'info' | 'error';

export interface ToastDetail {
  /** What the line is about, e.g. a source's title. */
  label: string;
  /** The words, e.g. the error. */
  text: string;
}

export interface ToastInput {
  /** A toast with the same key replaces the earlier one (e.g. "sync": one sync report at a time). */
  key?: string;
  kind?: ToastKind;
  title: string;
  message?: string;
  /** Shown only after "Details" is pressed. */
  details?: ToastDetail[];
  /** A same-origin hash link, e.g. { href: '#/sources', label: 'Open Sources' }. */
  link?: { href: string; label: string };
  /** Milliseconds before it hides itself (paused while hovered, focused or expanded); null = stays. */
  timeoutMs?: number | null;
}

export interface Toast {
  id: number;
  key: string | null;
  kind: ToastKind;
  title: string;
  message: string;
  details: ToastDetail[];
  link: { href: string; label: string } | null;
  timeoutMs: number | null;
}

/** At most this many toasts at once; the oldest goes first. */
export const MAX_TOASTS = 3;

/** Errors stay longer than plain news: they may need reading. */
export function defaultTimeout(kind: ToastKind): number {
  return kind === 'error' ? 15_000 : 6_000;
}

export function makeToast(input: ToastInput, id: number): Toast {
  const kind = input.kind ?? 'info';
  return {
    id,
    key: input.key ?? null,
    kind,
    title: input.title,
    message: input.message ?? '',
    details: input.details ?? [],
    link: input.link ?? null,
    timeoutMs: input.timeoutMs === undefined ? defaultTimeout(kind) : input.timeoutMs,
  };
}

/** Adds a toast at the end; drops an earlier one with the same key and the oldest beyond the cap. */
export function addToast(list: readonly Toast[], toast: Toast, max: number = MAX_TOASTS): Toast[] {
  const kept = toast.key === null ? [...list] : list.filter((t) => t.key !== toast.key);
  kept.push(toast);
  return kept.slice(Math.max(0, kept.length - max));
}

export function removeToast(list: readonly Toast[], id: number): Toast[] {
  return list.filter((t) => t.id !== id);
}

export function removeToastByKey(list: readonly Toast[], key: string): Toast[] {
  return list.filter((t) => t.key !== key);
}
