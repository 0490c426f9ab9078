/**
 * Publish dates as pages write them -> ISO 8601 without moving the day: a full timestamp keeps
 * its own offset ("2024-02-16T00:30:00+02:00" stays as written), a date alone stays a date
 * ("16 February 2024" -> "2024-02-16"). Returns null rather than guessing.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function month(name: string): number | null {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? null;
}

/** Normalizes a machine or human date string; null when it is not a date. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  // ISO date or timestamp: keep as written (normalizing the separator and seconds; " UTC" is Z, "+01" is "+01:00").
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(s);
  if (iso) {
    const day = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day) return null;
    if (iso[4] === undefined) return day;
    const z = iso[8]?.toUpperCase();
    const zone = !z ? '' : z === 'Z' || z === 'UTC' || z === 'GMT' ? 'Z' : z.length === 3 ? `${z}:00` : z.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return `${day}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${iso[7] ?? ''}${zone}`;
  }
  // A machine date followed by something unreadable ("2018-11-28CET11:59:00+0100"): the day alone.
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})(?=[^\d])/.exec(s);
  if (isoDay) return validDate(Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3]));
  // RFC 2822 "Fri, 16 Feb 2024 09:30:00 +0200": keep the writer's own offset.
  const rfc = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{4})\b/i.exec(s);
  if (rfc) {
    const m = month(rfc[2]!);
    const day = m ? validDate(Number(rfc[3]), m, Number(rfc[1])) : null;
    if (day) {
      const z = rfc[7]!.toUpperCase();
      const zone = /^[+-]/.test(z) ? `${z.slice(0, 3)}:${z.slice(3)}` : 'Z';
      return `${day}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${zone}`;
    }
  }
  // "16 February 2024", "Friday, 16 February 2024"
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (dmy) {
    const m = month(dmy[2]!);
    if (m) return validDate(Number(dmy[3]), m, Number(dmy[1]));
  }
  // "February 16, 2024"
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (mdy) {
    const m = month(mdy[1]!);
    if (m) return validDate(Number(mdy[3]), m, Number(mdy[2]));
  }
  // "2024/2/16" or "2024.02.16"
  const ymd = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (ymd) return validDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  // RFC 2822 and other forms Date understands, when they carry a zone: convert to UTC ISO.
  if (/\b(GMT|UTC|Z|[+-]\d{4})\b/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

const LABELS = {
  published: '(?:published|posted|first published)(?: on)?',
  updated: '(?:updated|last updated|modified)(?: on)?',
} as const;
const LABEL_AT = {
  published: new RegExp(`\\b${LABELS.published}`, 'gi'),
  updated: new RegExp(`\\b${LABELS.updated}`, 'gi'),
};
const LABELLED = {
  published: new RegExp(`^${LABELS.published}\\s*:?\\s*([^\\n|]{6,60})`, 'i'),
  updated: new RegExp(`^${LABELS.updated}\\s*:?\\s*([^\\n|]{6,60})`, 'i'),
};
/** Raw text read after a label: plenty for `label : <60 chars>` once whitespace is collapsed. */
const WINDOW = 1500;

/**
 * Finds "Published 16 February 2024" (or "Updated ...") in page text: the first label whose
 * following text (whitespace collapsed, a date split over lines joined) reads as a date field.
 * Only the text right after each label is normalized, not the whole page.
 */
export function dateFromLabelledText(text: string, label: 'published' | 'updated'): string | null {
  const at = LABEL_AT[label];
  at.lastIndex = 0;
  for (let m = at.exec(text); m; m = at.exec(text)) {
    const window = text.slice(m.index, m.index + WINDOW).replace(/[ \t\r]+/g, ' ').replace(/\n\s*(?=\d|[A-Z][a-z]+ \d)/g, ' ');
    const found = LABELLED[label].exec(window);
    if (found) return normalizeDate(found[1]!);
  }
  return null;
}
