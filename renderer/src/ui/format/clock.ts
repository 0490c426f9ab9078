/**
 * Moments of this app's own life (last sync, next scheduled sync, next retry), shown in the
 * reader's local time: "14:05" today, "29 Nov, 14:05" on another day. Article dates use dates.ts,
 * which keeps the wall time the article was written in instead.
 */
// Made on first use, not when the bundle loads: the first Intl formatter of a page costs 60-180 ms
// of ICU start-up in Chromium, which the first front should not wait for.
let formats: { time: Intl.DateTimeFormat; dayAndTime: Intl.DateTimeFormat; full: Intl.DateTimeFormat } | null = null;
function clockFormats() {
  formats ??= {
    time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }),
    dayAndTime: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }),
    full: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }),
  };
  return formats;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" when the moment is today (local time), else "29 Nov, 14:05"; null for a missing or bad value. */
export function formatClock(iso: string | null | undefined, now: number = Date.now()): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  const { time, dayAndTime } = clockFormats();
  return sameLocalDay(date, new Date(now)) ? time.format(date) : dayAndTime.format(date);
}

/** "28 November 2026 at 14:05" in local time, for title attributes. */
export function formatFullClock(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : clockFormats().full.format(new Date(t));
}
