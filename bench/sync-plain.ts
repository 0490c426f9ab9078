/**
 * The plain pipeline of the sync bench: what anyone could write from the same libraries in an
 * afternoon. feedsmith for each feed, then 8 pages in flight: fetch, @mozilla/readability over
 * linkedom, the lead photo only (og:image, else the first <img> of Readability's content) fetched
 * and stored as <sha256>.jpg, and every article written at the end into one JSON file. An article
 * is offline-ready when it has text and its lead photo is stored. Runs in its own process
 * (bench/sync-side.ts), so the figures are its own.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';

export const PLAIN_PAGES_IN_FLIGHT = 8;

interface PlainArticle {
  url: string;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  html: string;
  text: string;
  photo: { url: string; file: string | null } | null;
}

/** Syncs `feeds` feeds of the bench site into `dir`; returns offline-ready and total articles. */
export async function runPlainPipeline(origin: string, feeds: number, dir: string): Promise<{ articles: number; offline: number }> {
  const photosDir = path.join(dir, 'photos');
  await mkdir(photosDir, { recursive: true });
  const items: { link: string; title: string; published: string | null }[] = [];
  for (let f = 0; f < feeds; f++) {
    const { feed } = parseFeed(await (await fetch(`${origin}/feeds/${f}.rss`)).text());
    for (const item of (feed as { items?: { link?: string; title?: string; pubDate?: string }[] }).items ?? []) {
      if (item.link) items.push({ link: item.link, title: item.title ?? '', published: item.pubDate ?? null });
    }
  }
  const articles: PlainArticle[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        articles.push(await syncOne(item, photosDir));
      } catch {
        // a failed page is simply missing from the output
      }
    }
  };
  await Promise.all(Array.from({ length: PLAIN_PAGES_IN_FLIGHT }, worker));
  await writeFile(path.join(dir, 'articles.json'), JSON.stringify(articles));
  return { articles: articles.length, offline: articles.filter((a) => a.text && a.photo?.file).length };
}

async function syncOne(item: { link: string; title: string; published: string | null }, photosDir: string): Promise<PlainArticle> {
  const res = await fetch(item.link);
  const html = await res.text();
  const { document } = parseHTML(html);
  const ogImage = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? null;
  const parsed = new Readability(document as unknown as Document).parse();
  const firstImg = parsed?.content ? /<img\b[^>]*?\ssrc="([^"]+)"/i.exec(parsed.content)?.[1] ?? null : null;
  const leadUrl = ogImage ? new URL(ogImage, res.url).href : firstImg ? new URL(firstImg, res.url).href : null;
  let photo: PlainArticle['photo'] = null;
  if (leadUrl) {
    photo = { url: leadUrl, file: null };
    try {
      const r = await fetch(leadUrl);
      if (r.ok) {
        const bytes = Buffer.from(await r.arrayBuffer());
        const file = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
        await writeFile(path.join(photosDir, file), bytes);
        photo.file = file;
      }
    } catch {
      // photo missing: the article is not offline-ready
    }
  }
  return {
    url: res.url,
    title: parsed?.title || item.title,
    byline: parsed?.byline ?? null,
    publishedAt: parsed?.publishedTime ?? item.published,
    html: parsed?.content ?? '',
    text: parsed?.textContent?.trim() ?? '',
    photo,
  };
}
