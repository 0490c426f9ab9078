/**
 * The runtime check of a call's argument, derived from the contract's schemas: both hosts run it
 * (through core/dispatch.ts) before the core sees anything. A refusal is an InvalidArgumentError
 * whose message names the method and the problem in plain words.
 */
import * as v from 'valibot';
import { contract, maxArgBytes, type NewsMethod } from './contract';
import { describeIssue } from './contract-schemas';
import { InvalidArgumentError } from './errors';

export { InvalidArgumentError };

/** True when `method` is a contract method (own key: "__proto__" and "toString" are not). */
export const isNewsMethod = (method: string): method is NewsMethod => Object.prototype.hasOwnProperty.call(contract, method);

/** Throws InvalidArgumentError unless `arg` is acceptable for `method`. */
export function checkArg(method: string, arg: unknown): asserts method is NewsMethod {
  if (!isNewsMethod(method)) throw new InvalidArgumentError(method, 'unknown method');
  let size: number;
  try {
    size = arg === undefined ? 0 : (JSON.stringify(arg)?.length ?? 0);
  } catch {
    throw new InvalidArgumentError(method, 'not serializable');
  }
  const cap = maxArgBytes(method);
  if (size > cap) throw new InvalidArgumentError(method, `argument larger than ${cap} bytes`);
  const parsed = v.safeParse(contract[method].arg, arg, { abortEarly: true, abortPipeEarly: true });
  if (!parsed.success) throw new InvalidArgumentError(method, describeIssue(parsed.issues[0]));
}
