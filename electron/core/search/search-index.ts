/**
 * The full-text index over every article's headline, dek, byline and whole body. Each article
 * gets a number (in the order it was indexed); the segment (segment.ts) holds each term's posting
 * list of numbers with the fields it occurs in and its count in the body. Articles indexed since
 * the last merge wait in `pending` and are merged in before the next query (or every
 * MERGE_EVERY articles); a removed or replaced article is marked dead and skipped until a
 * compaction (when a quarter of the numbers are dead, before a save) renumbers the survivors.
 *
 * Queries: both sides folded (text.ts: "cafe" finds "Café"); each word expanded to typos and, for
 * the last one, completions and scored (ranking.ts); every word required, with a fall-back to any
 * word when no article has them all.
 */
import { decodeIndexFile, encodeIndexFile, writeIndexFile, type IndexFileContent } from './index-file';
import { infoByte, IN_BYLINE, IN_DEK, IN_TITLE } from './postings';
import { bestMatches, expandWord, scoreTerm } from './ranking';
import { PostingLists, type PendingPostings } from './segment';
import { queryTerms, termCounts } from './text';

export { OutdatedIndexError } from './index-file';

/** Articles indexed before their postings are merged into the segment. */
export const MERGE_EVERY = 2000;
const MAX_QUERY_TERMS = 16;

export interface IndexedArticle {
  id: string;
  title: string;
  dek: string;
  byline: string;
  bodyText: string;
  /** The summary's fetchedAt: a different one means the indexed copy is stale. */
  stamp: string;
}

export interface IndexMatch<Ref = unknown> {
  id: string;
  score: number;
  /** What attach() or put() gave for this article (the engine: its summary), if anything. */
  ref: Ref | undefined;
}

export interface IndexAnswer<Ref = unknown> {
  /** The best `limit` matches, best first. */
  matches: IndexMatch<Ref>[];
  /** Matches in all (that `accept` took). */
  total: number;
  /** No article had every word: these have some of them. */
  anyWord: boolean;
  /** The folded index terms the query was expanded to (for highlighting and snippets). */
  terms: string[];
}

export interface SearchOptions<Ref = unknown> {
  limit?: number;
  /** A filter as data (the fast way): article n is a match only if `accept[tags[n]]` is 1
   * (tags from tagArticles(); a negative tag never matches). */
  tagFilter?: { tags: Int32Array; accept: Uint8Array };
  /** Only matches it returns true for are counted and returned (called for every match: keep it
   * cheap; `ref` saves a lookup by id). */
  accept?: (ref: Ref | undefined, id: string) => boolean;
}

/** `Ref`: an object kept per article in memory only (never saved), handed back with matches. */
export class SearchIndex<Ref = unknown> {
  private postings: PostingLists;
  private readonly idOf: string[];
  private readonly stampOfNo: string[];
  private bodyLengths: Uint16Array;
  private dead: Uint8Array;
  private deadCount: number;
  private readonly numberOf = new Map<string, number>();
  private refs: (Ref | undefined)[] = [];
  private pending: PendingPostings = new Map();
  private pendingCount = 0;
  private generationCount = nextGeneration();
  private compacting = false;
  private scratchArrays: { scores: Float64Array; masks: Uint32Array } | null = null;
  private bodyTotal = 0;

  private constructor(content: { ids: string[]; stamps: string[]; bodyLengths: Uint16Array; dead: Uint8Array; postings: PostingLists }) {
    this.postings = content.postings;
    this.idOf = content.ids;
    this.stampOfNo = content.stamps;
    this.bodyLengths = content.bodyLengths;
    this.dead = content.dead;
    this.deadCount = 0;
    for (let n = 0; n < this.idOf.length; n++) {
      if (this.dead[n]) {
        this.deadCount++;
        continue;
      }
      const earlier = this.numberOf.get(this.idOf[n]!);
      if (earlier !== undefined) throw new Error(`article ${this.idOf[n]} indexed twice`);
      this.numberOf.set(this.idOf[n]!, n);
      this.bodyTotal += this.bodyLengths[n]!;
    }
  }

  static empty<Ref = unknown>(): SearchIndex<Ref> {
    return new SearchIndex<Ref>({ ids: [], stamps: [], bodyLengths: new Uint16Array(64), dead: new Uint8Array(64), postings: new PostingLists() });
  }

  /** fromBytes() in two slices, with a turn of the event loop between them (~0.1 s at 50k). */
  static async load<Ref = unknown>(data: Buffer): Promise<SearchIndex<Ref>> {
    const content = decodeIndexFile(data);
    await new Promise((resolve) => setImmediate(resolve));
    return SearchIndex.fromContent<Ref>(content);
  }

  /** From the bytes of search-index.bin; throws with the reason when damaged or of another version. */
  static fromBytes<Ref = unknown>(data: Buffer): SearchIndex<Ref> {
    return SearchIndex.fromContent<Ref>(decodeIndexFile(data));
  }

  private static fromContent<Ref>(content: IndexFileContent): SearchIndex<Ref> {
    const n = content.ids.length;
    // Own growable copies (the file's views are fixed-size).
    const bodyLengths = new Uint16Array(Math.max(64, n * 2));
    bodyLengths.set(content.bodyLengths);
    const dead = new Uint8Array(Math.max(64, n * 2));
    dead.set(content.dead);
    return new SearchIndex<Ref>({ ...content, bodyLengths, dead });
  }

  /** The whole file in one buffer (tests; the engine uses save()). */
  toBytes(): Buffer {
    return encodeIndexFile(this.fileContent());
  }

  /** Writes the file durably, without building it in memory (index-file.ts). */
  save(file: string): Promise<void> {
    return writeIndexFile(file, this.fileContent());
  }

  /** A quarter or more of the article numbers are dead: time for compact(). */
  get wantsCompaction(): boolean {
    return this.deadCount > 0 && this.deadCount * 4 >= this.idOf.length;
  }

  /** What the file holds (pending articles merged first; during a compaction, the lists as they
   * were before it). */
  private fileContent(): IndexFileContent {
    this.merge();
    const n = this.idOf.length;
    // Copies of the growing arrays: the write goes on while the index changes.
    return {
      savedAt: new Date().toISOString(),
      ids: this.idOf.slice(),
      stamps: this.stampOfNo.slice(),
      bodyLengths: this.bodyLengths.slice(0, n),
      dead: this.dead.slice(0, n),
      postings: new PostingLists(this.postings.terms, this.postings.lists.slice(), this.postings.used.slice(), this.postings.df.slice(), this.postings.last.slice()),
    };
  }

  get size(): number {
    return this.numberOf.size;
  }

  /** Distinct terms in the merged segment (for the benchmark). */
  get termCount(): number {
    this.merge();
    return this.postings.terms.length;
  }

  stampOf(id: string): string | undefined {
    const n = this.numberOf.get(id);
    return n === undefined ? undefined : this.stampOfNo[n];
  }

  ids(): IterableIterator<string> {
    return this.numberOf.keys();
  }

  /** Bumped when article numbers change meaning (an article added or removed, a compaction):
   * tags from tagArticles() are valid for one generation. */
  get generation(): number {
    return this.generationCount;
  }

  /** A tag per article number, as `tagOf` says (-1 for dead numbers), for SearchOptions.tagFilter. */
  tagArticles(tagOf: (ref: Ref | undefined, id: string) => number): Int32Array {
    const tags = new Int32Array(this.idOf.length).fill(-1);
    for (let n = 0; n < this.idOf.length; n++) if (!this.dead[n]) tags[n] = tagOf(this.refs[n], this.idOf[n]!);
    return tags;
  }

  /** Keeps `ref` with the indexed article `id` (no-op when it is not indexed). */
  attach(id: string, ref: Ref): void {
    const n = this.numberOf.get(id);
    if (n !== undefined) this.refs[n] = ref;
  }

  /** Adds the article, or replaces the indexed copy. */
  put(article: IndexedArticle, ref?: Ref): void {
    this.remove(article.id);
    this.generationCount = nextGeneration();
    const n = this.idOf.length;
    this.refs[n] = ref;
    this.idOf.push(article.id);
    this.stampOfNo.push(article.stamp);
    this.numberOf.set(article.id, n);
    const fields = new Map<string, number>();
    const mark = (text: string, bit: number) => {
      for (const term of termCounts(text).keys()) fields.set(term, (fields.get(term) ?? 0) | bit);
    };
    mark(article.title, IN_TITLE);
    mark(article.dek, IN_DEK);
    mark(article.byline, IN_BYLINE);
    const body = termCounts(article.bodyText, 2);
    let length = 0;
    for (const count of body.values()) length += count;
    this.ensureCapacity(n + 1);
    this.bodyLengths[n] = Math.min(length, 0xffff);
    this.bodyTotal += this.bodyLengths[n]!;
    const pending = this.pending;
    const post = (term: string, info: number) => {
      const list = pending.get(term);
      if (list) list.push(n, info);
      else pending.set(term, [n, info]);
    };
    for (const [term, count] of body) {
      const inFields = fields.get(term);
      if (inFields !== undefined) fields.delete(term);
      post(term, infoByte(inFields ?? 0, count));
    }
    for (const [term, inFields] of fields) post(term, infoByte(inFields, 0));
    if (++this.pendingCount >= MERGE_EVERY) this.merge();
  }

  remove(id: string): void {
    const n = this.numberOf.get(id);
    if (n === undefined) return;
    this.numberOf.delete(id);
    this.generationCount = nextGeneration();
    this.refs[n] = undefined;
    this.dead[n] = 1;
    this.deadCount++;
    this.bodyTotal -= this.bodyLengths[n]!;
  }

  /** The best matches for `text`; see the module comment. */
  search(text: string, options: SearchOptions<Ref> = {}): IndexAnswer<Ref> {
    const words = queryTerms(text).slice(0, MAX_QUERY_TERMS);
    const none: IndexAnswer<Ref> = { matches: [], total: 0, anyWord: false, terms: [] };
    if (words.length === 0) return none;
    this.merge();
    const count = this.idOf.length;
    const live = Math.max(1, this.numberOf.size);
    const averageBody = Math.max(1, this.bodyTotal / live);
    const { scores, masks } = this.scratch(count);
    const expanded = new Set<string>();
    const context = { live, averageBody, dead: this.dead, lengths: this.bodyLengths, scores, masks };
    words.forEach((word, w) => {
      for (const [t, weight] of expandWord(this.postings, word, w === words.length - 1)) {
        expanded.add(this.postings.terms[t]!);
        scoreTerm(this.postings, t, weight, 1 << w, context);
      }
    });
    if (expanded.size === 0) return none;
    const all = (1 << words.length) - 1; // words.length <= 16
    let answer = this.collect(scores, masks, count, all, options);
    let anyWord = false;
    if (answer.total === 0 && words.length > 1) {
      answer = this.collect(scores, masks, count, 0, options);
      anyWord = answer.total > 0;
    }
    return { ...answer, anyWord, terms: [...expanded] };
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Zeroed score and word-mask arrays for `count` articles (kept between queries: allocating
   * ~600 KB per query at 50k articles kept the garbage collector busy). */
  private scratch(count: number): { scores: Float64Array; masks: Uint32Array } {
    if (!this.scratchArrays || this.scratchArrays.scores.length < count) {
      const size = Math.max(1024, count + (count >> 2));
      this.scratchArrays = { scores: new Float64Array(size), masks: new Uint32Array(size) };
    } else {
      this.scratchArrays.scores.fill(0, 0, count);
      this.scratchArrays.masks.fill(0, 0, count);
    }
    return this.scratchArrays;
  }

  /** Matches with every word of `all` (any word when `all` is 0) that the filters take, counted,
   * and the best `limit` of them. */
  private collect(scores: Float64Array, masks: Uint32Array, count: number, all: number, options: SearchOptions<Ref>): { matches: IndexMatch<Ref>[]; total: number } {
    const { accept } = options;
    const tags = options.tagFilter?.tags;
    const tagAccept = options.tagFilter?.accept;
    const dead = this.dead;
    const take = (n: number): boolean => {
      if (dead[n]) return false;
      if (tags && tagAccept) {
        const tag = n < tags.length ? tags[n]! : -1;
        if (tag < 0 || !tagAccept[tag]) return false;
      }
      return !accept || accept(this.refs[n], this.idOf[n]!);
    };
    const { best, total } = bestMatches(scores, masks, count, all, take, Math.max(1, options.limit ?? 50));
    return { matches: best.map((n) => ({ id: this.idOf[n]!, score: scores[n]!, ref: this.refs[n] })), total };
  }

  private merge(): void {
    if (this.pendingCount === 0 || this.compacting) return;
    this.postings.append(this.pending);
    this.pending = new Map();
    this.pendingCount = 0;
  }

  /**
   * Renumbers the live articles 0..n-1 and drops the dead from every list, in slices (it takes
   * seconds at 50k articles). Meanwhile queries use the old lists, and articles added are kept
   * pending (not merged, so not yet found) and renumbered after the survivors at the end.
   */
  async compact(): Promise<void> {
    if (this.compacting) return;
    this.merge();
    this.compacting = true;
    try {
      const before = this.idOf.length;
      const renumber = new Int32Array(before).fill(-1);
      let live = 0;
      for (let n = 0; n < before; n++) if (!this.dead[n]) renumber[n] = live++;
      const postings = await this.postings.compact(renumber);
      // Swap, all at once. Numbers given meanwhile (>= before) move down by `shift`; articles
      // removed meanwhile stay dead under their new number.
      const shift = before - live;
      const count = this.idOf.length - shift;
      const ids: string[] = new Array(count);
      const stamps: string[] = new Array(count);
      const refs: (Ref | undefined)[] = new Array(count);
      const lengths = new Uint16Array(Math.max(64, count * 2));
      const dead = new Uint8Array(lengths.length);
      let deadCount = 0;
      for (let n = 0; n < this.idOf.length; n++) {
        const to = n < before ? renumber[n]! : n - shift;
        if (to < 0) continue;
        ids[to] = this.idOf[n]!;
        stamps[to] = this.stampOfNo[n]!;
        refs[to] = this.refs[n];
        lengths[to] = this.bodyLengths[n]!;
        if (this.dead[n]) {
          dead[to] = 1;
          deadCount++;
        }
      }
      for (const list of this.pending.values()) for (let i = 0; i < list.length; i += 2) list[i]! -= shift;
      this.postings = postings;
      this.idOf.length = 0;
      this.idOf.push(...ids);
      this.stampOfNo.length = 0;
      this.stampOfNo.push(...stamps);
      this.refs = refs;
      this.bodyLengths = lengths;
      this.dead = dead;
      this.deadCount = deadCount;
      this.numberOf.clear();
      ids.forEach((id, n) => {
        if (!dead[n]) this.numberOf.set(id, n);
      });
      this.generationCount = nextGeneration();
    } finally {
      this.compacting = false;
    }
    if (this.pendingCount >= MERGE_EVERY) this.merge();
  }

  private ensureCapacity(size: number): void {
    if (size <= this.dead.length) return;
    const capacity = Math.max(size, this.dead.length * 2);
    const lengths = new Uint16Array(capacity);
    lengths.set(this.bodyLengths);
    const dead = new Uint8Array(capacity);
    dead.set(this.dead);
    this.bodyLengths = lengths;
    this.dead = dead;
  }
}

/** Generations are unique across indexes (a rebuilt index never reuses an earlier one's). */
let generations = 0;
function nextGeneration(): number {
  return ++generations;
}
