/**
 * The one dispatch both hosts use (Electron's IPC handlers and the browser host's POST
 * /api/<channel>), so they cannot drift: check the argument against the contract, call the core
 * service's method, and turn any failure into one plain sentence with its kind (the error's name)
 * and the HTTP status the browser host answers with.
 */
import { checkArg } from '../shared/contract-check';
import type { NewsApi } from '../shared/contract';
import { InvalidArgumentError, NotFoundError, RefusedError } from '../shared/errors';
import { fsProblemOf, plainErrorMessage } from './fs-errors';

export type DispatchOutcome =
  | { ok: true; result: unknown }
  | { ok: false; status: number; name: string; message: string };

/** HTTP status of a failed call: the caller's mistake (4xx) or the data folder's state (503/507). */
export function statusOfError(error: unknown): number {
  if (error instanceof InvalidArgumentError || error instanceof RefusedError) return 400;
  if (error instanceof NotFoundError) return 404;
  const problem = fsProblemOf(error);
  if (problem === 'full') return 507;
  if (problem) return 503;
  return 500;
}

/** Runs `method` with `arg` on `api`; never throws. `dataDir` names the folder in fs messages. */
export async function dispatch(api: NewsApi, method: string, arg: unknown, dataDir?: string): Promise<DispatchOutcome> {
  try {
    checkArg(method, arg);
    const call = api[method] as (arg?: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(api, arg) };
  } catch (error) {
    return {
      ok: false,
      status: statusOfError(error),
      name: error instanceof Error ? error.name : 'Error',
      message: plainErrorMessage(error, dataDir),
    };
  }
}
