/**
 * `npm run dev` (electron-vite dev) up to the point where Electron starts, with a stand-in Electron
 * (ELECTRON_EXEC_PATH, which electron-vite 6's getElectronPath() reads before path.txt): main,
 * preload and the extraction worker are built, the renderer's dev server runs, and the stand-in is
 * started with ELECTRON_RENDERER_URL, which the main process accepts as its dev server
 * (platform.ts devServerOrigin), and the served index.html carries the dev CSP (React Refresh's
 * inline preamble and Vite's websocket allowed, nothing off the dev origin). Built into a temp
 * folder (--outDir), so out/ is left alone.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devServerOrigin } from '../electron/main/platform';
import { devServerCsp } from '../electron/shared/web-policy';

const repoRoot = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'electron-dev-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface StubReport {
  rendererUrl: string | undefined;
  args: string[];
  indexHtml: string;
  viteClient: number;
}

describe.skipIf(process.platform === 'win32')('npm run dev (electron-vite dev) with a stand-in Electron', () => {
  it('builds main, preload and worker, serves the renderer and starts Electron with ELECTRON_RENDERER_URL', async () => {
    const reportFile = join(work, 'report.json');
    const stubScript = join(work, 'stub-electron.mjs');
    writeFileSync(
      stubScript,
      `import { writeFileSync } from 'node:fs';
const url = process.env.ELECTRON_RENDERER_URL;
const indexHtml = url ? await (await fetch(url + '/index.html')).text() : '';
const viteClient = url ? (await fetch(url + '/@vite/client')).status : 0;
writeFileSync(${JSON.stringify(reportFile)}, JSON.stringify({ rendererUrl: url, args: process.argv.slice(2), indexHtml, viteClient }));
`,
    );
    const stub = join(work, 'electron');
    writeFileSync(stub, `#!/bin/sh\nexec "${process.execPath}" "${stubScript}" "$@"\n`);
    chmodSync(stub, 0o755);
    const outDir = join(work, 'out');
    await new Promise<void>((done, fail) =>
      execFile(
        join(repoRoot, 'node_modules', '.bin', 'electron-vite'),
        ['dev', '--outDir', outDir, '--logLevel', 'warn'],
        { cwd: repoRoot, timeout: 120_000, env: { ...process.env, ELECTRON_EXEC_PATH: stub } },
        (error, _stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done()),
      ),
    );
    for (const file of ['main/index.js', 'main/extract-worker.js', 'preload/index.cjs']) expect(existsSync(join(outDir, file)), file).toBe(true);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as StubReport;
    const origin = devServerOrigin({ ELECTRON_RENDERER_URL: report.rendererUrl }, false);
    expect(origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(report.args).toEqual(['.']); // the project folder: package.json "main"
    expect(report.viteClient).toBe(200);
    expect(report.indexHtml).toContain(`content="${devServerCsp(origin!, true)}"`);
  }, 150_000);
});
