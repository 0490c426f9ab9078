/**
 * The one rule for leaving the app: only http, https and mailto URLs may be handed to the system
 * (Electron's shell.openExternal, the browser host's system-browser launcher). Everything else
 * (file:, smb:, javascript:, ms-msdt:, custom schemes, relative or malformed URLs, credentials in
 * the URL) is refused. A mailto: link is handed over as its addresses and subject only: attach=,
 * body=, cc=, bcc= and any other header a page put in it are dropped (attach= makes some mail
 * clients attach a local file), and line breaks are taken out of the subject (header injection).
 * Pure: no imports.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 4096;
const MAX_SUBJECT = 300;
/** One plain address: no spaces, quotes, brackets, separators or percent signs left in it. */
const PLAIN_ADDRESS = /^[^\s@<>()",;:\\[\]?#&%/]+@[A-Za-z0-9.-]+$/;

/** The URL to hand to the system for `url`, or null when it may not leave the app. */
export function externalUrlToOpen(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  // Leading/trailing whitespace or control characters are a classic scheme-smuggling trick.
  if (url !== url.trim() || /[\u0000-\u001f\u007f]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:') return plainMailto(parsed);
  // http(s): a real host, no user:password@ (used to disguise the destination).
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '' ? url : null;
}

/** True when `url` may be opened in the system browser / mail client (see externalUrlToOpen). */
export function isAllowedExternalUrl(url: unknown): url is string {
  return externalUrlToOpen(url) !== null;
}

function plainMailto(parsed: URL): string | null {
  let addresses: string[];
  try {
    addresses = decodeURIComponent(parsed.pathname).split(',').map((a) => a.trim()).filter(Boolean);
  } catch {
    return null;
  }
  if (addresses.length === 0 || addresses.length > 10 || !addresses.every((a) => PLAIN_ADDRESS.test(a))) return null;
  let subject = '';
  for (const [name, value] of parsed.searchParams) {
    if (name.toLowerCase() === 'subject') {
      subject = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_SUBJECT);
      break;
    }
  }
  return `mailto:${addresses.join(',')}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`;
}
