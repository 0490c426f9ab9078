/**
 * Orders sections for the sidebar: parents before their children, alphabetical within a level,
 * with a row for a parent the store does not list itself ("News" above "News > Palestine").
 * A row counts its own articles and those of every section below it, as its front lists them
 * (listArticles matches a section key as a prefix).
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

function pathOf(s: Section): string[] {
  return s.path.length > 0 ? s.path : s.key.split(' > ');
}

export function sectionRows(sections: Section[]): SectionRow[] {
  const byKey = new Map<string, SectionRow>();
  const stored = new Set(sections.map((s) => s.key));
  for (const s of sections) {
    const path = pathOf(s);
    // The section itself and each of its ancestors gets this section's counts.
    for (let depth = 0; depth < path.length; depth++) {
      const key = depth === path.length - 1 ? s.key : path.slice(0, depth + 1).join(' > ');
      let row = byKey.get(key);
      if (!row) {
        row = { key, label: path[depth]!, depth, count: 0, unread: 0, stored: stored.has(key) };
        byKey.set(key, row);
      }
      row.count += s.count;
      row.unread += s.unread;
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

/** Unread articles across all sections (each counted once). */
export function totalUnread(sections: Section[]): number {
  return sections.reduce((n, s) => n + s.unread, 0);
}
