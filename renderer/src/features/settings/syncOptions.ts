/** The refresh-interval choices of Settings > Sync and the words for what was saved. */

export interface RefreshOption {
  minutes: number;
  label: string;
}

export const REFRESH_OPTIONS: readonly RefreshOption[] = [
  { minutes: 0, label: 'Off' },
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 30, label: 'Every 30 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 120, label: 'Every 2 hours' },
  { minutes: 360, label: 'Every 6 hours' },
  { minutes: 720, label: 'Every 12 hours' },
  { minutes: 1440, label: 'Every 24 hours' },
];

/** "every 45 minutes", "every 3 hours", "every hour". */
export function intervalWords(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return `every ${minutes} minutes`;
}

/** The list to show: the standard choices, plus the stored value when it is another one (set elsewhere). */
export function refreshOptions(current: number): RefreshOption[] {
  if (REFRESH_OPTIONS.some((o) => o.minutes === current)) return [...REFRESH_OPTIONS];
  const extra = { minutes: current, label: intervalWords(current).replace(/^e/, 'E') };
  return [...REFRESH_OPTIONS, extra].sort((a, b) => a.minutes - b.minutes);
}

/** "Saved: syncs every 30 minutes; photos are downloaded." */
export function syncSavedText(settings: { refreshMinutes: number; downloadPhotos: boolean }): string {
  const schedule = settings.refreshMinutes === 0 ? 'no scheduled syncs (use Sync now)' : `syncs ${intervalWords(settings.refreshMinutes)}`;
  const photos = settings.downloadPhotos ? 'photos are downloaded' : 'text only, no photos';
  return `Saved: ${schedule}; ${photos}.`;
}
