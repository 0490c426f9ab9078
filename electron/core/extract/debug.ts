/**
 * The extractor's debug log: what it repaired or skipped on a page (a broken JSON-LD block, a field
 * whose reader threw). Silent unless NODE_DEBUG names "extract" (NODE_DEBUG=extract npm run sync ...);
 * then each line goes to stderr as "EXTRACT <pid>: ...".
 */
import { debuglog } from 'node:util';

export const debugExtract = debuglog('extract');

/** Runs one field's reader; an exception costs that field only (logged), never the page. */
export function fieldOr<T>(field: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    debugExtract('%s: reader failed (%s); left empty', field, error instanceof Error ? error.message : String(error));
    return fallback;
  }
}
