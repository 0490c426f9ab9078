/**
 * Reads the "Keep articles" form: whole numbers within the ranges the host accepts (SETTINGS_LIMITS of the
 * contract, which the hosts check again); the storage budget may be left empty for no budget.
 * Returns the patch, or a message per field.
 */
import { SETTINGS_LIMITS } from '../../../../electron/shared/contract-schemas';
import type { RetentionSettings } from '../../../../electron/shared/models';

export type RetentionField = 'keepDays' | 'maxPerSource' | 'storageBudgetMb';

export const RETENTION_LIMITS: Record<RetentionField, { min: number; max: number }> = {
  keepDays: SETTINGS_LIMITS.keepDays,
  maxPerSource: SETTINGS_LIMITS.maxPerSource,
  storageBudgetMb: SETTINGS_LIMITS.storageBudgetMb,
};

/** Fields that may be left empty, read as null. */
const OPTIONAL: ReadonlySet<RetentionField> = new Set(['storageBudgetMb']);

export type RetentionDraft = Record<RetentionField, string>;

export type RetentionReading =
  | { ok: true; patch: Pick<RetentionSettings, RetentionField> }
  | { ok: false; errors: Partial<Record<RetentionField, string>> };

export function readRetentionDraft(draft: RetentionDraft): RetentionReading {
  const errors: Partial<Record<RetentionField, string>> = {};
  const values: Partial<Record<RetentionField, number | null>> = {};
  for (const field of Object.keys(RETENTION_LIMITS) as RetentionField[]) {
    const { min, max } = RETENTION_LIMITS[field];
    const text = (draft[field] ?? '').trim();
    if (text === '' && OPTIONAL.has(field)) {
      values[field] = null;
      continue;
    }
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      const range = `Enter a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`;
      errors[field] = OPTIONAL.has(field) ? `${range}, or leave it empty for no budget.` : `${range}.`;
    } else {
      values[field] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: { keepDays: values.keepDays!, maxPerSource: values.maxPerSource!, storageBudgetMb: values.storageBudgetMb ?? null },
  };
}
