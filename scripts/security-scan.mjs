#!/usr/bin/env node
/**
 * Security scan: runs electronegativity (it exits 0 whatever it finds) over the Electron sources,
 * the renderer's HTML and the built main/preload bundles, reads its SARIF report, and fails when a
 * finding is not in the reviewed allow-list (security/electronegativity-allowlist.json: rule + file
 * + reason) or when a file could not be parsed. Allow-list entries that match nothing are reported
 * as stale so the list stays honest.
 *
 * Usage: node scripts/security-scan.mjs            (after `npm run build`: out/ is scanned too)
 *        node scripts/security-scan.mjs --sarif F  (also keep the SARIF report at F)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowListPath = path.join(root, 'security', 'electronegativity-allowlist.json');
const keepSarif = process.argv.includes('--sarif') ? process.argv[process.argv.indexOf('--sarif') + 1] : null;

/** Staging folder mirroring the repo paths: the scanner is given one tree so its global checks (CSP) see everything. */
function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'security-scan-'));
  const copy = (from, to = from) => {
    const src = path.join(root, from);
    if (existsSync(src)) cpSync(src, path.join(dir, to), { recursive: true });
  };
  copy('package.json');
  copy('electron');
  copy('renderer/index.html');
  copy('renderer/src');
  copy('out/main');
  copy('out/renderer/index.html');
  // The scanner only reads .js/.ts/.html; the preload bundle is CommonJS (.cjs).
  if (existsSync(path.join(root, 'out/preload/index.cjs'))) copy('out/preload/index.cjs', 'out/preload/index.js');
  return dir;
}

const dir = stage();
const sarifPath = path.join(dir, 'report.sarif');
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const run = spawnSync(process.execPath, [bin, '-i', dir, '-o', sarifPath, '-r', '-v', 'false', '-e', electronVersion], {
  encoding: 'utf8',
  timeout: 180_000,
});
const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
if (run.status !== 0 || !existsSync(sarifPath)) {
  console.error(output);
  console.error(`security-scan: electronegativity failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}

const parseErrors = output.split('\n').filter((line) => /Error parsing /.test(line) && !/Tolerable error/.test(line));
const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
if (keepSarif) writeFileSync(keepSarif, JSON.stringify(sarif, null, 2));
rmSync(dir, { recursive: true, force: true });

/** @type {{ rule: string, file: string, reason: string }[]} */
const allowList = JSON.parse(readFileSync(allowListPath, 'utf8')).allow;
for (const entry of allowList) {
  if (!entry.rule || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
    console.error(`security-scan: allow-list entry without a real reason: ${JSON.stringify(entry)}`);
    process.exit(1);
  }
}

const findings = (sarif.runs ?? []).flatMap((r) => r.results ?? []).map((result) => {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri ?? '';
  const file = uri.startsWith('file:') ? '(global)' : uri.replace(/^\.?\//, '').replace(/\\/g, '/');
  return { rule: result.ruleId, file, line: location?.region?.startLine ?? 0, message: result.message?.text ?? '' };
});

const used = new Set();
const unexpected = findings.filter((f) => {
  const index = allowList.findIndex((a) => a.rule === f.rule && a.file === f.file);
  if (index >= 0) used.add(index);
  return index < 0;
});

console.log(`security-scan: electronegativity ${sarif.runs?.[0]?.tool?.driver?.version ?? '?'} (Electron ${electronVersion}): ${findings.length} finding(s), ${findings.length - unexpected.length} allow-listed`);
for (const f of findings.filter((x) => !unexpected.includes(x))) console.log(`  allowed  ${f.rule}  ${f.file}:${f.line}`);
allowList.forEach((a, i) => {
  if (!used.has(i)) console.log(`  stale allow-list entry (matches nothing now): ${a.rule} ${a.file}`);
});
for (const e of parseErrors) console.error(`  ${e.trim()}`);
for (const f of unexpected) console.error(`  NEW      ${f.rule}  ${f.file}:${f.line}  ${f.message}`);
if (unexpected.length > 0 || parseErrors.length > 0) {
  console.error(
    `security-scan: ${unexpected.length} finding(s) not in ${path.relative(root, allowListPath)}, ${parseErrors.length} parse error(s). ` +
      'Fix them, or review and add them with a reason.',
  );
  process.exit(1);
}
