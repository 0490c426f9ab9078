/**
 * Headless sync: `npm run sync -- --data-dir DIR --feed URL [--feed URL ...] [--timeout S] [--retries N]`.
 * Adds each feed as a source if new, syncs every source into the store (backed-off sources too:
 * this is a manual sync), prints one line per source (warnings indented beneath), and exits 0 when
 * every source synced, 1 when any failed.
 */
import path from 'node:path';
import type { SyncProgress } from '../shared/models';
import { createNewsService } from '../core/service';
import { runCli, UsageError, type CommandSpec } from './args';

const syncCommand: CommandSpec = {
  name: 'sync',
  summary: 'Adds each feed as a source (if new) and syncs every source of the data folder.',
  flags: {
    'data-dir': { type: 'string', required: true, placeholder: 'DIR', description: 'Data folder (created if missing)' },
    feed: { type: 'string', multiple: true, placeholder: 'URL', description: 'Feed or site URL to add; repeatable' },
    timeout: { type: 'string', placeholder: 'SECONDS', description: 'Deadline per request, connect to last byte (default 20)' },
    retries: { type: 'string', placeholder: 'N', description: 'Retries of a transient failure: timeout, reset, 5xx (default 2)' },
  },
};

function numberFlag(flags: Record<string, unknown>, name: string, min: number, max: number, whole: boolean): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new UsageError(`--${name} ${String(raw)}: expected ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

function formatSourceLine(p: SyncProgress): string {
  const head =
    p.phase === 'done'
      ? `✓ ${p.sourceTitle} (${p.url}): ${p.added} new, ${p.updated} updated`
      : `✗ ${p.sourceTitle} (${p.url}): ${p.error ?? 'failed'}`;
  return [head, ...p.warnings.map((w) => `    ! ${w}`)].join('\n');
}

await runCli(syncCommand, async (flags) => {
  const dataDir = path.resolve(flags['data-dir'] as string);
  const feeds = (flags.feed as string[] | undefined) ?? [];
  for (const feed of feeds) {
    if (!/^https?:\/\/[^\s]+$/i.test(feed)) throw new UsageError(`--feed ${feed}: expected an http(s) URL`);
  }
  const timeout = numberFlag(flags, 'timeout', 0.1, 600, false);
  const retries = numberFlag(flags, 'retries', 0, 10, true);
  // Never scheduled: one run over every source, backed off or not (a manual sync).
  const service = await createNewsService({
    dataDir,
    fetchOptions: timeout === undefined ? undefined : { timeoutMs: Math.round(timeout * 1000) },
    retry: retries === undefined ? undefined : { retries },
  });
  try {
    await service.store.whenLoaded(); // every summary read, bodies without one taken back
    for (const note of service.recoveryNotes) process.stderr.write(`warning: ${note.message}\n`);
    const told = service.recoveryNotes.length;
    for (const feed of feeds) await service.api.addSource({ url: feed });
    if ((await service.api.listSources()).length === 0) {
      process.stderr.write('sync: no sources in this data folder; add one with --feed URL\n');
      return 1;
    }
    // One line per source as it finishes.
    service.on('sync:progress', (progress) => {
      if (progress.phase === 'done' || progress.phase === 'error') process.stdout.write(`${formatSourceLine(progress)}\n`);
    });
    // Ctrl-C / SIGTERM: cancel the sync; every write already made stays whole.
    const cancel = (signal: string) => {
      process.stderr.write(`sync: ${signal}, cancelling\n`);
      void service.close();
    };
    process.once('SIGINT', () => cancel('SIGINT'));
    process.once('SIGTERM', () => cancel('SIGTERM'));
    const summary = await service.api.syncNow();
    // Damage the sync found (a body lost, fetched again): each told once.
    for (const note of service.recoveryNotes.slice(told)) process.stderr.write(`warning: ${note.message}\n`);
    return summary.ok ? 0 : 1;
  } finally {
    await service.close();
  }
});
