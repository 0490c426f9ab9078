/**
 * Export: `npm run export -- --data-dir DIR` prints every stored article as a JSON array (newest
 * first) with its body, section path, photo (absolute file path on disk, or null, and the URL it
 * came from), every photo of its body (inlinePhotos) and related links.
 */
import path from 'node:path';
import type { Article } from '../shared/models';
import { NewsStore } from '../core/store/store';
import { runCli, type CommandSpec } from './args';
import { inlinePhotosOf, type ExportedInlinePhoto } from './export-photos';

const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'Prints every stored article of the data folder as JSON.',
  flags: {
    'data-dir': { type: 'string', required: true, placeholder: 'DIR', description: 'Data folder to read' },
  },
};

export interface ExportedArticle {
  id: string;
  url: string;
  canonicalUrl: string;
  source: string;
  sourceId: string;
  sectionPath: string[];
  title: string;
  dek: string;
  byline: string;
  publishedAt: string | null;
  updatedAt: string | null;
  photo: { file: string | null; sourceUrl: string; caption: string; credit: string; alt: string } | null;
  /** Every photo the body shows, in order, traceable to where it came from. */
  inlinePhotos: ExportedInlinePhoto[];
  bodyText: string;
  bodyHtml: string;
  related: { title: string; url: string; articleId: string | null }[];
  saved: boolean;
  read: boolean;
  offline: boolean;
  contentSource: 'page' | 'feed';
}

function toExported(article: Article, photosDir: string): ExportedArticle {
  return {
    id: article.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    source: article.sourceTitle,
    sourceId: article.sourceId,
    sectionPath: article.sectionPath,
    title: article.title,
    dek: article.dek,
    byline: article.byline,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    photo: article.photo
      ? {
          file: article.photo.file ? path.join(photosDir, article.photo.file) : null,
          sourceUrl: article.photo.url,
          caption: article.photo.caption,
          credit: article.photo.credit,
          alt: article.photo.alt,
        }
      : null,
    inlinePhotos: inlinePhotosOf(article.bodyHtml, photosDir),
    bodyText: article.bodyText,
    bodyHtml: article.bodyHtml,
    related: article.related.map((r) => ({ title: r.title, url: r.url, articleId: r.articleId })),
    saved: article.saved,
    read: article.read,
    offline: article.offline,
    contentSource: article.contentSource,
  };
}

await runCli(exportCommand, async (flags) => {
  const dataDir = path.resolve(flags['data-dir'] as string);
  if (!(await NewsStore.holdsData(dataDir))) {
    process.stderr.write(`export: ${dataDir} holds no store (no index.json); run sync first\n`);
    return 1;
  }
  const store = await NewsStore.open(dataDir);
  try {
    await store.whenLoaded();
    for (const note of store.recoveryNotes) process.stderr.write(`warning: ${note.message}\n`);
    const told = store.recoveryNotes.length;
    const out: ExportedArticle[] = [];
    for (const summary of store.listArticles({})) {
      const article = await store.getArticle(summary.id);
      if (article) out.push(toExported(article, store.photosDir));
    }
    // Damage found while reading the bodies (each told once).
    for (const note of store.recoveryNotes.slice(told)) process.stderr.write(`warning: ${note.message}\n`);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
});
