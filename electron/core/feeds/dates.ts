/**
 * Lenient date parsing for feed and page dates.
 *
 * Accepts RFC 822/2822 (named zones such as EST, PDT, GMT, CEST; two-digit years), ISO 8601
 * (with or without seconds, fractions, "Z", "+01", "+0100", "+01:00"), and the sloppy forms real
 * feeds publish: "Sat, Dec 16 2023 02:02:33 PM", "2020/1/10 14:28:00", "16 February 2024",
 * "February 16, 2024 at 9:15 am", "16.02.2024 10:00".
 *
 * Output keeps the publisher's own calendar day and clock: "2023-12-16T14:02:33-05:00", or
 * "2024-02-16" for a date without a time (so it is never shifted into the 15th by a time zone).
 * A time with no zone is taken as UTC ("...Z"). The first ten characters are always the day as
 * published. Compare instants with `dateToTime`, not by string order. Anything unreadable or out of
 * range gives null: never the current time.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'weds', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);

/** Named zones, in minutes east of UTC. IST is taken as India (the commoner one in news feeds). */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, west: 60, bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120,
  eet: 120, eest: 180, msk: 180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  jst: 540, kst: 540, hkt: 480, sgt: 480, pht: 480, wib: 420, awst: 480, acst: 570, acdt: 630,
  aest: 600, aedt: 660, nzst: 720, nzdt: 780, sast: 120, cat: 120, eat: 180, wat: 60,
};

const FILLER = new Set(['at', 'on', 'the', 'of', 'de', 'um', 'le']);

interface Parts {
  year: number;
  month: number;
  day: number;
  time: { hour: number; minute: number; second: number; millis: number } | null;
  /** Minutes east of UTC, or null when none was given. */
  offset: number | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year; // RFC 2822 §4.3
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "+05:30", "-0800", "+01", "+1" -> minutes, or null. */
function parseNumericOffset(text: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function format(parts: Parts): string | null {
  const { year, month, day, time, offset } = parts;
  if (!Number.isInteger(year) || year < 1800 || year > 2999) return null;
  if (!(month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return date;
  const { hour, minute, millis } = time;
  const second = Math.min(time.second, 59); // leap second
  if (hour > 23 || minute > 59 || second > 59) return null;
  let zone = 'Z';
  if (offset !== null && offset !== 0) {
    const abs = Math.abs(offset);
    zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  const fraction = millis ? `.${pad(millis, 3)}` : '';
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}`;
}

const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?)?)?$/i;

function parseIso(text: string): string | null | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let offset: number | null = null;
  if (zone) offset = /^[zug]/i.test(zone) ? 0 : parseNumericOffset(zone);
  if (zone && offset === null) return null;
  return format({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    time: h === undefined ? null : { hour: Number(h), minute: Number(mi), second: Number(s ?? 0), millis: frac ? Math.round(Number(`0.${frac}`) * 1000) % 1000 : 0 },
    offset,
  });
}

/** Token-based reading of everything that is not plain ISO 8601. */
function parseLoose(text: string): string | null {
  let rest = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ') // "(CET)" comments
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, ' ');

  let time: Parts['time'] = null;
  // Time: 14:28, 02:02:33, 9:15.5, optionally "pm"/"p.m.".
  const timeMatch = /(?:^|\s|t)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([ap])?\.?(?:m\.?)?(?=\s|$|[+-]|z\b)/.exec(rest);
  if (timeMatch) {
    let hour = Number(timeMatch[1]);
    const meridiem = timeMatch[5];
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      if (meridiem === 'a' && hour === 12) hour = 0;
      if (meridiem === 'p' && hour !== 12) hour += 12;
    }
    const frac = timeMatch[4];
    time = { hour, minute: Number(timeMatch[2]), second: Number(timeMatch[3] ?? 0), millis: frac ? Math.round(Number(`0.${frac}`) * 1000) % 1000 : 0 };
    rest = `${rest.slice(0, timeMatch.index)} ${rest.slice(timeMatch.index + timeMatch[0].length)}`;
  }

  let offset: number | null = null;
  let year: number;
  let month: number | null = null;
  let day: number;
  const numbers: { value: number; digits: number; afterMonth: boolean }[] = [];
  let dateSeparated: number[] | null = null;

  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const word = token.replace(/\.$/, '');
    if (WEEKDAYS.has(word) || FILLER.has(word)) continue;
    if (word in MONTHS && month === null) {
      month = MONTHS[word]!;
      continue;
    }
    const zoneWithOffset = /^(gmt|utc|ut)?([+-]\d{1,2}(?::?\d{2})?)$/.exec(word);
    if (zoneWithOffset && (zoneWithOffset[1] || numbers.length + (dateSeparated ? 3 : 0) >= 2 || time)) {
      const parsed = parseNumericOffset(zoneWithOffset[2]!);
      if (parsed === null) return null;
      offset = parsed;
      continue;
    }
    if (word in ZONES) {
      offset = ZONES[word]!;
      continue;
    }
    const sep = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(word);
    if (sep && !dateSeparated) {
      dateSeparated = [Number(sep[1]), Number(sep[2]), Number(sep[3]), sep[1]!.length, sep[3]!.length];
      continue;
    }
    // "Feb-16-2024" / "16-Feb-2024"
    const named = /^(\d{1,2})?-?([a-z]+)-(\d{2,4})$/.exec(word);
    if (named && named[2]! in MONTHS && month === null) {
      month = MONTHS[named[2]!]!;
      if (named[1]) numbers.push({ value: Number(named[1]), digits: named[1].length, afterMonth: false });
      numbers.push({ value: Number(named[3]), digits: named[3]!.length, afterMonth: true });
      continue;
    }
    if (/^\d{1,4}$/.test(word)) {
      numbers.push({ value: Number(word), digits: word.length, afterMonth: month !== null });
      continue;
    }
    return null; // unknown word: refuse rather than guess
  }

  if (dateSeparated) {
    const [a, b, c, aDigits, cDigits] = dateSeparated as [number, number, number, number, number];
    if (aDigits === 4) [year, month, day] = [a, b, c]; // 2020/1/10
    else if (cDigits === 4 || cDigits === 2) {
      // 16.02.2024 or 02/16/2024: day first unless that cannot be a month-first date.
      if (a > 12) [day, month] = [a, b];
      else if (b > 12) [month, day] = [a, b];
      else [day, month] = [a, b]; // ambiguous: most of the world writes day first
      year = expandYear(c, cDigits);
    } else return null;
  } else {
    if (month === null) return null;
    const four = numbers.find((n) => n.digits === 4);
    if (four) {
      year = four.value;
      const others = numbers.filter((n) => n !== four);
      if (others.length !== 1) return null;
      day = others[0]!.value;
    } else if (numbers.length === 2) {
      // "16 Dec 23" (day before month) or "Dec 16 23" (day right after month).
      const [first, second] = numbers as [(typeof numbers)[0], (typeof numbers)[0]];
      day = first.value;
      year = expandYear(second.value, second.digits);
    } else return null;
  }

  return format({ year: year!, month: month!, day: day!, time, offset });
}

/** Parse a feed or page date leniently; ISO 8601 string (see the module comment) or null. */
export function parseFeedDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return null;
  const iso = parseIso(text);
  if (iso !== undefined) return iso;
  return parseLoose(text);
}

/** Milliseconds since the epoch for a value from parseFeedDate (date-only = that day 00:00 UTC). */
export function dateToTime(iso: string | null): number | null {
  if (!iso) return null;
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(time) ? null : time;
}
