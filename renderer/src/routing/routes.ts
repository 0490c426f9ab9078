/**
 * Hash routes of the reader: `#/` (all articles), `#/section/<key>`, `#/article/<id>`, `#/saved`,
 * `#/sources`, `#/settings`, `#/queue` (the offline queue). Parsing and building live here so every screen links the same way.
 */

export type Route =
  | { name: 'front'; section: string | null }
  | { name: 'article'; id: string }
  | { name: 'saved' }
  | { name: 'sources' }
  | { name: 'settings' }
  | { name: 'queue' }
  | { name: 'not-found'; hash: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Reads a location hash ("#/section/News%20%3E%20Palestine") into a route. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { name: 'front', section: null };
  if (path === '/saved') return { name: 'saved' };
  if (path === '/sources') return { name: 'sources' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/queue') return { name: 'queue' };
  const m = /^\/(section|article)\/(.+)$/.exec(path);
  if (m) {
    const value = decode(m[2]!);
    if (value) return m[1] === 'section' ? { name: 'front', section: value } : { name: 'article', id: value };
  }
  return { name: 'not-found', hash };
}

export const hrefs = {
  all: '#/',
  section: (key: string) => `#/section/${encodeURIComponent(key)}`,
  article: (id: string) => `#/article/${encodeURIComponent(id)}`,
  saved: '#/saved',
  sources: '#/sources',
  settings: '#/settings',
  queue: '#/queue',
} as const;

/** The href of a route (inverse of parseHash). */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'front':
      return route.section === null ? hrefs.all : hrefs.section(route.section);
    case 'article':
      return hrefs.article(route.id);
    case 'saved':
      return hrefs.saved;
    case 'sources':
      return hrefs.sources;
    case 'settings':
      return hrefs.settings;
    case 'queue':
      return hrefs.queue;
    case 'not-found':
      return route.hash || hrefs.all;
  }
}
