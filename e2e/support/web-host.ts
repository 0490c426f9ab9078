/**
 * Starts the browser host (`tsx electron/cli/web.ts --data-dir DIR --port 0`) as a child process
 * and waits for its "Listening on http://127.0.0.1:N/?token=T" line. Stopping it kills the process
 * and waits for it to exit, so the data folder is released.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  /** http://127.0.0.1:N */
  origin: string;
  /** Everything the host printed (for failure reports). */
  output(): string;
  stop(): Promise<void>;
}

const LISTENING = /Listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startWebHost(opts: { repoRoot: string; dataDir: string; timeoutMs?: number }): Promise<WebHost> {
  const tsx = join(opts.repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(opts.repoRoot, 'electron', 'cli', 'web.ts'), '--data-dir', opts.dataDir, '--port', '0'], {
    cwd: opts.repoRoot,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`web host did not print its URL within ${opts.timeoutMs ?? 30_000} ms. Output:\n${output}`));
    }, opts.timeoutMs ?? 30_000);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (match) {
        cleanup();
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`web host exited (code ${code}) before listening. Output:\n${output}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
    onData();
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url, origin: new URL(url).origin, output: () => output, stop };
}
