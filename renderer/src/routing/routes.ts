/**
 * Hash routes of the reader: `#/` (all articles), `#/section/<key>`, `#/article/<id>`, `#/saved`,
 * `#/sources`, `#/settings`, `#/queue` (the offline queue), `#/search?q=…&section=…&saved=1`. Parsing and building live here so every screen links the same way.
 */

export type Route =
  | { name: 'front'; section: string | null }
  | { name: 'article'; id: string }
  | { name: 'saved' }
  | { name: 'sources' }
  | { name: 'settings' }
  | { name: 'queue' }
  | { name: 'search'; query: SearchParams }
  | { name: 'not-found'; hash: string };

/** The search screen's state in its hash: text, section key ('' = all), saved only. */
export interface SearchParams {
  text: string;
  section: string;
  saved: boolean;
}

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
  if (path === '/search' || path.startsWith('/search?')) {
    const params = new URLSearchParams(path.slice('/search'.length + 1));
    return { name: 'search', query: { text: params.get('q') ?? '', section: params.get('section') ?? '', saved: params.get('saved') === '1' } };
  }
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
  search: ({ text, section = '', saved = false }: { text: string; section?: string; saved?: boolean }) => {
    const params = new URLSearchParams();
    if (text) params.set('q', text);
    if (section) params.set('section', section);
    if (saved) params.set('saved', '1');
    const qs = params.toString();
    return `#/search${qs ? `?${qs}` : ''}`;
  },
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
    case 'search':
      return hrefs.search(route.query);
    case 'not-found':
      return route.hash || hrefs.all;
  }
}
