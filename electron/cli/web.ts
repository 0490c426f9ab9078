/**
 * The app in a browser: `npm run web -- --data-dir DIR [--port N]`. Opens the store (seeding the
 * first-run edition into a new folder), serves the built renderer (out/renderer) and the contract
 * on 127.0.0.1, prints `Listening on http://127.0.0.1:N/?token=T`, and stays up until SIGINT or
 * SIGTERM, then closes the store cleanly. Like the app it syncs on a schedule and reports
 * connectivity (core/connectivity.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nodeOnlineProbe } from '../core/connectivity';
import { createNewsService } from '../core/service';
import { runCli, UsageError, type CommandSpec } from './args';
import { startBrowserHost } from './browser-host';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const rendererDir = path.join(repoRoot, 'out', 'renderer');
const firstRunDir = path.join(repoRoot, 'assets', 'first-run');

/** Opens a URL (already checked: http/https/mailto) in the system browser; no shell involved. */
function openInSystemBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  process.stderr.write(`web: opening ${url} in the system browser\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    // In words: "spawn xdg-open ENOENT" means no program to open links with.
    child.once('error', () => reject(new Error(`Could not open the link: ${command} could not be started (is a web browser or mail program installed?).`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

const webCommand: CommandSpec = {
  name: 'web',
  summary: 'Serves the app to a browser on 127.0.0.1 (build the renderer first: npm run build).',
  flags: {
    'data-dir': { type: 'string', required: true, placeholder: 'DIR', description: 'Data folder (created if missing)' },
    port: { type: 'string', placeholder: 'N', description: 'Port on 127.0.0.1 (default: any free port)' },
  },
};

await runCli(webCommand, async (flags) => {
  const dataDir = path.resolve(flags['data-dir'] as string);
  let port = 0;
  if (flags.port !== undefined) {
    port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${String(flags.port)}: expected 0..65535`);
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`web: the renderer is not built (${rendererDir}/index.html is missing); run npm run build\n`);
    return 1;
  }
  const service = await createNewsService({
    dataDir,
    firstRunDir: fs.existsSync(firstRunDir) ? firstRunDir : null,
    openExternal: openInSystemBrowser,
    // Syncs by itself like the app (on start, every refreshMinutes, on reconnect); connectivity is
    // a network interface being up plus the last sync having reached a host.
    schedule: true,
    isOnline: nodeOnlineProbe(),
    trustLastSync: true,
  });
  for (const note of service.recoveryNotes) process.stderr.write(`warning: ${note.message}\n`);
  let host;
  try {
    host = await startBrowserHost({ service, rendererDir, port });
  } catch (error) {
    await service.close();
    throw error;
  }
  process.stdout.write(`Listening on ${host.url}\n`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`web: ${signal}, closing\n`);
      void host
        .close()
        .then(() => service.close())
        .then(
          () => resolve(0),
          (error: unknown) => {
            process.stderr.write(`web: ${error instanceof Error ? error.message : String(error)}\n`);
            resolve(1);
          },
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
});
