/**
 * A durable JSON file adapter for lowdb (`Adapter<T>`).
 *
 * Write: serialize, write a temp file next to the target, fsync it, keep the previous file as
 * `<file>.bak` (hard link, copy where links are unsupported), rename the temp file over the target,
 * fsync the folder (skipped where the OS refuses). A crash at any point leaves either the old or the
 * new file under the target name, plus the previous version in `.bak`.
 *
 * Read: a missing target with a `.bak` present restores the `.bak`. An empty, NUL-filled or
 * unparsable target is renamed `<file>.corrupt-<time>`; the `.bak` is restored when it parses, and
 * either way a RecoveryNote is reported so the user is told. It never silently starts empty over a
 * damaged file.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { CHECKSUM_KEY, seal, verify } from './checksum';

/** The subset of node:fs/promises the adapter uses (injectable for fault tests). */
export interface DurableFs {
  open: typeof nodeFs.open;
  readFile: typeof nodeFs.readFile;
  rename: typeof nodeFs.rename;
  link: typeof nodeFs.link;
  copyFile: typeof nodeFs.copyFile;
  unlink: typeof nodeFs.unlink;
}

export interface RecoveryNote {
  file: string;
  /** What happened, in words for the user. */
  message: string;
  /** 'restored' = the .bak was put back; 'set-aside' = no usable backup, the store started empty. */
  outcome: 'restored' | 'set-aside';
  /** Where the damaged file was moved, when it was. */
  setAsidePath: string | null;
}

export interface DurableFileOptions {
  fs?: DurableFs;
  /** Called once per recovery (restored .bak or set-aside file). */
  onRecovery?: (note: RecoveryNote) => void;
  /** Returns a problem description when the parsed value is not acceptable, else null. */
  validate?: (value: unknown) => string | null;
  /** Pretty-print (small files only). */
  indent?: number;
  /** Used in tests to name set-aside files deterministically. */
  now?: () => Date;
  /** Write a checksum into the file (checksum.ts); read files are checked either way. */
  checksum?: boolean;
  /** What happens to a damaged file with no usable backup, for the note (default: "the store
   * started empty"). */
  lostOutcome?: string;
}

let tempCounter = 0;

export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly backupFile: string;
  private readonly fs: DurableFs;
  private readonly options: DurableFileOptions;

  constructor(file: string, options: DurableFileOptions = {}) {
    this.file = file;
    this.backupFile = `${file}.bak`;
    this.fs = options.fs ?? nodeFs;
    this.options = options;
  }

  async read(): Promise<T | null> {
    const main = await this.tryRead(this.file);
    if (main.kind === 'ok') return main.value;
    if (main.kind === 'missing') {
      const backup = await this.tryRead(this.backupFile);
      if (backup.kind !== 'ok') return null; // a fresh store (or nothing usable at all)
      await this.write(backup.value);
      this.report({
        file: this.file,
        outcome: 'restored',
        setAsidePath: null,
        message: `${path.basename(this.file)} was missing; restored the previous version from ${path.basename(this.backupFile)}.`,
      });
      return backup.value;
    }
    // Damaged: set it aside, then try the backup.
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const setAsidePath = `${this.file}.corrupt-${stamp}`;
    await this.fs.rename(this.file, setAsidePath);
    const backup = await this.tryRead(this.backupFile);
    if (backup.kind === 'ok') {
      await this.write(backup.value);
      this.report({
        file: this.file,
        outcome: 'restored',
        setAsidePath,
        message: `${path.basename(this.file)} was damaged (${main.problem}); restored the previous version from ${path.basename(this.backupFile)} and kept the damaged file as ${path.basename(setAsidePath)}.`,
      });
      return backup.value;
    }
    this.report({
      file: this.file,
      outcome: 'set-aside',
      setAsidePath,
      message: `${path.basename(this.file)} was damaged (${main.problem}) and no usable backup exists; it was kept as ${path.basename(setAsidePath)} and ${this.options.lostOutcome ?? 'the store started empty'}.`,
    });
    return null;
  }

  /** Whether the file is sound, without restoring anything: a checksummed file is checked
   * without parsing it; an older one is parsed. */
  async check(): Promise<'ok' | 'missing' | 'damaged'> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
    const check = verify(bytes);
    if (!check.ok) return 'damaged';
    if (check.sealed) return 'ok';
    return (await this.tryRead(this.file)).kind === 'ok' ? 'ok' : 'damaged';
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, this.options.indent);
    if (text === undefined) throw new Error(`Refusing to write ${this.file}: value is not serializable`);
    await this.writeText(text);
  }

  /**
   * Writes already serialized JSON (as text, or as its UTF-8 bytes). `fresh`: the caller knows the target does not exist yet, so no
   * `.bak` is kept (saves a failing link call). `syncDir: false`: the caller fsyncs the folder
   * itself once for a batch of files (see syncDirectory) before it acknowledges any of them.
   */
  async writeText(text: string | Uint8Array, options: { fresh?: boolean; syncDir?: boolean } = {}): Promise<void> {
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${++tempCounter}.tmp`);
    const handle = await this.fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(this.options.checksum ? seal(text) : text);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw describeWriteError(error, this.file);
    }
    await handle.close();
    try {
      if (!options.fresh) await this.keepBackup();
      await this.fs.rename(temp, this.file);
    } catch (error) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw describeWriteError(error, this.file);
    }
    if (options.syncDir !== false) await syncDirectory(dir, this.fs);
  }

  /** Makes `.bak` the current file, atomically; leaves an existing `.bak` alone when there is no
   * current file (so a restore never loses its only good copy). */
  private async keepBackup(): Promise<void> {
    const staged = `${this.backupFile}.${process.pid}.${++tempCounter}.tmp`;
    try {
      await this.fs.link(this.file, staged);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // first write: nothing to keep
      try {
        await this.fs.copyFile(this.file, staged); // file systems without hard links
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw copyError;
      }
    }
    await this.fs.rename(staged, this.backupFile);
  }


  private async tryRead(
    file: string,
  ): Promise<{ kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'damaged'; problem: string }> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw error;
    }
    if (bytes.length === 0) return { kind: 'damaged', problem: 'empty file' };
    if (bytes.every((b) => b === 0)) return { kind: 'damaged', problem: 'file full of NUL bytes' };
    const check = verify(bytes);
    if (!check.ok) return { kind: 'damaged', problem: check.problem };
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      // Not the parser's message: it quotes the damaged bytes.
      return { kind: 'damaged', problem: 'not valid JSON: cut short or overwritten' };
    }
    if (typeof value !== 'object' || value === null) return { kind: 'damaged', problem: 'not a JSON object' };
    delete (value as Record<string, unknown>)[CHECKSUM_KEY];
    const problem = this.options.validate?.(value) ?? null;
    if (problem) return { kind: 'damaged', problem };
    return { kind: 'ok', value: value as T };
  }

  private report(note: RecoveryNote): void {
    this.options.onRecovery?.(note);
  }
}

/** Wraps a low-level write error in a message a user can act on; keeps `code`. */
export function describeWriteError(error: unknown, file: string): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder is not writable'
        : code === 'EIO'
          ? 'an input/output error occurred'
          : (error as Error)?.message ?? String(error);
  const wrapped = new Error(`Could not save ${path.basename(file)}: ${reason}. The previous version is intact.`) as Error & {
    code?: string;
    cause?: unknown;
  };
  wrapped.code = code;
  wrapped.cause = error;
  return wrapped;
}

/** fsyncs a folder so renames inside it survive a power cut; skipped where the OS cannot. */
export async function syncDirectory(dir: string, fs: Pick<DurableFs, 'open'> = nodeFs): Promise<void> {
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems cannot open or fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
