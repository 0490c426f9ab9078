/**
 * The lint gate's layer rules (eslint.config.js), run through ESLint's Node API on probe sources
 * that are never written to disk: a renderer file importing node:fs fails, and so do the other
 * layer crossings; a renderer file that keeps to its layer passes. Type-aware rules are off for
 * the probes (they are in no tsconfig); `npm run lint` runs them on the real files.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..'), overrideConfig: tseslint.configs.disableTypeChecked });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('lint layer rules', () => {
  it('fails a renderer file that imports node:fs', async () => {
    const problems = await problemsOf(
      'renderer/src/features/article/probe.tsx',
      "import fs from 'node:fs';\nexport const size = fs.statSync('/').size;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*No Node modules here/)]);
  });

  it('fails the renderer importing electron, and core importing electron', async () => {
    expect(await problemsOf('renderer/src/ui/probe.ts', "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only electron\/main and electron\/preload/),
    ]);
    expect(await problemsOf('electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*electron\/core is plain Node/),
    ]);
  });

  it('fails a renderer feature importing another feature', async () => {
    const problems = await problemsOf(
      'renderer/src/features/article/probe.ts',
      "import { REFRESH_OPTIONS } from '../settings/syncOptions';\nexport const o = REFRESH_OPTIONS;\n",
    );
    expect(problems).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*A feature does not import another feature/)]);
  });

  it('fails electron/shared importing from outside electron/shared', async () => {
    const problems = await problemsOf('electron/shared/probe.ts', "import type { NewsService } from '../core/types';\nexport type S = NewsService;\n");
    expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*electron\/shared imports nothing outside/)]);
  });

  it('passes a renderer file that keeps to its layer', async () => {
    const code = [
      "import { useNews } from '../../api/NewsProvider';",
      "import type { Article } from '../../../../electron/shared/models';",
      "import { channels } from '../../../../electron/shared/contract';",
      'export const probe = (a: Article) => [useNews, channels.getArticle, a.id];',
    ].join('\n');
    expect(await problemsOf('renderer/src/features/article/probe.ts', `${code}\n`)).toEqual([]);
  });
});
