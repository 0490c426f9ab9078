/**
 * The full-text index over headline, dek, byline and the opening of the body (minisearch). It keeps
 * only ids (no stored fields) plus a stamp per article (its fetchedAt) that tells whether the
 * indexed copy is current. Queries: accent-insensitive (text.ts folds both sides), typo-tolerant
 * (fuzzy 0.2, at most 2 edits, for words of 4+ letters), the last word as a prefix too, all words
 * required (AND) with a fall-back to any word (OR) when no article has them all.
 * Serialized as { format, version, bodyTerms, stamps, index } with the index in the compact form of
 * compact.ts (see docs/STORAGE.md, search-index.json).
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { fromCompact, toCompact, type CompactIndex } from './compact';
import { bodyTerms, fold, queryTerms, STOP_WORDS } from './text';

/** Bump when the fields, term processing or body share change: an older file is rebuilt. */
export const INDEX_VERSION = 2; // 2: compact posting lists (compact.ts)
export const INDEX_FORMAT = 'offline-news-search';
/** Distinct words of a body that are indexed (measured in bench/search.ts; see bench/RESULTS.md). */
export const BODY_TERMS = 20;

export interface IndexedArticle {
  id: string;
  title: string;
  dek: string;
  byline: string;
  bodyText: string;
  /** The summary's fetchedAt: a different one means the indexed copy is stale. */
  stamp: string;
}

interface Doc {
  id: string;
  title: string;
  dek: string;
  byline: string;
  body: string;
}

export interface IndexMatch {
  id: string;
  score: number;
  /** Folded index terms that matched. */
  terms: string[];
}

const OPTIONS: Options<Doc> = {
  idField: 'id',
  fields: ['title', 'dek', 'byline', 'body'],
  storeFields: [],
  // Both sides folded (the body share is folded already by bodyTerms()); stop words left out
  // (queryTerms() keeps them only in a query of nothing else, which then finds nothing).
  processTerm: (term) => {
    const folded = fold(term);
    return folded && !STOP_WORDS.has(folded) ? folded : null;
  },
  searchOptions: { boost: { title: 3, dek: 1.5, byline: 1.5 }, maxFuzzy: 2 },
};

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  bodyTerms: number;
  savedAt: string;
  stamps: Record<string, string>;
  index: CompactIndex;
}

/** The file is a search index of another version (rebuilt without a note). */
export class OutdatedIndexError extends Error {}

export class SearchIndex {
  private readonly mini: MiniSearch<Doc>;
  private readonly stamps: Map<string, string>;
  /** Distinct body words indexed per article. */
  readonly bodyTerms: number;

  private constructor(mini: MiniSearch<Doc>, stamps: Map<string, string>, bodyTerms: number) {
    this.mini = mini;
    this.stamps = stamps;
    this.bodyTerms = bodyTerms;
  }

  static empty(bodyTerms = BODY_TERMS): SearchIndex {
    return new SearchIndex(new MiniSearch<Doc>(OPTIONS), new Map(), bodyTerms);
  }

  /** From a parsed file; rejects with a reason when it is not one of ours, of this version.
   * Loads in batches (compact.ts), so a large index does not hold up the event loop. */
  static async fromJSON(value: unknown, bodyTerms = BODY_TERMS): Promise<SearchIndex> {
    const v = value as Partial<SerializedIndex> | null;
    if (!v || typeof v !== 'object' || v.format !== INDEX_FORMAT) throw new Error('not a search index file');
    if (v.version !== INDEX_VERSION || v.bodyTerms !== bodyTerms) {
      throw new OutdatedIndexError(`index version ${String(v.version)}/${String(v.bodyTerms)}, this app writes ${INDEX_VERSION}/${bodyTerms}`);
    }
    if (!v.stamps || typeof v.stamps !== 'object' || !v.index || typeof v.index !== 'object') throw new Error('missing stamps or index');
    const mini = await fromCompact<Doc>(v.index, OPTIONS);
    const stamps = new Map(Object.entries(v.stamps));
    if (stamps.size !== mini.documentCount) throw new Error(`${stamps.size} stamps for ${mini.documentCount} documents`);
    return new SearchIndex(mini, stamps, bodyTerms);
  }

  toJSON(): SerializedIndex {
    return {
      format: INDEX_FORMAT,
      version: INDEX_VERSION,
      bodyTerms: this.bodyTerms,
      savedAt: new Date().toISOString(),
      stamps: Object.fromEntries(this.stamps),
      index: toCompact(this.mini as MiniSearch<unknown>),
    };
  }

  get size(): number {
    return this.stamps.size;
  }

  stampOf(id: string): string | undefined {
    return this.stamps.get(id);
  }

  ids(): IterableIterator<string> {
    return this.stamps.keys();
  }

  /** Adds the article, or replaces the indexed copy. */
  put(article: IndexedArticle): void {
    const doc: Doc = {
      id: article.id,
      title: article.title,
      dek: article.dek,
      byline: article.byline,
      body: bodyTerms(article.bodyText, this.bodyTerms),
    };
    if (this.stamps.has(article.id)) this.mini.discard(article.id);
    this.mini.add(doc);
    this.stamps.set(article.id, article.stamp);
  }

  remove(id: string): void {
    if (!this.stamps.has(id)) return;
    this.mini.discard(id);
    this.stamps.delete(id);
  }

  /** Matches best first. `anyWord`: no article had every word, so these have some of them. */
  search(text: string): { matches: IndexMatch[]; anyWord: boolean } {
    const terms = queryTerms(text);
    if (terms.length === 0) return { matches: [], anyWord: false };
    const run = (combineWith: 'AND' | 'OR') =>
      this.mini.search({
        combineWith,
        queries: terms.map((term, i) => ({
          queries: [term],
          // Typos only in words long enough to tell apart; the word being typed also as a prefix.
          fuzzy: term.length >= 4 ? 0.2 : false,
          prefix: i === terms.length - 1 && term.length >= 3,
        })),
      });
    let results: SearchResult[] = run('AND');
    let anyWord = false;
    if (results.length === 0 && terms.length > 1) {
      results = run('OR');
      anyWord = results.length > 0;
    }
    return {
      matches: results.map((r) => ({ id: r.id as string, score: r.score, terms: r.terms })),
      anyWord,
    };
  }
}
