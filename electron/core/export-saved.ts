/**
 * "Export saved": every saved article in one self-contained file the reader can keep, mail or open
 * years later with no network and no app. HTML: inline CSS, a CSP that allows nothing but data:
 * images and that CSS, every photo embedded as a data: URL read from the photo cache (a photo that
 * is not cached is left out, never linked). Markdown: the same articles as clean Markdown (the
 * stored, sanitized HTML converted by html-markdown.ts), photos as reference-style data: images
 * defined at the end of the file so the text stays readable.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Article, ArticleSummary, SavedExport } from '../shared/models';
import { resolveCachedPhoto } from './images/cache';
import { PHOTO_ROUTE } from './images/localize';
import { markdownOf, escapeMarkdown } from './html-markdown';

export type ExportFormat = 'html' | 'markdown';

/** What the export reads (the store has all of it). */
export interface SavedSource {
  readonly photosDir: string;
  listSaved(): ArticleSummary[];
  getArticle(id: string): Promise<Article | null>;
}

export interface ExportOptions {
  now?: Date;
  /** Photos stop being embedded once this many bytes are in (default 200 MB); the rest are left out. */
  maxPhotoBytes?: number;
}

const MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Embeds cached photos as data: URLs, each file read once per export. */
class PhotoEmbedder {
  private readonly urls = new Map<string, string | null>();
  private bytes = 0;
  constructor(
    private readonly photosDir: string,
    private readonly maxBytes: number,
  ) {}

  get count(): number {
    return [...this.urls.values()].filter(Boolean).length;
  }

  async dataUrl(file: string | null | undefined): Promise<string | null> {
    if (!file) return null;
    if (this.urls.has(file)) return this.urls.get(file)!;
    const full = resolveCachedPhoto(this.photosDir, file);
    const mime = MIME[path.extname(file).slice(1).toLowerCase()];
    let url: string | null = null;
    if (full && mime) {
      const data = await fs.readFile(full).catch(() => null);
      if (data && this.bytes + data.length <= this.maxBytes) {
        this.bytes += data.length;
        url = `data:${mime};base64,${data.toString('base64')}`;
      }
    }
    this.urls.set(file, url);
    return url;
  }
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "16 February 2024", in the calendar date the ISO string itself is written in. */
export function writtenDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  const when = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(iso);
  return Number.isNaN(when.getTime()) ? null : longDate.format(when);
}

function datesLine(a: Article): string {
  const parts: string[] = [];
  const published = writtenDate(a.publishedAt);
  const updated = writtenDate(a.updatedAt);
  const saved = writtenDate(a.savedAt);
  if (published) parts.push(`Published ${published}`);
  if (updated && updated !== published) parts.push(`Updated ${updated}`);
  if (saved) parts.push(`Saved ${saved}`);
  return parts.join(' · ');
}

const creditText = (credit: string) => credit.replace(/^\s*(?:photo|image|picture)\s*(?:credit)?\s*[:|-]\s*/i, '').trim();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body with cached photos embedded, uncached ones removed, and nothing that could load. */
async function exportBodyDocument(html: string, photos: PhotoEmbedder) {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const body = document.body;
  for (const el of Array.from(body.querySelectorAll('script,style,iframe,object,embed,link,meta,source,base,form'))) el.remove();
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    const file = src.startsWith(PHOTO_ROUTE) ? src.slice(PHOTO_ROUTE.length) : null;
    const url = await photos.dataUrl(file);
    if (!url) {
      // Not in the cache: leave a note in its place (inside a figure the caption stays).
      const note = document.createElement('span');
      note.setAttribute('class', 'missing-photo');
      note.textContent = img.getAttribute('alt') ? `[Photo not stored: ${img.getAttribute('alt')}]` : '[Photo not stored]';
      img.replaceWith(note);
      continue;
    }
    for (const name of img.getAttributeNames()) if (!['alt', 'width', 'height', 'title'].includes(name)) img.removeAttribute(name);
    img.setAttribute('src', url);
  }
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) {
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name.startsWith('data-')) el.removeAttribute(name);
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:)/i.test(href)) el.removeAttribute('href');
      else el.setAttribute('rel', 'noopener noreferrer');
    }
  }
  return body;
}

async function htmlArticle(a: Article, photos: PhotoEmbedder): Promise<string> {
  const parts: string[] = [`<article id="article-${escapeHtml(a.id)}">`];
  if (a.sectionPath.length) parts.push(`<p class="kicker">${escapeHtml(a.sectionPath.join(' › '))}</p>`);
  parts.push(`<h2>${escapeHtml(a.title || 'Untitled')}</h2>`);
  if (a.dek) parts.push(`<p class="dek">${escapeHtml(a.dek)}</p>`);
  if (a.byline) parts.push(`<p class="byline">${escapeHtml(a.byline)}</p>`);
  const dates = datesLine(a);
  if (dates) parts.push(`<p class="dates">${escapeHtml(dates)}</p>`);
  const original = a.canonicalUrl || a.url;
  const source = escapeHtml(a.siteName || a.sourceTitle);
  parts.push(`<p class="source">${source}${/^https?:/i.test(original) ? ` · <a href="${escapeHtml(original)}" rel="noopener noreferrer">Original article</a>` : ''}</p>`);
  if (a.photo) {
    const url = await photos.dataUrl(a.photo.file);
    const caption = a.photo.caption.trim();
    const credit = creditText(a.photo.credit);
    parts.push('<figure class="lead">');
    parts.push(url ? `<img src="${url}" alt="${escapeHtml(a.photo.alt || caption)}">` : '<span class="missing-photo">[Photo not stored]</span>');
    if (caption || credit) {
      parts.push(`<figcaption>${caption ? `<span class="caption">${escapeHtml(caption)}</span>` : ''}${credit ? `<span class="credit">Photo: ${escapeHtml(credit)}</span>` : ''}</figcaption>`);
    }
    parts.push('</figure>');
  }
  const body = await exportBodyDocument(a.bodyHtml || `<p>${escapeHtml(a.bodyText)}</p>`, photos);
  parts.push(`<div class="body">${body.innerHTML}</div>`, '</article>');
  return parts.join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --ink: #1a1a1a; --muted: #5f5f5f; --rule: #d9d4cc; --paper: #fffdf9; --accent: #9b1c1c; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece8e1; --muted: #a9a39a; --rule: #3b3834; --paper: #171614; --accent: #f08a7e; } }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.125rem/1.65 Georgia, 'Times New Roman', serif; }
main { max-width: 70ch; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4, .kicker, .byline, .dates, .source, figcaption, nav { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.9rem; line-height: 1.15; margin: .25rem 0 .5rem; }
nav ol { padding-left: 1.25rem; font-size: .95rem; }
article { border-top: 2px solid var(--ink); margin-top: 3rem; padding-top: 1.25rem; }
.kicker { color: var(--accent); text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; font-weight: 700; margin: 0; }
.dek { font-size: 1.25rem; color: var(--muted); margin: .25rem 0 .75rem; }
.byline { font-weight: 600; margin: 0; font-size: .95rem; }
.dates, .source { color: var(--muted); margin: 0; font-size: .85rem; }
figure { margin: 1.5rem 0; }
img { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .4rem; }
figcaption .caption, figcaption .credit { display: block; }
figcaption .credit { text-transform: uppercase; letter-spacing: .05em; font-size: .72rem; }
.missing-photo { display: block; color: var(--muted); font-style: italic; }
a { color: var(--accent); }
blockquote { border-left: 3px solid var(--rule); margin-left: 0; padding-left: 1rem; color: var(--muted); }
table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: .25rem .5rem; }
`;

async function htmlExport(articles: Article[], photos: PhotoEmbedder, now: Date): Promise<string> {
  const toc = articles.map((a) => `<li><a href="#article-${escapeHtml(a.id)}">${escapeHtml(a.title || 'Untitled')}</a></li>`).join('\n');
  const bodies: string[] = [];
  for (const a of articles) bodies.push(await htmlArticle(a, photos));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Saved articles · Offline News</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Saved articles</h1>
<p class="dates">${articles.length} ${articles.length === 1 ? 'article' : 'articles'} exported from Offline News on ${writtenDate(now.toISOString())}.</p>
${articles.length ? `<nav aria-label="Contents"><ol>\n${toc}\n</ol></nav>` : '<p>Nothing was saved.</p>'}
</header>
${bodies.join('\n')}
</main>
</body>
</html>
`;
}

async function markdownExport(articles: Article[], photos: PhotoEmbedder, now: Date): Promise<string> {
  const refs: string[] = [];
  const refFor = new Map<string, string>();
  const ref = (dataUrl: string) => {
    let name = refFor.get(dataUrl);
    if (!name) {
      name = `photo-${refFor.size + 1}`;
      refFor.set(dataUrl, name);
      refs.push(`[${name}]: ${dataUrl}`);
    }
    return name;
  };
  const out: string[] = ['# Saved articles', '', `${articles.length} ${articles.length === 1 ? 'article' : 'articles'} exported from Offline News on ${writtenDate(now.toISOString())}.`];
  for (const a of articles) {
    out.push('', '---', '');
    if (a.sectionPath.length) out.push(`*${escapeMarkdown(a.sectionPath.join(' › '))}*`, '');
    out.push(`## ${escapeMarkdown(a.title || 'Untitled')}`, '');
    if (a.dek) out.push(`**${escapeMarkdown(a.dek)}**`, '');
    const meta = [a.byline ? escapeMarkdown(a.byline) : '', datesLine(a)].filter(Boolean).join(' · ');
    if (meta) out.push(meta, '');
    const original = a.canonicalUrl || a.url;
    const source = escapeMarkdown(a.siteName || a.sourceTitle);
    out.push(/^https?:/i.test(original) ? `${source} · [Original article](<${original}>)` : source, '');
    if (a.photo) {
      const url = await photos.dataUrl(a.photo.file);
      const caption = a.photo.caption.trim();
      const credit = creditText(a.photo.credit);
      out.push(url ? `![${escapeMarkdown(a.photo.alt || caption)}][${ref(url)}]` : '*[Photo not stored]*');
      if (caption) out.push(`*${escapeMarkdown(caption)}*`);
      if (credit) out.push(`Photo: ${escapeMarkdown(credit)}`);
      out.push('');
    }
    const body = await exportBodyDocument(a.bodyHtml || `<p>${escapeHtml(a.bodyText)}</p>`, photos);
    out.push(markdownOf(body, { image: (src) => (src.startsWith('data:') ? ref(src) : null), headingOffset: 1 }));
  }
  if (refs.length) out.push('', '<!-- Photos, embedded so the file works offline -->', '', ...refs);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The saved articles (most recently saved first) as one self-contained file. */
export async function exportSaved(source: SavedSource, format: ExportFormat, options: ExportOptions = {}): Promise<SavedExport> {
  const now = options.now ?? new Date();
  const photos = new PhotoEmbedder(source.photosDir, options.maxPhotoBytes ?? 200 * 2 ** 20);
  const articles: Article[] = [];
  for (const summary of source.listSaved()) {
    const article = await source.getArticle(summary.id);
    if (article) articles.push(article);
  }
  const day = now.toISOString().slice(0, 10);
  const content = format === 'html' ? await htmlExport(articles, photos, now) : await markdownExport(articles, photos, now);
  return {
    fileName: `saved-articles-${day}.${format === 'html' ? 'html' : 'md'}`,
    mimeType: format === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8',
    content,
    articles: articles.length,
    photos: photos.count,
  };
}
