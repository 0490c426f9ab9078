/** Same-origin URL of a cached photo; null for anything that is not a plain cache file name. */
const PHOTO_FILE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?$/;

export function photoUrl(file: string | null | undefined): string | null {
  if (!file || !PHOTO_FILE.test(file)) return null;
  return `/photos/${file}`;
}

/** Drops a leading "Photo:" so the credit line never reads "Photo: Photo: …". */
export function creditText(credit: string): string {
  return credit.replace(/^\s*(?:photo|image|picture)\s*(?:credit)?\s*[:|-]\s*/i, '').trim();
}
