/**
 * The 990 annotated real pages of the development data as decoded HTML, for benches that read
 * pages without scoring them (bench/metadata.ts). Where the data is and how it is unpacked is
 * bench/quality-data.ts; pages are decoded as the sync decodes a fetched page (decodeBody with an
 * HTML content type).
 */
import { decodeBody } from '../electron/core/fetch/decode';
import { devDataDir as evalDataDir, evalSetMissing, loadEvalSet, readPageBytes } from './quality-data';

export interface DevPage {
  url: string;
  file: string;
  html: string;
}

/** Where the development data is, or a plain reason why it is not there. */
export function devDataDir(): { dir: string } | { missing: string } {
  const missing = evalSetMissing();
  return missing ? { missing } : { dir: evalDataDir() };
}

/** The pages of the evaluation set (in URL order, as the quality bench reads them). */
export function loadDevPages(_dir: string, limit = Infinity): DevPage[] {
  const set = loadEvalSet();
  return set.pages.slice(0, limit).map((page) => ({ url: page.url, file: page.file, html: decodeBody(readPageBytes(set, page), 'text/html') }));
}
