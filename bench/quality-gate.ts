/**
 * The real-page quality gate's sample and score: 150 of the 990 annotated pages, chosen by a
 * seeded shuffle of the URL-sorted list (same pages on every run), scored for extractArticle with
 * the upstream rule. bench/quality-baseline.json records the figure the gate holds the line at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEvalSet, seededSample } from './quality-data';
import { decodePages, projectText, scoreExtractor, type QualityResult } from './quality';

export interface QualityBaseline {
  sampleSize: number;
  seed: number;
  f: number;
  precision: number;
  recall: number;
  /** How far F may fall below `f` before the gate fails. */
  tolerance: number;
  recorded: string;
}

export const baselinePath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'quality-baseline.json');

export function readBaseline(): QualityBaseline {
  return JSON.parse(fs.readFileSync(baselinePath, 'utf8')) as QualityBaseline;
}

export function scoreGateSample(sampleSize: number, seed: number): QualityResult {
  const set = loadEvalSet();
  const pages = seededSample(set.pages, sampleSize, seed);
  return scoreExtractor(pages, decodePages(set, pages), projectText);
}

// `npx tsx bench/quality-gate.ts --record`: scores the sample and writes the baseline file.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--record')) {
  const old = fs.existsSync(baselinePath) ? readBaseline() : { sampleSize: 150, seed: 20, tolerance: 0.005 };
  const r = scoreGateSample(old.sampleSize, old.seed);
  const baseline: QualityBaseline = {
    sampleSize: old.sampleSize,
    seed: old.seed,
    f: Number(r.f.toFixed(4)),
    precision: Number(r.precision.toFixed(4)),
    recall: Number(r.recall.toFixed(4)),
    tolerance: old.tolerance,
    recorded: new Date().toISOString().slice(0, 10),
  };
  fs.writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`recorded ${baselinePath}: F ${baseline.f} (P ${baseline.precision}, R ${baseline.recall}), refused ${r.refused}, crashed ${r.crashed}`);
}
