/**
 * Test helper process for the crash test: opens the store in argv[2] and, in mode 'store'
 * (argv[4], default), stores, saves and marks articles read in a loop (and moves some to another
 * day by updating them); in mode 'save' it saves and unsaves stored articles (any round's), with
 * a store every fourth write. It prints "ack <kind> <id> [value]" after each write's promise
 * resolved ("begin saved <id> <value>" before a save). The harness kills it with SIGKILL at
 * random moments and checks every acknowledged write survived.
 */
import { dedupeKeys } from './ids';
import { NewsStore } from './store';

const dataDir = process.argv[2]!;
const prefix = process.argv[3] ?? 'run';
const mode = process.argv[4] ?? 'store';
const store = await NewsStore.open(dataDir);
process.stdout.write('ready\n');
const store_ = async (i: number, day: number) => {
  const link = `https://crash.example/${prefix}/${i}`;
  return store.upsertArticle({
    keys: dedupeKeys({ sourceId: 'crash', guid: null, link }),
    url: link,
    canonicalUrl: link,
    sourceId: 'crash',
    sourceTitle: 'Crash test',
    sectionPath: ['Crash'],
    title: `Article ${prefix} ${i}`,
    dek: '',
    byline: '',
    publishedAt: new Date(Date.UTC(2024, 0, 1 + day, 12)).toISOString(), // several day partitions
    updatedAt: null,
    thumbnail: null,
    offline: true,
    photo: null,
    bodyHtml: `<p>${'Body text. '.repeat(200)}</p>`,
    bodyText: 'Body text. '.repeat(200),
    related: [],
    contentSource: 'feed',
    siteName: '',
    language: 'en',
  });
};
if (mode === 'save') {
  for (let i = 0; ; i++) {
    const ids = store.articleIds();
    if (i % 4 === 0 || ids.length === 0) {
      const { id } = await store_(i, i % 7);
      process.stdout.write(`ack article ${id}\n`);
      continue;
    }
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const saved = !store.getSummary(id)!.saved;
    process.stdout.write(`begin saved ${id} ${saved}\n`);
    await store.setSaved(id, saved);
    process.stdout.write(`ack saved ${id} ${saved}\n`);
  }
}
for (let i = 0; ; i++) {
  const { id } = await store_(i, i % 5);
  process.stdout.write(`ack article ${id}\n`);
  if (i % 5 === 2) {
    // An update that moves the previous article (saved when i - 1 is a multiple of 3) to another day.
    const moved = await store_(i - 1, (i % 5) + 1 + (i % 3));
    process.stdout.write(`ack article ${moved.id}\n`);
  }
  if (i % 3 === 0) {
    await store.setSaved(id, true);
    process.stdout.write(`ack saved ${id} true\n`);
  }
  if (i % 4 === 1) {
    await store.setRead(id, true);
    process.stdout.write(`ack read ${id}\n`);
  }
}
