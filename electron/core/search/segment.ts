/**
 * The inverted index proper: the sorted term list and, per term, its posting list (postings.ts)
 * in a byte array of its own, with its article count (df) and its last article number. Lists
 * loaded from the file are views of the file's bytes; appending to one copies it once into an
 * array with room to grow (amortized, like a vector), so adding an article touches only its own
 * terms' lists and never copies the whole index. New articles' numbers are above every number
 * already in the lists, so appending keeps each list sorted. Removed articles stay in the lists
 * until compact() renumbers the survivors (search-index.ts marks them dead meanwhile).
 */
import { ByteWriter, forEachPosting, writePostings } from './postings';
import { findTerm } from './vocabulary';

/** New postings per term: [articleNo, info, articleNo, info, …], ascending. */
export type PendingPostings = Map<string, number[]>;

export class PostingLists {
  /** Sorted by UTF-16 code units (Array#sort). */
  terms: string[];
  /** Term t's postings are lists[t][0, used[t]). */
  lists: Uint8Array[];
  used: number[];
  df: number[];
  /** Highest article number in term t's list. */
  last: number[];

  constructor(terms: string[] = [], lists: Uint8Array[] = [], used: number[] = [], df: number[] = [], last: number[] = []) {
    this.terms = terms;
    this.lists = lists;
    this.used = used;
    this.df = df;
    this.last = last;
  }

  /** Lists that are views of one byte array (the file), list t at [offsets[t], offsets[t + 1]). */
  static fromFile(terms: string[], offsets: Uint32Array, df: Uint32Array, last: Uint32Array, bytes: Uint8Array): PostingLists {
    const lists: Uint8Array[] = new Array(terms.length);
    const used: number[] = new Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      lists[t] = bytes.subarray(offsets[t]!, offsets[t + 1]!);
      used[t] = offsets[t + 1]! - offsets[t]!;
    }
    return new PostingLists(terms, lists, used, Array.from(df), Array.from(last));
  }

  get byteLength(): number {
    let total = 0;
    for (const n of this.used) total += n;
    return total;
  }

  /** Appends `pending` (every article number in it is above the lists' numbers). */
  append(pending: PendingPostings): void {
    this.addTerms([...pending.keys()].filter((term) => findTerm(this.terms, term) < 0));
    const writer = new ByteWriter(4096);
    for (const [term, postings] of pending) {
      const t = findTerm(this.terms, term);
      writer.length = 0;
      writePostings(writer, postings, this.df[t]! > 0 ? this.last[t]! : 0);
      const add = writer.view();
      const used = this.used[t]!;
      let list = this.lists[t]!;
      if (used + add.length > list.length) {
        const grown = new Uint8Array(Math.max(used + add.length, Math.ceil(used * 1.5) + 16));
        grown.set(list.subarray(0, used));
        this.lists[t] = list = grown;
      }
      list.set(add, used);
      this.used[t] = used + add.length;
      this.df[t] = this.df[t]! + postings.length / 2;
      this.last[t] = postings[postings.length - 2]!;
    }
  }

  /** Calls `visit(articleNo, info)` for each posting of term t. */
  forEach(t: number, visit: (doc: number, info: number) => void): void {
    forEachPosting(this.lists[t]!, 0, this.used[t]!, visit);
  }

  /**
   * The lists without removed articles, renumbered: `renumber[old]` is the new number, or -1 for
   * an article that is gone. Terms left with no article are dropped. Yields to the event loop
   * after every `slice` bytes of lists read (the lists must not change meanwhile).
   */
  async compact(renumber: Int32Array, slice = 512 * 1024): Promise<PostingLists> {
    const out = new PostingLists();
    const writer = new ByteWriter(1 << 16);
    const kept: number[] = [];
    let read = 0;
    for (let t = 0; t < this.terms.length; t++) {
      read += this.used[t]!;
      if (read >= slice) {
        read = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      kept.length = 0;
      this.forEach(t, (doc, info) => {
        const now = doc < renumber.length ? renumber[doc]! : -1;
        if (now >= 0) kept.push(now, info);
      });
      if (kept.length === 0) continue;
      writer.length = 0;
      writePostings(writer, kept, 0);
      out.terms.push(this.terms[t]!);
      out.lists.push(writer.view().slice());
      out.used.push(writer.length);
      out.df.push(kept.length / 2);
      out.last.push(kept[kept.length - 2]!);
    }
    return out;
  }

  /** Inserts new terms (not yet in the list) with empty lists, keeping the order. */
  private addTerms(added: string[]): void {
    if (added.length === 0) return;
    added.sort();
    const size = this.terms.length + added.length;
    const terms: string[] = new Array(size);
    const lists: Uint8Array[] = new Array(size);
    const used: number[] = new Array(size);
    const df: number[] = new Array(size);
    const last: number[] = new Array(size);
    const empty = new Uint8Array(0);
    let a = 0;
    let b = 0;
    for (let i = 0; i < size; i++) {
      if (a < added.length && (b >= this.terms.length || added[a]! < this.terms[b]!)) {
        terms[i] = added[a++]!;
        lists[i] = empty;
        used[i] = df[i] = last[i] = 0;
      } else {
        terms[i] = this.terms[b]!;
        lists[i] = this.lists[b]!;
        used[i] = this.used[b]!;
        df[i] = this.df[b]!;
        last[i] = this.last[b]!;
        b++;
      }
    }
    this.terms = terms;
    this.lists = lists;
    this.used = used;
    this.df = df;
    this.last = last;
  }
}
