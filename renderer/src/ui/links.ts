/** Which links may leave the app (to the system browser), and where an in-app link points. */

/** True for an absolute http(s) or mailto URL (what openExternal accepts). */
export function isExternalUrl(href: string | null | undefined): href is string {
  if (!href) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Compares two article URLs loosely (trailing slash, hash, case of host). */
export function sameUrl(a: string, b: string): boolean {
  const norm = (s: string) => {
    try {
      const u = new URL(s);
      u.hash = '';
      return u.href.replace(/\/$/, '');
    } catch {
      return s.trim();
    }
  };
  return norm(a) === norm(b);
}
