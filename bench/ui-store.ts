/**
 * A large generated data folder for the reading UI (e2e/reading.spec.ts and `npm run bench -- ui`):
 * n articles over 40 sources and 8 sections, one a day-ish going back in time (story 0 is the
 * newest), real generated JPEG photos (scripts/photo-maker.ts) in the cache, bodies with an inline
 * figure (caption + credit); feeds point at a closed loopback port and scheduled sync is off, so
 * nothing ever reaches a network, written straight in the store's layout (index.json, summaries/<day>.json,
 * articles/<id>.json, photos/) so the store opens it as it would its own. Every 50th is saved.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeJpeg } from '../scripts/photo-maker';
import { articleIdFor } from '../electron/core/store/ids';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type StoredSummary } from '../electron/core/store/schema';
import { partitionOf } from '../electron/core/store/summaries';

const SOURCES = 40;
const PHOTOS = 24;
const START = Date.UTC(2026, 10, 28, 18);
const SECTIONS = [['News', 'City'], ['News', 'World'], ['News', 'Politics'], ['Business'], ['Sport'], ['Culture', 'Books'], ['Culture', 'Film'], ['Science']];
const PLACES = ['Westmere', 'Orwen', 'Harbour Row', 'Kestrel Bay', 'Millbrook', 'Ashgate', 'Lowfield', 'Corran'];
const SUBJECTS = ['council', 'library', 'ferry', 'market', 'school', 'orchestra', 'rail line', 'museum', 'bridge', 'festival', 'clinic', 'team'];
const VERBS = ['reopens after repairs', 'wins a national prize', 'faces a budget gap', 'plans a summer season', 'names a new director', 'draws record crowds', 'delays its vote', 'turns a hundred'];
const PARAGRAPH =
  'Residents filled the hall on Tuesday evening to hear the plan, and many stayed long after the last speaker to ask about the details. ' +
  'The proposal, which has been two years in the making, sets out how the work would be paid for and when it would start.';

export const uiStoryTitle = (i: number) =>
  `${PLACES[i % PLACES.length]} ${SUBJECTS[Math.floor(i / 8) % SUBJECTS.length]} ${VERBS[Math.floor(i / 96) % VERBS.length]} (${i})`;

/** Story i's publication time: i hours and a bit before the start (story 0 newest). */
export const uiStoryDate = (i: number) => new Date(START - i * 3_600_000 * 3 - (i % 7) * 60_000).toISOString();

export interface GeneratedStore {
  dir: string;
  n: number;
  /** Ids by story number (0 = newest). */
  idOf: (i: number) => string;
}

export function generateUiStore(dir: string, n: number): GeneratedStore {
  for (const d of ['articles', 'photos', 'summaries']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const photos: string[] = [];
  for (let p = 0; p < PHOTOS; p++) {
    const bytes = makeJpeg(480, 320, p + 1);
    const file = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
    fs.writeFileSync(path.join(dir, 'photos', file), bytes);
    photos.push(file);
  }
  const sources: Record<string, unknown> = {};
  for (let s = 0; s < SOURCES; s++) {
    const id = `s${s.toString(16).padStart(12, '0')}`;
    sources[id] = {
      id, url: `http://127.0.0.1:9/news${s}/feed.xml`, title: `The ${PLACES[s % PLACES.length]} ${['Gazette', 'Courier', 'Herald', 'Post', 'Chronicle'][s % 5]}`,
      siteUrl: `https://news${s}.example/`, addedAt: new Date(START - 400 * 86_400_000).toISOString(), lastSyncAt: new Date(START).toISOString(),
      lastError: null, etag: null, lastModified: null, feedUrl: null,
    };
  }
  const head = {
    schemaVersion: SCHEMA_VERSION,
    sources,
    settings: { ...DEFAULT_SETTINGS, keepDays: 3650, maxPerSource: 100_000, refreshMinutes: 0 },
    sync: { lastSyncAt: new Date(START).toISOString(), lastSyncReachedHost: true },
    firstRunSeededAt: null,
    queue: [],
  };
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(head));
  const ids: string[] = [];
  const partitions = new Map<string, Record<string, StoredSummary>>();
  for (let i = 0; i < n; i++) {
    const s = i % SOURCES;
    const link = `https://news${s}.example/story/${i}`;
    const key = `url:${link}`;
    const id = articleIdFor(key);
    ids.push(id);
    const published = uiStoryDate(i);
    const lead = photos[i % PHOTOS]!;
    const inline = photos[(i + 7) % PHOTOS]!;
    const saved = i % 50 === 3;
    const summary: StoredSummary = {
      id, url: link, canonicalUrl: link, sourceId: `s${s.toString(16).padStart(12, '0')}`, sourceTitle: (sources[`s${s.toString(16).padStart(12, '0')}`] as { title: string }).title,
      sectionPath: SECTIONS[i % SECTIONS.length]!, title: uiStoryTitle(i),
      dek: `What the ${SUBJECTS[i % SUBJECTS.length]} decision means for ${PLACES[(i + 3) % PLACES.length]}, and what happens next.`,
      byline: `By ${['Ada Quill', 'Ben Ink', 'Cara Lens', 'Dev Ruler'][i % 4]}`, publishedAt: published, updatedAt: null,
      thumbnail: i % 9 === 5 ? null : lead, saved, savedAt: saved ? new Date(START - i * 60_000).toISOString() : null,
      read: i % 4 === 1, offline: true, fetchedAt: published, contentSource: 'page', keys: [key], feedFingerprint: null,
      photos: i % 9 === 5 ? [inline] : [lead, inline],
    };
    const body = {
      schemaVersion: SCHEMA_VERSION, id,
      photo: i % 9 === 5 ? null : { file: lead, url: `https://img.news${s}.example/${i}.jpg`, caption: `The ${SUBJECTS[i % SUBJECTS.length]} in ${PLACES[i % PLACES.length]} on the morning of the announcement.`, credit: 'Photo desk', alt: `The ${SUBJECTS[i % SUBJECTS.length]} building`, width: 480, height: 320 },
      bodyHtml:
        `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>` +
        `<figure><img src="/photos/${inline}" data-remote-src="https://img.news${s}.example/${i}-b.jpg" alt="A crowd outside" width="480" height="320"><figcaption>The crowd outside before the meeting. <span class="credit">Photo: Ben Ink</span></figcaption></figure>` +
        `<h2>What happens next</h2><p>${PARAGRAPH}</p>`,
      bodyText: `${PARAGRAPH}\n${PARAGRAPH}\nWhat happens next\n${PARAGRAPH}`,
      related: [], siteName: summary.sourceTitle, language: 'en',
    };
    const day = partitionOf(summary);
    (partitions.get(day) ?? partitions.set(day, {}).get(day)!)[id] = summary;
    fs.writeFileSync(path.join(dir, 'articles', `${id}.json`), JSON.stringify(body));
  }
  for (const [day, articles] of partitions) {
    fs.writeFileSync(path.join(dir, 'summaries', `${day}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, partition: day, articles }));
  }
  return { dir, n, idOf: (i) => ids[i]! };
}
