/**
 * The one rule for leaving the app: only http, https and mailto URLs may be handed to the system
 * (shell.openExternal). Everything else (file:, smb:, javascript:, ms-msdt:, custom schemes,
 * relative or malformed URLs, credentials in the URL) is refused. Pure: no electron import.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 4096;

/** True when `url` may be opened in the system browser / mail client. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  // Leading/trailing whitespace or control characters are a classic scheme-smuggling trick.
  if (url !== url.trim() || /[\u0000-\u001f\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  // http(s): a real host, no user:password@ (used to disguise the destination).
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}
