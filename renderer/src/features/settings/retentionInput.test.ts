/** readRetentionDraft: accepts whole numbers in range, names each bad field; an empty budget is none. */
import { describe, expect, it } from 'vitest';
import { readRetentionDraft } from './retentionInput';

describe('readRetentionDraft', () => {
  it('returns the patch for whole numbers in range', () => {
    expect(readRetentionDraft({ keepDays: ' 10 ', maxPerSource: '500', storageBudgetMb: '' })).toEqual({
      ok: true,
      patch: { keepDays: 10, maxPerSource: 500, storageBudgetMb: null },
    });
    expect(readRetentionDraft({ keepDays: '3650', maxPerSource: '100000', storageBudgetMb: ' 500 ' })).toEqual({
      ok: true,
      patch: { keepDays: 3650, maxPerSource: 100000, storageBudgetMb: 500 },
    });
  });

  it('rejects empty, fractional, negative, out-of-range and non-numeric input per field', () => {
    for (const bad of ['', '0', '1.5', '-3', '3651', 'ten', '1e3']) {
      const reading = readRetentionDraft({ keepDays: bad, maxPerSource: '200', storageBudgetMb: '' });
      expect(reading.ok, bad).toBe(false);
      if (!reading.ok) {
        expect(reading.errors.keepDays).toBe('Enter a whole number from 1 to 3,650.');
        expect(reading.errors.maxPerSource).toBeUndefined();
      }
    }
    const both = readRetentionDraft({ keepDays: '0', maxPerSource: '100001', storageBudgetMb: '' });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(Object.keys(both.errors).sort()).toEqual(['keepDays', 'maxPerSource']);
  });

  it('rejects a budget below 50 MB, above 1,000,000 MB or not whole', () => {
    for (const bad of ['49', '0', '1000001', '12.5', 'lots']) {
      const reading = readRetentionDraft({ keepDays: '30', maxPerSource: '500', storageBudgetMb: bad });
      expect(reading.ok, bad).toBe(false);
      if (!reading.ok) expect(reading.errors.storageBudgetMb).toBe('Enter a whole number from 50 to 1,000,000, or leave it empty for no budget.');
    }
  });
});
