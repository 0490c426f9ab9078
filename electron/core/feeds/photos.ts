/**
 * Candidate photos of a feed item from Media RSS (media:content, media:group, media:thumbnail with
 * media:description / media:title / media:credit), RSS enclosures, Atom rel="enclosure" links and
 * JSON Feed image / banner_image / attachments. Full-size images come first, in document order;
 * thumbnails only when nothing larger is offered. URLs are absolute http(s) and unique.
 */
import type { MediaNs } from 'feedsmith';
import type { CandidatePhoto } from '../types';
import { htmlToText, resolveHttpUrl } from './text';

type Media = MediaNs.ItemOrFeed;
type MediaContent = MediaNs.Content;
type MediaCommon = Pick<MediaNs.ItemOrFeed, 'title' | 'description' | 'credits' | 'thumbnails'>;

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:$|[?#])/i;

export interface LinkedImage {
  url?: string;
  type?: string;
  title?: string;
  width?: number;
  height?: number;
}

function dimension(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 100_000 ? Math.round(value) : null;
}

/** True when a media:content / enclosure is an image (by medium, MIME type, or file extension). */
function isImage(medium: string | undefined, type: string | undefined, url: string): boolean {
  const m = medium?.trim().toLowerCase();
  if (m) return m === 'image';
  const t = type?.trim().toLowerCase();
  if (t) return t.startsWith('image/');
  return IMAGE_EXTENSION.test(url);
}

function mediaText(value: { value?: string; type?: string } | undefined): string {
  if (!value || typeof value.value !== 'string') return '';
  return htmlToText(value.value);
}

function creditText(credits: MediaNs.Credit[] | undefined): string {
  if (!Array.isArray(credits)) return '';
  const names = credits.map((credit) => (typeof credit?.value === 'string' ? htmlToText(credit.value) : '')).filter(Boolean);
  return [...new Set(names)].join(', ');
}

/** First non-empty text among the levels, innermost first. */
function firstText(levels: (MediaCommon | undefined)[], pick: (level: MediaCommon) => string): string {
  for (const level of levels) {
    if (!level) continue;
    const text = pick(level);
    if (text) return text;
  }
  return '';
}

class PhotoList {
  readonly photos: CandidatePhoto[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly base: string) {}

  add(rawUrl: unknown, fields: Partial<Omit<CandidatePhoto, 'url'>>): void {
    const url = resolveHttpUrl(rawUrl, this.base);
    if (!url || this.seen.has(url)) return;
    this.seen.add(url);
    const caption = fields.caption ?? '';
    this.photos.push({
      url,
      caption,
      credit: fields.credit ?? '',
      alt: fields.alt || caption,
      width: fields.width ?? null,
      height: fields.height ?? null,
    });
  }
}

function addMediaContents(list: PhotoList, contents: MediaContent[] | undefined, outer: (MediaCommon | undefined)[]): void {
  if (!Array.isArray(contents)) return;
  for (const content of contents) {
    if (!content || typeof content.url !== 'string') continue;
    if (!isImage(content.medium, content.type, content.url)) continue;
    const levels = [content, ...outer];
    const title = firstText(levels, (level) => mediaText(level.title));
    const description = firstText(levels, (level) => mediaText(level.description));
    list.add(content.url, {
      caption: description || title,
      credit: firstText(levels, (level) => creditText(level.credits)),
      alt: title,
      width: dimension(content.width),
      height: dimension(content.height),
    });
  }
}

function addThumbnails(list: PhotoList, holder: MediaCommon | undefined, outer: (MediaCommon | undefined)[]): void {
  if (!holder || !Array.isArray(holder.thumbnails)) return;
  const levels = [holder, ...outer];
  for (const thumb of holder.thumbnails) {
    if (!thumb || typeof thumb.url !== 'string') continue;
    const title = firstText(levels, (level) => mediaText(level.title));
    list.add(thumb.url, {
      caption: firstText(levels, (level) => mediaText(level.description)) || title,
      credit: firstText(levels, (level) => creditText(level.credits)),
      alt: title,
      width: dimension(thumb.width),
      height: dimension(thumb.height),
    });
  }
}

export interface PhotoSources {
  media?: Media;
  /** RSS enclosures and Atom rel="enclosure" links. */
  enclosures?: LinkedImage[];
  /** JSON Feed image / banner_image / image attachments, already known to be images. */
  images?: LinkedImage[];
}

/** Candidate photos for one item, resolved against `base`. */
export function collectPhotos(sources: PhotoSources, base: string): CandidatePhoto[] {
  const list = new PhotoList(base);
  const media = sources.media && typeof sources.media === 'object' ? sources.media : undefined;

  addMediaContents(list, media?.contents, [media]);
  for (const group of Array.isArray(media?.groups) ? media.groups : []) {
    addMediaContents(list, group?.contents, [group, media]);
  }
  for (const enclosure of sources.enclosures ?? []) {
    if (typeof enclosure?.url !== 'string' || !isImage(undefined, enclosure.type, enclosure.url)) continue;
    list.add(enclosure.url, { caption: enclosure.title ? htmlToText(enclosure.title) : '' });
  }
  for (const image of sources.images ?? []) {
    if (typeof image?.url !== 'string') continue;
    list.add(image.url, {
      caption: image.title ? htmlToText(image.title) : '',
      width: dimension(image.width),
      height: dimension(image.height),
    });
  }

  if (list.photos.length === 0) {
    // Thumbnails are small copies of the lead photo: use them only when nothing larger exists.
    addThumbnails(list, media, []);
    for (const group of Array.isArray(media?.groups) ? media.groups : []) addThumbnails(list, group, [media]);
    for (const content of Array.isArray(media?.contents) ? media.contents : []) addThumbnails(list, content, [media]);
  }
  return list.photos;
}
