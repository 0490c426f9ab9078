/**
 * ESLint (flat config), a gate of `npm test` (`npm run lint`). typescript-eslint's recommended
 * rules plus a few type-aware ones (promises that nobody awaits or that go where a plain callback
 * is expected), React's hook rules, and the layer rules of docs/DEVELOPERS.md:
 * - renderer/src never imports node:* or electron (it talks to its host through NewsBridge only);
 * - electron/core never imports electron (plain Node: CLI, browser host, tests and main share it);
 * - a renderer feature (renderer/src/features/<name>) never imports another feature;
 * - electron/shared imports nothing outside electron/shared (but its one schema library, valibot);
 * - no import circles (import-x/no-cycle).
 * Tests and fixtures run in Node under vitest: the renderer's and shared's own layer rules skip them.
 * scripts/lint-gate.test.ts proves the renderer rule fails a file that imports node:fs.
 */
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts', '**/*.fixture.tsx'];
const NO_ELECTRON = { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload talk to Electron.' };
const NODE_AND_ELECTRON = {
  patterns: [{ regex: '^node:', message: 'No Node modules here: this code runs in the page (ask the host through NewsBridge).' }, NO_ELECTRON],
};
const features = fs
  .readdirSync(path.join(root, 'renderer/src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: root,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // TypeScript checks these (and knows the DOM and Node globals).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Control characters in patterns are deliberate here: the code strips them from feeds, URLs and paths.
      'no-control-regex': 'off',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern: `async ({}, use)` is its idiom.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', NODE_AND_ELECTRON] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...NO_ELECTRON, message: 'electron/core is plain Node: only electron/main talks to Electron.' }] },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_ELECTRON.patterns,
            { regex: '^\\.\\./', message: 'electron/shared imports nothing outside electron/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: features.map((feature) => ({
            target: `./renderer/src/features/${feature}`,
            from: './renderer/src/features',
            except: [`./${feature}`],
            message: 'A feature does not import another feature: move what both need to renderer/src/ui or renderer/src/api.',
          })),
        },
      ],
    },
  },
);
