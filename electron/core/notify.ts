/**
 * Desktop notification for new articles (issue 7, "Desktop integration"): from the articles a sync
 * added and the sections the user chose in Settings, the notification to show, or null. Pure; the
 * Electron main process shows it (electron/main/notifications.ts), the browser host never does.
 */
import type { NewArticleNote } from '../shared/models';

export interface NewArticlesNotification {
  title: string;
  body: string;
  /** The first matching article (opened when the notification is clicked). */
  firstArticleId: string;
}

/** Headlines listed in the body. */
export const BODY_HEADLINES = 3;

/** True when `key` is `chosen` or one of its subsections ("News" covers "News > City"). */
export function sectionCovers(chosen: string, key: string): boolean {
  return chosen !== '' && (key === chosen || key.startsWith(`${chosen} > `));
}

export function newArticlesNotification(
  added: readonly NewArticleNote[] | undefined,
  chosenSections: readonly string[],
): NewArticlesNotification | null {
  const chosen = chosenSections.filter((s) => s.trim() !== '');
  if (chosen.length === 0 || !added || added.length === 0) return null;
  const matching = added.filter((a) => chosen.some((c) => sectionCovers(c, a.sectionPath.join(' > '))));
  if (matching.length === 0) return null;
  const sections = [...new Set(matching.map((a) => a.sectionPath.join(' > ')))];
  const where = sections.length === 1 ? sections[0]! : commonSection(sections, chosen);
  const n = matching.length;
  const title = `${n} new article${n === 1 ? '' : 's'}${where ? ` in ${where}` : ''}`;
  const lines = matching.slice(0, BODY_HEADLINES).map((a) => a.title || '(untitled)');
  if (n > BODY_HEADLINES) lines.push(`and ${n - BODY_HEADLINES} more`);
  return { title, body: lines.join('\n'), firstArticleId: matching[0]!.id };
}

/** The one chosen section covering every key, or '' when they span several chosen sections. */
function commonSection(keys: string[], chosen: readonly string[]): string {
  const covering = chosen.filter((c) => keys.every((k) => sectionCovers(c, k)));
  return covering.sort((a, b) => b.length - a.length)[0] ?? '';
}
