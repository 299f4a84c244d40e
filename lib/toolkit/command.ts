/**
 * What every command shares: its shape, where it writes, and argument parsing with Node's
 * util.parseArgs, where `--help` always works and a parsing mistake is a usage error (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './exit';
import type { Progress } from './progress';

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly progress: Progress;
  /** The clock every date check and default date reads (tests inject one; the CLI uses the system's). */
  readonly now?: () => Date;
}

/** The time as the command sees it: the injected clock, else the system's. */
export function nowOf(io: Pick<Io, 'now'>): Date {
  return io.now ? io.now() : new Date();
}

export interface Command {
  readonly name: string;
  /** One line, for `pharmacheck --help`. */
  readonly summary: string;
  /** The whole `--help` text. */
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;
type Config<O extends Options> = { args: string[]; options: O & typeof HELP; allowPositionals: true; strict: true };
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parses a command's arguments; null when `--help` was asked for (and printed).
 * `names` lists the positional arguments in order; the optional ones end with `?`.
 */
export function parseCommand<const O extends Options>(command: Pick<Command, 'name' | 'help'>, argv: readonly string[], io: Io, options: O, names: readonly string[] = []): Parsed<O> | null {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, ...HELP }, allowPositionals: true, strict: true }) as Parsed<O>;
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw usageError(unknown ? `unknown option ${unknown[1]}` : message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(command.help);
    return null;
  }
  const required = names.filter((n) => !n.endsWith('?'));
  if (parsed.positionals.length < required.length) throw usageError(`missing ${required.slice(parsed.positionals.length).map((n) => `<${n}>`).join(' ')}`);
  if (parsed.positionals.length > names.length) throw usageError(`unexpected argument "${parsed.positionals[names.length]}"`);
  return parsed;
}

/** A whole number option (`--version 3`), or undefined when absent. */
export function intOption(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw usageError(`--${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return Number(value);
}

export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw usageError(`--${flag} is required`);
  return value;
}
