/**
 * Plain words for file-system failures: a read-only disk, a missing folder, a full disk, no
 * permission. Node's own text ("EROFS: read-only file system, open '/x/.lock'") never reaches a
 * user; each of these says which data folder and what to do, in one sentence.
 */
import fs from 'node:fs';
import path from 'node:path';

export type FsProblem = 'read-only' | 'no-permission' | 'full' | 'missing' | 'not-a-folder' | 'disk-error' | 'too-many-files';

const PROBLEM_BY_CODE: Record<string, FsProblem> = {
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  ENOSPC: 'full',
  EDQUOT: 'full',
  ENOENT: 'missing',
  ENOTDIR: 'not-a-folder',
  EIO: 'disk-error',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
};

/** The problem a Node file-system error stands for, or null when it is not one. */
export function fsProblemOf(error: unknown): FsProblem | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // mkdir of the data folder where a file of that name exists.
  if (code === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'mkdir') return 'not-a-folder';
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(PROBLEM_BY_CODE, code)) return null;
  // Only errors with a path or a syscall come from the file system (ENOENT also names missing
  // programs, ECONNREFUSED and friends are the network's and are worded elsewhere).
  // A store error that wrapped one (durable-file.ts keeps `code` and the original as `cause`) counts.
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const fromFs = (x: NodeJS.ErrnoException | undefined) => typeof x?.path === 'string' || typeof x?.syscall === 'string';
  if (!fromFs(e) && !(e.cause?.code === code && fromFs(e.cause))) return null;
  return PROBLEM_BY_CODE[code]!;
}

/** One sentence naming the folder and what to do, or null when `error` is no file-system error.
 * `folder` is the data folder (default: the folder of the path in the error). */
export function describeFsError(error: unknown, folder?: string): string | null {
  const problem = fsProblemOf(error);
  if (!problem) return null;
  const where = folder ?? (typeof (error as NodeJS.ErrnoException).path === 'string' ? path.dirname((error as NodeJS.ErrnoException).path!) : 'the data folder');
  switch (problem) {
    case 'read-only':
      return `The data folder ${where} is on a read-only disk, so nothing can be saved there; make it writable or use another data folder, and try again.`;
    case 'no-permission':
      return `Offline News is not allowed to write to the data folder ${where}; give your user write permission on it or use another data folder, and try again.`;
    case 'full':
      return `The disk holding the data folder ${where} is full; nothing was half-written, so free some space (or lower the storage budget) and try again.`;
    case 'missing':
      if (fs.existsSync(where)) return `A file in the data folder ${where} went missing while Offline News was using it; try again.`;
      return `The data folder ${where} is missing (moved, deleted or on a drive that was unplugged); reconnect it or use another data folder, and try again.`;
    case 'not-a-folder':
      return `The data folder ${where} is not a folder (it, or part of its path, is a file); use another data folder and try again.`;
    case 'disk-error':
      return `The disk holding the data folder ${where} reported a read or write error; check the disk, then try again.`;
    case 'too-many-files':
      return `Too many files are open to use the data folder ${where}; close some programs and try again.`;
  }
}

/** What to show a user for any error: plain words for file-system failures, else the message. */
export function plainErrorMessage(error: unknown, folder?: string): string {
  return describeFsError(error, folder) ?? (error instanceof Error ? error.message : String(error));
}
