/**
 * The reader against bare feedsmith on the same bytes: every real feed of
 * $DEV_DATA/feedjira-sample-feeds (default ../shared/dev-data; skipped with a printed reason when
 * absent), the project's fixture feeds and the hand-written shapes. For each feed the reader keeps
 * at least as many items as feedsmith's own parse has distinct items (id from guid, else link,
 * else title + date + content), and merges no two of them: every guid and every guid-less link of
 * feedsmith's parse is among the items the sync would store.
 */
import { describe, expect, it } from 'vitest';
import { renderAtom, renderRss } from '../../../e2e/fixtures/feeds';
import { feedShapes } from './feed-shapes.fixture';
import { distinctCount, feedsmithItems, isWebLink, readerItems, realDir, realFeeds, sameLink, type FeedCase } from './feedsmith-diff.fixture';
import { countItemTags } from './recover';

const projectFeeds: FeedCase[] = [
  { name: 'fixture news.rss', text: renderRss('http://127.0.0.1:1') },
  { name: 'fixture world.atom', text: renderAtom('http://127.0.0.1:1') },
  ...feedShapes.map((s) => ({ name: `shape: ${s.name}`, text: s.text })),
];

/** Items the feed's text holds (0 for text that is not a feed at all, such as an HTML fragment). */
function itemElements(text: string): number {
  if (text.trimStart().startsWith('{')) return (JSON.parse(text) as { items?: unknown[] }).items?.length ?? 0;
  return /<(?:rss|feed|rdf:RDF)[\s>]/.test(text) ? countItemTags(text) : 0;
}

function compare({ text }: FeedCase): { feedsmith: number | null; distinct: number; ours: number } {
  const theirs = feedsmithItems(text);
  const kept = readerItems(text);
  if (theirs) {
    const guids = new Set(kept.map((item) => item.guid?.trim()).filter(Boolean));
    const links = new Set(kept.map((item) => item.link).filter(Boolean));
    for (const item of theirs) {
      const linkKept = !!item.link && isWebLink(item.link) && [...links].some((link) => sameLink(link!, item.link));
      // A guid the feed puts on items with different links identifies none of them (normalize.ts).
      if (item.guid) expect(guids.has(item.guid) || linkKept, `guid ${item.guid} kept`).toBe(true);
      else if (item.link && isWebLink(item.link)) expect(linkKept, `link ${item.link} kept`).toBe(true);
    }
    // Items with neither guid nor link: as many kept as feedsmith has different ones.
    const bare = theirs.filter((item) => !item.guid && !item.link);
    expect(kept.filter((item) => !item.guid && !item.link).length).toBeGreaterThanOrEqual(distinctCount(bare));
  }
  return { feedsmith: theirs?.length ?? null, distinct: theirs ? distinctCount(theirs) : 0, ours: kept.length };
}

describe('the reader keeps every item feedsmith finds, merging none', () => {
  const real = realFeeds();
  if (real.length === 0) {
    console.log(`differential feed test: real feeds skipped (${realDir} not found; set DEV_DATA to the dev-data folder)`);
  }

  it.each([...real, ...projectFeeds].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { distinct, ours } = compare(c);
    expect(ours).toBeGreaterThanOrEqual(distinct);
    // None of these feeds repeats an item: one article per <item> / <entry> / JSON item.
    expect(ours).toBe(itemElements(c.text));
  });

  it.runIf(real.length > 0)('on the real feeds: at least as many yield articles, at least as many items', () => {
    const results = real.map(compare);
    const yieldOf = (pick: (r: (typeof results)[number]) => number) => results.filter((r) => pick(r) > 0).length;
    const total = (pick: (r: (typeof results)[number]) => number) => results.reduce((sum, r) => sum + pick(r), 0);
    console.log(
      `differential feed test: ${real.length} real feeds; with items: reader ${yieldOf((r) => r.ours)}, feedsmith ${yieldOf((r) => r.feedsmith ?? 0)}; ` +
        `items: reader ${total((r) => r.ours)}, feedsmith ${total((r) => r.feedsmith ?? 0)} (${total((r) => r.distinct)} distinct)`,
    );
    expect(yieldOf((r) => r.ours)).toBeGreaterThanOrEqual(yieldOf((r) => r.feedsmith ?? 0));
    expect(total((r) => r.ours)).toBeGreaterThanOrEqual(total((r) => r.distinct));
  });
});
