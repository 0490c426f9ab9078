/**
 * URL helpers for extraction and sanitizing: resolve a raw attribute value against the page URL
 * and accept it only when its scheme is allowed (whitespace, control and format characters that
 * browsers or attackers use to hide "javascript:" are judged strictly), and srcset parsing.
 */

const HIDDEN_CHARS = /[\p{Cc}\p{Cf}\p{Z}\s]+/gu;

/**
 * Absolute URL for `raw` resolved against `base`, or null when it is empty, unparseable or its
 * scheme is not in `schemes` (default http/https). Any scheme-like prefix hidden behind
 * whitespace/control/format characters (e.g. "&#x2000;javascript:") is refused outright.
 */
export function resolveUrl(raw: string | null | undefined, base: string, schemes: readonly string[] = ['http:', 'https:']): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const squeezed = trimmed.replace(HIDDEN_CHARS, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  if (scheme && !schemes.includes(`${scheme[1]!.toLowerCase()}:`)) return null;
  if (squeezed !== trimmed.replace(/\s+/g, '') && scheme) return null; // hidden chars around a scheme
  if (/^[\p{Cc}\p{Cf}\p{Z}]/u.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (!schemes.includes(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
  return url.href;
}

export interface SrcsetCandidate {
  url: string;
  /** "640w", "2x" or "" */
  descriptor: string;
}

/** Splits a srcset value into candidates (URLs may contain commas only when not followed by space). */
export function parseSrcset(value: string | null | undefined): SrcsetCandidate[] {
  if (!value) return [];
  const out: SrcsetCandidate[] = [];
  const re = /\s*([^\s,][^\s]*?)(?:,(?=\s)|,$|\s+([^,]*?)\s*(?:,|$)|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) && m[0] !== '') {
    let url = m[1]!;
    let descriptor = (m[2] ?? '').trim();
    if (url.endsWith(',')) url = url.slice(0, -1);
    if (!/^(\d+(\.\d+)?[wx]|\d+h)?$/i.test(descriptor)) descriptor = descriptor.split(/\s+/)[0] ?? '';
    out.push({ url, descriptor });
    if (re.lastIndex >= value.length) break;
  }
  return out;
}

/** Largest candidate by width ("w") or density ("x"); a bare URL counts as 1x. */
export function bestSrcsetCandidate(candidates: SrcsetCandidate[]): SrcsetCandidate | null {
  let best: SrcsetCandidate | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(c.descriptor);
    // widths and densities are not comparable; assume 1x ~ 400w
    const score = m ? (m[2]!.toLowerCase() === 'w' ? Number(m[1]) : Number(m[1]) * 400) : 400;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
