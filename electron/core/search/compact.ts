/**
 * A compact file form of a minisearch 7.2 index. minisearch's own JSON has one object per posting
 * list ({"<docId>": freq, …}), which at 50k articles (~2M postings) costs ~1.3 s of JSON.parse and
 * ~1.5 s of loadJS. Here each posting list is one string of base-36 doc-id gaps ("3k,1,a:2": ids
 * 3k, 3l, 3v, the last with frequency 2), and loading fills minisearch's own maps directly.
 *
 * It reads and writes minisearch's internal fields (_index, _documentIds, _idToShortId,
 * _fieldLength, and the counters toJSON() writes), checked to exist: the package is pinned (7.2.0, see docs/DEVELOPERS.md) and a
 * version whose internals differ makes loading throw, which rebuilds the index from the bodies.
 */
import MiniSearch, { type Options } from 'minisearch';

interface Internals {
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): void };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
}

export interface CompactIndex {
  /** minisearch's JSON without documents, lengths or postings (counts, field ids, averages). */
  shell: Record<string, unknown>;
  /** "<shortId base 36> <id> <field lengths, comma-separated>" per document. */
  docs: string[];
  /** [term, fieldId, posting string, fieldId, posting string, …] flattened per term. */
  terms: (string | number)[][];
}

function internals(mini: MiniSearch<unknown>): Internals {
  const m = mini as unknown as Partial<Internals>;
  if (!(m._documentIds instanceof Map) || !(m._idToShortId instanceof Map) || !(m._fieldLength instanceof Map) || !m._index) {
    throw new Error('unsupported minisearch version (internals changed)');
  }
  return m as Internals;
}

/** "3k,1,a:2" -> Map {144 => 1, 145 => 1, 155 => 2}: one pass over the characters. */
function decodePostings(text: string): Map<number, number> {
  const freqs = new Map<number, number>();
  let id = 0;
  let value = 0;
  let inFreq = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44; // a final ','
    if (c === 44) {
      if (inFreq) freqs.set(id, value);
      else freqs.set((id += value), 1);
      value = 0;
      inFreq = false;
    } else if (c === 58) {
      id += value;
      value = 0;
      inFreq = true;
    } else {
      const digit = c <= 57 ? c - 48 : c - 87; // 0-9, a-z
      if (digit < 0 || digit > 35) throw new Error('bad posting list');
      value = value * 36 + digit;
    }
  }
  return freqs;
}

export function toCompact(mini: MiniSearch<unknown>): CompactIndex {
  const { _index, _documentIds, _fieldLength } = internals(mini);
  const m = mini as unknown as Record<string, unknown>;
  const shell = {
    documentCount: m._documentCount,
    nextId: m._nextId,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    dirtCount: m._dirtCount,
    serializationVersion: 2,
  };
  const docs: string[] = [];
  for (const [shortId, id] of _documentIds) docs.push(`${shortId.toString(36)} ${id} ${(_fieldLength.get(shortId) ?? []).join(',')}`);
  const terms: (string | number)[][] = [];
  for (const [term, fields] of _index) {
    const row: (string | number)[] = [term];
    for (const [fieldId, freqs] of fields) {
      const ids = [...freqs.keys()].sort((a, b) => a - b);
      let previous = 0;
      const parts: string[] = [];
      for (const id of ids) {
        const freq = freqs.get(id)!;
        parts.push(freq === 1 ? (id - previous).toString(36) : `${(id - previous).toString(36)}:${freq.toString(36)}`);
        previous = id;
      }
      row.push(fieldId, parts.join(','));
    }
    terms.push(row);
  }
  return { shell, docs, terms };
}

/** Loads a compact index; yields to the event loop every `chunk` terms. */
export async function fromCompact<T>(compact: CompactIndex, options: Options<T>, chunk = 2000): Promise<MiniSearch<T>> {
  if (!Array.isArray(compact.docs) || !Array.isArray(compact.terms) || typeof compact.shell !== 'object') throw new Error('not a compact index');
  const mini = MiniSearch.loadJS<T>({ ...compact.shell, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] } as never, options);
  const { _index, _documentIds, _idToShortId, _fieldLength } = internals(mini as MiniSearch<unknown>);
  for (const line of compact.docs) {
    const [short, id, lengths] = line.split(' ');
    const shortId = parseInt(short!, 36);
    if (!id || Number.isNaN(shortId)) throw new Error('bad document line');
    _documentIds.set(shortId, id);
    _idToShortId.set(id, shortId);
    _fieldLength.set(shortId, lengths ? lengths.split(',').map(Number) : []);
  }
  for (let t = 0; t < compact.terms.length; t++) {
    const row = compact.terms[t]!;
    const fields = new Map<number, Map<number, number>>();
    for (let i = 1; i < row.length; i += 2) {
      fields.set(Number(row[i]), decodePostings(String(row[i + 1])));
    }
    _index.set(String(row[0]), fields);
    if ((t + 1) % chunk === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return mini;
}
