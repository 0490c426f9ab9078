/**
 * A tiny command-line flag parser for the CLIs: `--name value`, `--name=value`, repeatable flags,
 * `--help`. Unknown flags, missing values and missing required flags are clear errors.
 */
import path from 'node:path';
import { plainErrorMessage } from '../core/fs-errors';

export interface FlagSpec {
  /** "string" takes a value; "boolean" does not. */
  type: 'string' | 'boolean';
  required?: boolean;
  multiple?: boolean;
  /** Shown in --help, e.g. "DIR". */
  placeholder?: string;
  description: string;
}

export type ParsedFlags = Record<string, string | string[] | boolean | undefined>;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandSpec {
  name: string;
  summary: string;
  flags: Record<string, FlagSpec>;
}

export function usage(spec: CommandSpec): string {
  const lines = [`Usage: ${spec.name} ${synopsis(spec)}`, '', spec.summary, '', 'Options:'];
  const entries = Object.entries({ ...spec.flags, help: { type: 'boolean', description: 'Show this help' } as FlagSpec });
  const rows = entries.map(([name, f]) => [`--${name}${f.type === 'string' ? ` ${f.placeholder ?? 'VALUE'}` : ''}`, f.description]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  for (const [left, right] of rows) lines.push(`  ${left!.padEnd(width)}  ${right}`);
  return lines.join('\n');
}

function synopsis(spec: CommandSpec): string {
  return Object.entries(spec.flags)
    .map(([name, f]) => {
      const text = `--${name}${f.type === 'string' ? ` ${f.placeholder ?? 'VALUE'}` : ''}${f.multiple ? ' ...' : ''}`;
      return f.required ? text : `[${text}]`;
    })
    .join(' ');
}

/** Parses argv (without node and script). Returns 'help' when --help was given. */
export function parseFlags(spec: CommandSpec, argv: string[]): ParsedFlags | 'help' {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = Object.prototype.hasOwnProperty.call(spec.flags, name) ? spec.flags[name]! : null;
    if (!flag) throw new UsageError(`unknown option --${name}`);
    let value: string | boolean;
    if (flag.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      value = true;
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value (${flag.placeholder ?? 'VALUE'})`);
      value = next;
      i++;
    }
    if (flag.type === 'string' && value === '') throw new UsageError(`--${name} needs a non-empty value`);
    if (flag.multiple) {
      const list = (out[name] as string[] | undefined) ?? [];
      list.push(value as string);
      out[name] = list;
    } else {
      if (out[name] !== undefined) throw new UsageError(`--${name} given more than once`);
      out[name] = value;
    }
  }
  for (const [name, flag] of Object.entries(spec.flags)) {
    if (flag.required && out[name] === undefined) throw new UsageError(`missing required option --${name}`);
  }
  return out;
}

/** Runs a CLI's main with argument parsing, --help and error reporting; sets the exit code. */
export async function runCli(spec: CommandSpec, main: (flags: ParsedFlags) => Promise<number>): Promise<void> {
  let flags: ParsedFlags | 'help';
  try {
    flags = parseFlags(spec, process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${spec.name}: ${error.message}\n\n${usage(spec)}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (flags === 'help') {
    process.stdout.write(`${usage(spec)}\n`);
    return;
  }
  try {
    process.exitCode = await main(flags);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${spec.name}: ${error.message}\n\n${usage(spec)}\n`);
      process.exitCode = 2;
      return;
    }
    // File-system failures in words naming the data folder (never "EROFS: read-only file system, …").
    const dataDir = typeof flags['data-dir'] === 'string' ? path.resolve(flags['data-dir']) : undefined;
    process.stderr.write(`${spec.name}: ${plainErrorMessage(error, dataDir)}\n`);
    process.exitCode = 1;
  }
}
