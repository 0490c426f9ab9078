/**
 * Display preferences that belong to this window only (theme, text size), kept in localStorage
 * and applied as attributes on <html> (data-theme, data-text-size) that the CSS reads.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type TextSize = 'small' | 'medium' | 'large' | 'x-large';

export interface DisplayPreferences {
  theme: ThemeChoice;
  textSize: TextSize;
}

export const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const TEXT_SIZES: readonly TextSize[] = ['small', 'medium', 'large', 'x-large'];
export const DEFAULT_PREFERENCES: DisplayPreferences = { theme: 'system', textSize: 'medium' };

const KEY = 'offline-news:display';

/** Reads stored preferences, falling back to defaults field by field for anything unknown. */
export function parsePreferences(raw: string | null): DisplayPreferences {
  if (!raw) return { ...DEFAULT_PREFERENCES };
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof DisplayPreferences, unknown>>;
    return {
      theme: THEMES.includes(value.theme as ThemeChoice) ? (value.theme as ThemeChoice) : DEFAULT_PREFERENCES.theme,
      textSize: TEXT_SIZES.includes(value.textSize as TextSize) ? (value.textSize as TextSize) : DEFAULT_PREFERENCES.textSize,
    };
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function loadPreferences(): DisplayPreferences {
  try {
    return parsePreferences(window.localStorage.getItem(KEY));
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function savePreferences(prefs: DisplayPreferences): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // storage unavailable: the choice holds for this session only
  }
}

export function applyPreferences(prefs: DisplayPreferences, root: HTMLElement = document.documentElement): void {
  if (prefs.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', prefs.theme);
  if (prefs.textSize === 'medium') root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', prefs.textSize);
}
