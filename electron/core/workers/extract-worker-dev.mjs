// Development loader of the extraction worker: under tsx and vitest the worker runs the TypeScript
// source (extract-worker.ts) through tsx's loader. The built app uses out/main/extract-worker.js.
import { tsImport } from 'tsx/esm/api';

await tsImport('./extract-worker.ts', import.meta.url);
