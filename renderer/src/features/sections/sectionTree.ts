/**
 * Orders sections for the sidebar: parents before their children, alphabetical within a level,
 * with a row for a parent the store does not list itself ("News" above "News > Palestine"),
 * whose counts are the sums of its children.
 */
import type { Section } from '../../../../electron/shared/models';

export interface SectionRow {
  key: string;
  /** Last path part, shown in the nested list. */
  label: string;
  depth: number;
  count: number;
  unread: number;
  /** False for a parent made up from its children's paths. */
  stored: boolean;
}

export function sectionRows(sections: Section[]): SectionRow[] {
  const byKey = new Map<string, SectionRow>();
  for (const s of sections) {
    const path = s.path.length > 0 ? s.path : s.key.split(' > ');
    const key = s.key;
    byKey.set(key, { key, label: path[path.length - 1] ?? key, depth: path.length - 1, count: s.count, unread: s.unread, stored: true });
  }
  for (const s of sections) {
    const path = s.path.length > 0 ? s.path : s.key.split(' > ');
    for (let i = 1; i < path.length; i++) {
      const key = path.slice(0, i).join(' > ');
      let row = byKey.get(key);
      if (!row) {
        row = { key, label: path[i - 1]!, depth: i - 1, count: 0, unread: 0, stored: false };
        byKey.set(key, row);
      }
      if (!row.stored) {
        row.count += s.count;
        row.unread += s.unread;
      }
    }
  }
  // Sort by path parts so children follow their parent.
  return [...byKey.values()].sort((a, b) => {
    const pa = a.key.split(' > ');
    const pb = b.key.split(' > ');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const c = pa[i]!.localeCompare(pb[i]!, 'en', { sensitivity: 'base' });
      if (c !== 0) return c;
    }
    return pa.length - pb.length;
  });
}
