/**
 * The bundled first-run edition (assets/first-run): a few short articles about using the app, with
 * generated photos, seeded into a brand-new data folder so the app has something to show with no
 * network at all. edition.json is written by scripts/make-first-run-edition.ts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { urlKey } from './store/ids';
import type { NewsStore } from './store/store';

export const FIRST_RUN_SOURCE_ID = 'first-run';

export interface EditionPhoto {
  /** "<sha256 of the bytes>.jpg" inside the edition's photos/ folder. */
  file: string;
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
}

export interface EditionArticle {
  slug: string;
  url: string;
  sectionPath: string[];
  title: string;
  dek: string;
  byline: string;
  /** ISO 8601 (noon UTC, so the day never shifts). */
  publishedAt: string;
  photo: EditionPhoto;
  paragraphs: string[];
}

export interface Edition {
  schemaVersion: 1;
  sourceTitle: string;
  siteName: string;
  articles: EditionArticle[];
}

const CACHE_NAME = /^[0-9a-f]{64}\.(jpg|png)$/;

export async function readEdition(firstRunDir: string): Promise<Edition> {
  const edition = JSON.parse(await fs.readFile(path.join(firstRunDir, 'edition.json'), 'utf8')) as Edition;
  if (edition.schemaVersion !== 1 || !Array.isArray(edition.articles)) {
    throw new Error(`${firstRunDir}/edition.json is not a first-run edition (schema 1)`);
  }
  return edition;
}

/** Copies the edition's photos into the cache and stores its articles. Returns how many. */
export async function seedFirstRun(store: NewsStore, firstRunDir: string): Promise<number> {
  const edition = await readEdition(firstRunDir);
  for (const article of edition.articles) {
    const file = article.photo.file;
    if (!CACHE_NAME.test(file)) throw new Error(`First-run photo name ${JSON.stringify(file)} is not a cache file name`);
    const bytes = await fs.readFile(path.join(firstRunDir, 'photos', file));
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!file.startsWith(hash)) throw new Error(`First-run photo ${file} does not match its content hash`);
    await fs.writeFile(path.join(store.photosDir, file), bytes);
  }
  for (const article of edition.articles) {
    const bodyHtml = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    await store.upsertArticle({
      keys: [urlKey(article.url)],
      url: article.url,
      canonicalUrl: article.url,
      sourceId: FIRST_RUN_SOURCE_ID,
      sourceTitle: edition.sourceTitle,
      sectionPath: article.sectionPath,
      title: article.title,
      dek: article.dek,
      byline: article.byline,
      publishedAt: article.publishedAt,
      updatedAt: null,
      thumbnail: article.photo.file,
      offline: true,
      photo: { ...article.photo, url: `${article.url}#photo` },
      bodyHtml,
      bodyText: article.paragraphs.join('\n\n'),
      related: [],
      contentSource: 'page',
      siteName: edition.siteName,
      language: 'en',
    });
  }
  await store.markFirstRunSeeded();
  return edition.articles.length;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
