/**
 * Writes the bundled first-run edition: assets/first-run/edition.json and its generated photos
 * (assets/first-run/photos/<sha256>.jpg). The articles are original text about using the app.
 * Run: npx tsx scripts/make-first-run-edition.ts  (the output is committed).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Edition, EditionArticle } from '../electron/core/first-run';
import { makeJpeg } from './photo-maker';

const outDir = path.resolve(import.meta.dirname, '../assets/first-run');
const photosDir = path.join(outDir, 'photos');
const BASE = 'https://offline-news.example/guide';
const CREDIT = 'Offline News';

interface Draft extends Omit<EditionArticle, 'url' | 'photo'> {
  photo: { seed: number; caption: string; alt: string };
}

const drafts: Draft[] = [
  {
    slug: 'reading-without-a-connection',
    sectionPath: ['Guide', 'Getting started'],
    title: 'Reading Without a Connection',
    dek: 'Everything you sync stays on this computer, photos included, so the news goes where you go.',
    byline: 'The Offline News team',
    publishedAt: '2026-01-05T12:00:00.000Z',
    photo: { seed: 101, caption: 'A quiet morning read, with no network needed.', alt: 'Generated landscape of green hills under a pale morning sky' },
    paragraphs: [
      'Offline News keeps a full copy of every article it syncs: the headline, the text, the lead photo and the photos inside the story.',
      'When the network goes away, on a train or a plane or in a cabin with no signal, the articles you have already synced open exactly as they did before. An indicator at the top of the window tells you when the app is working offline.',
      'Nothing you read is fetched from the web while you read it. Photos come from a local cache, which also means no tracking pixels and no surprise downloads.',
    ],
  },
  {
    slug: 'saving-articles-for-later',
    sectionPath: ['Guide', 'Tips'],
    title: 'Saving Articles for Later',
    dek: 'One button keeps a story for as long as you want it, whatever happens to the feed.',
    byline: 'The Offline News team',
    publishedAt: '2026-01-06T12:00:00.000Z',
    photo: { seed: 202, caption: 'Saved stories wait for you in their own list.', alt: 'Generated picture of a small town skyline at dusk' },
    paragraphs: [
      'Open any article and press "Save for later". The button changes to "Saved", and the story appears in the Saved list in the navigation.',
      'Saved articles are never removed by clean-ups or by removing their source. They stay, with their photos, until you unsave them.',
      'Press the button again to unsave a story. It then behaves like any other article.',
    ],
  },
  {
    slug: 'adding-your-own-news-sources',
    sectionPath: ['Guide', 'Getting started'],
    title: 'Adding Your Own News Sources',
    dek: 'Paste the address of a news feed, or of a site that offers one, and sync.',
    byline: 'The Offline News team',
    publishedAt: '2026-01-07T12:00:00.000Z',
    photo: { seed: 303, caption: 'Any site with an RSS, Atom or JSON feed can be a source.', alt: 'Generated picture of rolling hills and a bright sun' },
    paragraphs: [
      'Go to Sources, type a feed address or a site address into "Feed or site URL" and press "Add source". When you give a site address, the app looks for the feed the site advertises.',
      'Then press "Sync now". The app fetches the feed, then each new article\'s page and photos. A progress bar shows how far it has got, source by source.',
      'If one source cannot be reached, the others still sync, and the failing one is named with the reason.',
    ],
  },
  {
    slug: 'finding-your-way-around',
    sectionPath: ['Guide', 'Tips'],
    title: 'Finding Your Way Around Sections',
    dek: 'Sections follow the categories each site gives its stories, from the front page down.',
    byline: 'The Offline News team',
    publishedAt: '2026-01-08T12:00:00.000Z',
    photo: { seed: 404, caption: 'Sections mirror the way each site files its stories.', alt: 'Generated picture of a row of houses beneath an evening sky' },
    paragraphs: [
      'The Sections list is built from the categories in your feeds and from the breadcrumbs on article pages, for example "News > City".',
      'Choose a section to see its articles, newest first, with thumbnails. "All articles" shows everything you have synced.',
      'Inside an article, the breadcrumb above the headline shows where the story sits on its site.',
    ],
  },
];

function main(): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(photosDir, { recursive: true });
  const width = 960;
  const height = 600;
  const articles: EditionArticle[] = drafts.map((draft) => {
    const bytes = makeJpeg(width, height, draft.photo.seed);
    const file = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
    fs.writeFileSync(path.join(photosDir, file), bytes);
    return {
      ...draft,
      url: `${BASE}/${draft.slug}`,
      photo: { file, caption: draft.photo.caption, credit: CREDIT, alt: draft.photo.alt, width, height },
    };
  });
  const edition: Edition = { schemaVersion: 1, sourceTitle: 'Offline News', siteName: 'Offline News', articles };
  fs.writeFileSync(path.join(outDir, 'edition.json'), `${JSON.stringify(edition, null, 2)}\n`);
  console.log(`Wrote ${articles.length} articles and their photos to ${path.relative(process.cwd(), outDir)}`);
}

main();
