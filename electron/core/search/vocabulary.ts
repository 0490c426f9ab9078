/**
 * Lookups in the index's sorted term list (sorted by UTF-16 code units, as Array#sort does):
 * the exact term, the terms starting with a prefix, and the terms within an edit distance.
 * The edit-distance search walks the sorted list as if it were a trie: consecutive terms share
 * the rows of the Levenshtein table for their common prefix, and when every cell of a row is over
 * the limit, all the terms that start with that prefix are skipped at once (binary search). It
 * needs no structure beyond the sorted list, so loading the index builds nothing for it.
 */

/** First position in terms[lo, hi) whose term is >= key. */
export function lowerBound(terms: readonly string[], key: string, lo = 0, hi = terms.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `term`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  const at = lowerBound(terms, term);
  return at < terms.length && terms[at] === term ? at : -1;
}

/** [from, to) of the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string, lo = 0, hi = terms.length): [number, number] {
  const from = lowerBound(terms, prefix, lo, hi);
  let to = from;
  // Past the prefix: the first term >= prefix + the highest code unit.
  if (from < hi && terms[from]!.startsWith(prefix)) to = lowerBound(terms, `${prefix}\uffff`, from, hi);
  return [from, to];
}

export interface FuzzyMatch {
  index: number;
  distance: number;
}

/** The terms within `maxDistance` edits (Levenshtein) of `query`, in list order. */
export function fuzzyTerms(terms: readonly string[], query: string, maxDistance: number): FuzzyMatch[] {
  const out: FuzzyMatch[] = [];
  const n = query.length;
  const width = n + 1;
  const maxRows = n + maxDistance + 2;
  const rows = new Int32Array(width * maxRows);
  const far = maxDistance + 1;
  for (let j = 0; j <= n; j++) rows[j] = Math.min(j, far);
  const q = new Int32Array(n);
  for (let j = 0; j < n; j++) q[j] = query.charCodeAt(j);
  let previous = '';
  /** Rows 0..valid (of `previous`'s prefix) are computed. */
  let valid = 0;
  let i = 0;
  while (i < terms.length) {
    const term = terms[i]!;
    let common = 0;
    const limit = Math.min(term.length, valid);
    while (common < limit && term.charCodeAt(common) === previous.charCodeAt(common)) common++;
    let depth = common;
    let pruned = false;
    while (depth < term.length) {
      // Row r = depth + 1; only the band |r - j| <= maxDistance can stay within the limit, the
      // cells next to it hold maxDistance + 1 ("too far").
      const from = depth * width;
      const to = from + width;
      const r = depth + 1;
      const ch = term.charCodeAt(depth);
      const jFrom = r - maxDistance > 1 ? r - maxDistance : 1;
      const jTo = r + maxDistance < n ? r + maxDistance : n;
      rows[to + jFrom - 1] = jFrom === 1 ? r : far;
      let rowMin = jFrom === 1 ? r : far;
      for (let j = jFrom; j <= jTo; j++) {
        let v = rows[from + j - 1]! + (q[j - 1] === ch ? 0 : 1);
        const up = rows[from + j]! + 1;
        const left = rows[to + j - 1]! + 1;
        if (up < v) v = up;
        if (left < v) v = left;
        if (v > far) v = far;
        rows[to + j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (jTo < n) rows[to + jTo + 1] = far;
      depth++;
      if (rowMin > maxDistance) {
        pruned = true;
        break;
      }
    }
    previous = term;
    valid = depth;
    if (pruned) {
      // No term with this prefix can come within the limit: skip them all.
      i = pastPrefix(terms, term, depth, i + 1);
      continue;
    }
    const gap = term.length - n;
    if (gap <= maxDistance && gap >= -maxDistance) {
      const distance = rows[term.length * width + n]!;
      if (distance <= maxDistance) out.push({ index: i, distance });
    }
    i++;
  }
  return out;
}

/** Whether `a` and `b` share their first `length` code units. */
function samePrefix(a: string, b: string, length: number): boolean {
  if (b.length < length) return false;
  for (let k = length - 1; k >= 0; k--) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/**
 * The first position from `from` whose term does not start with term[0, length) (the sorted list
 * keeps those together): galloping, since the run is usually short or empty.
 */
function pastPrefix(terms: readonly string[], term: string, length: number, from: number): number {
  let step = 1;
  let lo = from; // terms[lo - 1] has the prefix (or is `term` itself)
  let hi = from;
  while (hi < terms.length && samePrefix(term, terms[hi]!, length)) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, terms.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (samePrefix(term, terms[mid]!, length)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
