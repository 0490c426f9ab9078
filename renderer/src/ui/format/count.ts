/**
 * Whole numbers for people in the app's locale (en-GB): "50,000". Written out by hand rather than
 * with toLocaleString: a page's first Intl number format costs tens of ms of ICU start-up in
 * Chromium, and the first front shows its story count right after it paints.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
