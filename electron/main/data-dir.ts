/**
 * Where the app keeps its data: `--data-dir=<dir>` (or `--data-dir <dir>`) on the command line,
 * else the NEWS_DATA_DIR environment variable, else Electron's userData folder. Pure.
 */
import { resolve } from 'node:path';

/** The data folder asked for on the command line or in the environment, or null for the default. */
export function requestedDataDir(argv: readonly string[], env: Record<string, string | undefined>): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value) return resolve(value);
    } else if (arg === '--data-dir' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) {
      return resolve(argv[i + 1]!);
    }
  }
  const fromEnv = env.NEWS_DATA_DIR;
  return fromEnv ? resolve(fromEnv) : null;
}
