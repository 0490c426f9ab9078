/**
 * `npm run bench`: runs every benchmark in one process, one after another, and prints the figures
 * side by side with their peers. Results are recorded by hand in bench/RESULTS.md with the date.
 * `npm run bench -- extract` runs only the named benchmark(s).
 */
import os from 'node:os';
import { runExtractBench } from './extract';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  extract: async () => {
    const r = await runExtractBench();
    return {
      'pages (avg KB)': `${r.pages} (${r.pageKb} KB)`,
      'ours: Readability + linkedom, ms/page': r.oursMsPerPage.toFixed(1),
      'peer: Readability + jsdom, ms/page': r.jsdomMsPerPage.toFixed(1),
      speedup: `${r.speedup.toFixed(1)}x (target >= 5x)`,
      'text similarity (word Jaccard)': r.textSimilarity.toFixed(3),
    };
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log(`# bench ${new Date().toISOString()} node ${process.version} ${os.cpus().length} cpus ${os.cpus()[0]?.model ?? ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(44)} ${v}`);
}
