/**
 * Remembers where the reader was: the scroll position inside each article (the last 200) and the
 * last section front, both in localStorage so they survive a restart of the app.
 */
const POSITIONS_KEY = 'offline-news:positions';
const SECTION_KEY = 'offline-news:last-front';
const MAX_POSITIONS = 200;

type Positions = Record<string, number>;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or unavailable: positions are a convenience
  }
}

/** Keeps the newest `max` entries (insertion order = age). */
export function trimPositions(positions: Positions, max: number = MAX_POSITIONS): Positions {
  const entries = Object.entries(positions).filter(([, y]) => typeof y === 'number' && Number.isFinite(y));
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - max)));
}

export function savedPosition(articleId: string): number | null {
  const positions = read<Positions>(POSITIONS_KEY, {});
  const y = Object.prototype.hasOwnProperty.call(positions, articleId) ? positions[articleId] : undefined;
  return typeof y === 'number' && y > 0 ? y : null;
}

export function rememberPosition(articleId: string, y: number): void {
  const positions = read<Positions>(POSITIONS_KEY, {});
  delete positions[articleId];
  if (y > 0) positions[articleId] = Math.round(y);
  write(POSITIONS_KEY, trimPositions(positions));
}

/** The hash of the last section front or list the reader chose ("#/section/…", "#/saved"). */
export function rememberFront(hash: string): void {
  write(SECTION_KEY, hash);
}

export function lastFront(): string | null {
  const hash = read<unknown>(SECTION_KEY, null);
  return typeof hash === 'string' && /^#\/(?:section\/[^/]+|saved)$/.test(hash) ? hash : null;
}
