// The real-page quality gate: a fixed sample of DEV_DATA's annotated pages, scored on every run,
// fails when extraction F drops more than the recorded tolerance below bench/quality-baseline.json.
// Skips, saying why, where the data is absent (a clone without ../shared).
import { describe, expect, it } from 'vitest';
import { evalSetMissing } from './quality-data';
import { readBaseline, scoreGateSample } from './quality-gate';

const missing = evalSetMissing();
if (missing) console.log(`real-page quality gate skipped: ${missing}`);

describe.skipIf(missing !== null)('extraction quality on real pages (gate)', () => {
  it('scores the fixed sample no lower than the recorded figure, with no crash', () => {
    const baseline = readBaseline();
    const r = scoreGateSample(baseline.sampleSize, baseline.seed);
    console.log(`quality gate: ${r.pages} pages, F ${r.f.toFixed(4)} (P ${r.precision.toFixed(4)}, R ${r.recall.toFixed(4)}), refused ${r.refused}, crashed ${r.crashed}; recorded F ${baseline.f}`);
    expect(r.crashed, r.firstCrash ?? '').toBe(0);
    expect(r.f).toBeGreaterThanOrEqual(baseline.f - baseline.tolerance);
  }, 180_000);
});
