/**
 * Words for the Sources screen: a source's last error explained in plain language, its back-off
 * ("Paused after 3 failures — next try 14:05"), its section, the sections it can move to, and the
 * check of a typed section name ("News > City").
 */
import type { Section, Source } from '../../../../electron/shared/models';
import { formatClock } from '../../ui/format/clock';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an error from the core means for the reader, before the technical words. */
const EXPLANATIONS: [RegExp, string][] = [
  [/^HTTP 5\d\d/i, 'The site’s server failed'],
  [/^HTTP (404|410)\b/i, 'No feed at this address any more'],
  [/^HTTP (401|403)\b/i, 'The site refused access'],
  [/^HTTP 429\b/i, 'The site asked to be visited less often'],
  [/^HTTP \d{3}/i, 'The site answered with an error'],
  [/timed out|timeout/i, 'The site took too long to answer'],
  [/too large/i, 'The feed is too large'],
  [/redirect/i, 'The address keeps redirecting'],
  [/^not a feed/i, 'The address does not give a feed'],
  [/parse|malformed|truncated|unexpected/i, 'The feed could not be read'],
  [/secure connection|certificate/i, 'The site’s secure connection failed'],
  [/^refused to fetch|scheme/i, 'The address is not allowed'],
  [/ENOTFOUND|not found|DNS|could not (connect|reach)|connection (refused|reset|to .* failed|to .* timed out)|unreachable|network|offline/i, 'The site could not be reached'],
];

/** "The site’s server failed (HTTP 500 Internal Server Error)"; unknown errors are shown as they are. */
export function explainError(error: string): string {
  const raw = error.trim() || 'unknown error';
  const found = EXPLANATIONS.find(([pattern]) => pattern.test(raw));
  return found ? `${found[1]} (${raw})` : raw.charAt(0).toUpperCase() + raw.slice(1);
}

/** "Paused after 3 failures — next try 14:05" while scheduled syncs skip the source; else null. */
export function backoffText(source: Pick<Source, 'consecutiveFailures' | 'retryAfter'>, now: number = Date.now()): string | null {
  if (!source.retryAfter) return null;
  const at = Date.parse(source.retryAfter);
  if (Number.isNaN(at) || at <= now) return null;
  const failures = Math.max(1, source.consecutiveFailures ?? 0);
  return `Paused after ${plural(failures, 'failure', 'failures')} — next try ${formatClock(source.retryAfter, now)}`;
}

export const OWN_SECTIONS_LABEL = 'Feed’s own sections';

/** "News > City", or null when the feed's own categories decide. */
export function sectionKeyOf(section: string[] | null | undefined): string | null {
  return section && section.length > 0 ? section.join(' > ') : null;
}

/** Every section and each of its parents ("News", "News > City"), sorted, plus the current one. */
export function sectionChoices(sections: readonly Section[], current: string | null): string[] {
  const keys = new Set<string>();
  for (const s of sections) s.path.forEach((_, i) => keys.add(s.path.slice(0, i + 1).join(' > ')));
  if (current) keys.add(current);
  return [...keys].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/** A typed section name ("News > City", "News › City" or "Local") as a section key, or why not. */
export function parseSectionName(text: string): { key: string } | { error: string } {
  const parts = text
    .split(/\s*[>›/]\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: 'Enter a name for the section.' };
  if (parts.some((p) => p.length > 100)) return { error: 'Keep each part of the name under 100 characters.' };
  if (parts.length > 5) return { error: 'Use at most 5 levels (for example "News > City").' };
  return { key: parts.join(' > ') };
}
