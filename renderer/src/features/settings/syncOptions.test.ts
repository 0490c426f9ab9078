import { describe, expect, it } from 'vitest';
import { intervalWords, REFRESH_OPTIONS, refreshOptions, syncSavedText } from './syncOptions';

describe('refresh interval choices', () => {
  it('offers Off and 15 min to 24 h, all valid for updateSettings (0 or 5-1440)', () => {
    expect(REFRESH_OPTIONS.map((o) => o.minutes)).toEqual([0, 15, 30, 60, 120, 360, 720, 1440]);
    for (const o of REFRESH_OPTIONS) expect(o.minutes === 0 || (o.minutes >= 5 && o.minutes <= 1440)).toBe(true);
  });
  it('keeps a stored value that is not a standard choice, in order', () => {
    expect(refreshOptions(30)).toHaveLength(REFRESH_OPTIONS.length);
    const withOdd = refreshOptions(45);
    expect(withOdd.map((o) => o.minutes)).toEqual([0, 15, 30, 45, 60, 120, 360, 720, 1440]);
    expect(withOdd.find((o) => o.minutes === 45)!.label).toBe('Every 45 minutes');
  });
  it('says what was saved', () => {
    expect(intervalWords(60)).toBe('every hour');
    expect(intervalWords(180)).toBe('every 3 hours');
    expect(syncSavedText({ refreshMinutes: 30, downloadPhotos: true })).toBe('Saved: syncs every 30 minutes; photos are downloaded.');
    expect(syncSavedText({ refreshMinutes: 0, downloadPhotos: false })).toBe('Saved: no scheduled syncs (use Sync now); text only, no photos.');
  });
});
