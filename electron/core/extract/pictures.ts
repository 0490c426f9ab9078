/**
 * Telling pictures apart: the same picture in another rendition ("photo-300x200.jpg", "?w=70",
 * "/resize/70x70/photo.jpg" vs "photo.jpg"), and declared images that are no photo of the story
 * (the site's logo, a placeholder, a blank pixel). Pure URL work.
 */

const NOT_A_PHOTO = /(^|[/_.-])(logo|logos|placeholder|default[-_]?(image|img|share|og|thumb)?|blank|spacer|favicon|sprite|no[-_]?(image|img|photo|picture)|fallback|dummy|transparent|pixel|1x1|avatar|gravatar|icon|apple-touch-icon|share[-_]?image|social[-_]?share|og[-_]default)([/_.-]|\d|$)/i;

/** The picture's own name: last path segment, sizes and rendition marks removed, no extension. */
export function pictureKey(url: string): string {
  let name: string;
  try {
    const u = new URL(url);
    name = u.pathname.split('/').filter(Boolean).pop() ?? '';
    try {
      name = decodeURIComponent(name);
    } catch {
      // a stray "%" in the name: keep it as written
    }
  } catch {
    return '';
  }
  return name
    .toLowerCase()
    .replace(/\.(jpe?g|png|gif|webp|avif)$/, '')
    .replace(/([-_.@](\d{2,4}x\d{2,4}|\d{2,4}w|\d(\.\d)?x|scaled|thumb(nail)?|small|medium|large|big|square|crop(ped)?|resized?))+$/, '')
    .replace(/^(\d{2,4}x\d{2,4}|thumb|small|medium|large)[-_]/, '');
}

/** Same picture: same host and path, or same picture name (at least 5 characters) in another rendition. */
export function samePicture(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    if (ua.host === ub.host && ua.pathname === ub.pathname) return true;
  } catch {
    return a === b;
  }
  const ka = pictureKey(a);
  return ka.length >= 5 && ka === pictureKey(b);
}

/** A declared image that is the site's logo, a placeholder or a pixel, not a photo of the story. */
export function isLogoOrPlaceholder(url: string, logos: string[] = [], width: number | null = null, height: number | null = null): boolean {
  if (logos.some((logo) => samePicture(logo, url))) return true;
  if (width !== null && height !== null && width < 200 && height < 200) return true;
  try {
    const u = new URL(url);
    if (u.protocol === 'data:') return true;
    const segments = u.pathname.split('/').filter(Boolean);
    const file = segments.pop() ?? '';
    return NOT_A_PHOTO.test(`/${file}`) || segments.some((s) => /^(logos?|placeholders?|icons?|avatars?|sprites?|brand(ing)?)$/i.test(s));
  } catch {
    return true;
  }
}

/**
 * The width a rendition's URL announces, when it does: "?w=70", "&width=150", "photo-150x150.jpg",
 * "photo_rdax_60.jpg", "/70x70/photo.jpg"; null when the URL says nothing.
 */
export function widthHint(url: string): number | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const query = u.searchParams.get('w') ?? u.searchParams.get('width') ?? u.searchParams.get('resize')?.split(/[,x]/)[0] ?? null;
  if (query && /^\d{2,4}$/.test(query)) return Number(query);
  const m = /[-_/](\d{2,4})x\d{2,4}(?=[._/-]|$)/.exec(u.pathname) ?? /[-_](\d{2,3})(?=\.(jpe?g|png|gif|webp|avif)$)/i.exec(u.pathname);
  return m ? Number(m[1]) : null;
}

/** Smallest width that counts as a photo rather than a thumbnail when a larger rendition is known. */
export const MIN_PHOTO_WIDTH = 300;
