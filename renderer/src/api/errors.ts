/**
 * A readable message from a failed host call. Electron wraps errors thrown in the main process as
 * "Error invoking remote method 'news:add-source': Error: not a feed"; the reader only needs the
 * last part.
 */
export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:[A-Za-z]*Error):\s*/, '') || 'Unknown error';
}
