/**
 * Splits a photo caption that carries its credit inline ("Caption. | Photo: X/ @handle",
 * "Caption. Credit: X", "Caption (Reuters)", "Caption. Jane Doe / AFP") into caption and credit.
 * Pure string work, shared by page extraction and feed parsing.
 */

export interface CaptionCredit {
  caption: string;
  credit: string;
}

/** Agencies whose bare name in a caption is a credit. */
const AGENCIES = [
  'Reuters', 'AFP', 'AP', 'AP Photo', 'EPA', 'EPA-EFE', 'EFE', 'Getty Images', 'Getty', 'Bloomberg', 'Xinhua',
  'Anadolu', 'Anadolu Agency', 'dpa', 'ANSA', 'PA', 'PA Wire', 'Shutterstock', 'Alamy', 'Sputnik', 'TASS',
  'Kyodo', 'Yonhap', 'WAFA', 'NurPhoto', 'SOPA Images', 'Zuma Press', 'ZUMA Wire', 'IANS', 'PTI', 'UPI',
];
const AGENCY_RE = AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/** "Photo:", "Photograph:", "Credit:", "Image:", "Picture:", "Foto:", "Photo by", "Photos:" ... */
const LABEL = String.raw`(?:photo(?:graph)?s?|credits?|image|picture|pic|foto|source|illustration)`;

const PIPE_RE = new RegExp(String.raw`^([\s\S]*?)\s*[|｜]\s*(?:${LABEL}\s*(?:by\s*)?[:：]?\s*)?([^|]+)$`, 'i');
const LABELLED_RE = new RegExp(String.raw`^([\s\S]*?)(?:\s+[–—-])?\s+${LABEL}\s*(?:by\s*[:：]?|[:：])\s*([^:：]+)$`, 'i');
const LEADING_LABEL_RE = new RegExp(String.raw`^\s*${LABEL}\s*(?:by\s*[:：]?|[:：])\s*`, 'i');
const PAREN_RE = new RegExp(String.raw`^([\s\S]*?)\s*\(\s*((?:[^()]*\b(?:${AGENCY_RE})\b[^()]*)|(?:${LABEL}\s*(?:by)?\s*[:：]?[^()]+))\)\s*\.?$`, 'i');
const SLASH_AGENCY_RE = new RegExp(String.raw`^([\s\S]*?[.!?])?\s*([^.!?]{0,60}?\/\s*(?:${AGENCY_RE})(?:\s+via\s+[\w ]+)?)\s*\.?$`, 'i');
const DASH_AGENCY_RE = new RegExp(String.raw`^([\s\S]*?)\s+[–—-]\s+((?:${AGENCY_RE})(?:\s*\/\s*[\w .'-]+)?)\s*\.?$`, 'i');

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function stripLabel(credit: string): string {
  return clean(credit.replace(LEADING_LABEL_RE, '')).replace(/\.$/, (dot) => (/\b[A-Z]\.$/.test(credit) ? dot : ''));
}

function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[A-Z\p{Lu}]/u.test(w) || /^(de|da|van|von|al|el|bin|la|le)$/.test(w));
}

export function splitCaptionCredit(text: string): CaptionCredit {
  const whole = clean(text ?? '');
  if (!whole) return { caption: '', credit: '' };

  // "Caption. | Photo: X/ @handle" or "Caption | X"
  const pipe = PIPE_RE.exec(whole);
  if (pipe && pipe[2] && clean(pipe[2]).length <= 120) {
    return { caption: clean(pipe[1] ?? ''), credit: stripLabel(pipe[2]) };
  }
  // "Photo: X" with no caption at all
  if (LEADING_LABEL_RE.test(whole) && whole.replace(LEADING_LABEL_RE, '').length <= 60) {
    return { caption: '', credit: stripLabel(whole) };
  }
  // "Caption. Photograph: X" / "Caption. Credit: X"
  const labelled = LABELLED_RE.exec(whole);
  if (labelled && labelled[2] && clean(labelled[2]).length <= 120) {
    return { caption: clean(labelled[1] ?? ''), credit: stripLabel(labelled[2]) };
  }
  // "Caption (Reuters)" / "Caption (AP Photo/Jane Doe)" / "Caption (Photo: X)"
  const paren = PAREN_RE.exec(whole);
  if (paren && paren[2]) {
    return { caption: clean(paren[1] ?? ''), credit: stripLabel(paren[2]) };
  }
  // "Caption. Jane Doe / AFP" or "Caption / AFP"
  const slash = SLASH_AGENCY_RE.exec(whole);
  if (slash && slash[2]) {
    const credit = clean(slash[2]).replace(/^\/\s*/, '');
    const cut = credit.lastIndexOf('/');
    const before = credit.slice(0, cut).trim();
    // With no sentence before it, "a long lower-case caption / AFP" is caption + agency,
    // while "Jean Martin / AFP" is all credit.
    if (!slash[1] && before && !looksLikeName(before)) {
      return { caption: before, credit: clean(credit.slice(cut + 1)) };
    }
    return { caption: clean(slash[1] ?? ''), credit };
  }
  // "Caption - Reuters"
  const dash = DASH_AGENCY_RE.exec(whole);
  if (dash && dash[2]) return { caption: clean(dash[1] ?? ''), credit: clean(dash[2]) };

  return { caption: whole, credit: '' };
}
