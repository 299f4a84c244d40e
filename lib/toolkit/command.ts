/**
 * What every command shares: its shape, where it writes, and argument parsing with Node's
 * util.parseArgs, where `--help` always works and a parsing mistake is a usage error (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Arg } from '../i18n/format';
import type { Translator } from '../i18n/translator';
import { usageError } from './exit';
import { toolkitTranslator, type ToolkitKey } from './i18n';
import type { Progress } from './progress';

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly progress: Progress;
  /** The clock every date check and default date reads (tests inject one; the CLI uses the system's). */
  readonly now?: () => Date;
  /** The messages in the person's language (lib/toolkit/i18n.ts); English when absent. */
  readonly messages?: Translator<ToolkitKey>;
}

let english: Translator<ToolkitKey> | null = null;

/** The translator a command writes its messages with: the Io's, else English. */
export function messagesOf(io: Pick<Io, 'messages'> = {}): Translator<ToolkitKey> {
  return io.messages ?? (english ??= toolkitTranslator('en', {}));
}

/** The time as the command sees it: the injected clock, else the system's. */
export function nowOf(io: Pick<Io, 'now'>): Date {
  return io.now ? io.now() : new Date();
}

export interface Command {
  readonly name: string;
  /** Values the help text shows (defaults); its one-line summary and help are summary_<name> and help_<name> in locales/toolkit/. */
  readonly helpArgs?: readonly Arg[];
  run(argv: readonly string[], io: Io): Promise<void>;
}

export const summaryOf = (command: Command, io: Pick<Io, 'messages'>) => messagesOf(io).t(`summary_${command.name}` as ToolkitKey);
export const helpOf = (command: Command, io: Pick<Io, 'messages'>) => messagesOf(io).t(`help_${command.name}` as ToolkitKey, ...(command.helpArgs ?? []));

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;
type Config<O extends Options> = { args: string[]; options: O & typeof HELP; allowPositionals: true; strict: true };
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parses a command's arguments; null when `--help` was asked for (and printed).
 * `names` lists the positional arguments in order; the optional ones end with `?`.
 */
export function parseCommand<const O extends Options>(command: Command, argv: readonly string[], io: Io, options: O, names: readonly string[] = []): Parsed<O> | null {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, ...HELP }, allowPositionals: true, strict: true }) as Parsed<O>;
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw usageError(unknown ? messagesOf(io).t('unknownOption', unknown[1]!) : message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(helpOf(command, io));
    return null;
  }
  const t = messagesOf(io).t;
  const required = names.filter((n) => !n.endsWith('?'));
  if (parsed.positionals.length < required.length) throw usageError(t('missingArguments', required.slice(parsed.positionals.length).map((n) => `<${n}>`).join(' ')));
  if (parsed.positionals.length > names.length) throw usageError(t('unexpectedArgument', parsed.positionals[names.length]!));
  return parsed;
}

/** A whole number option (`--version 3`), or undefined when absent. */
export function intOption(value: string | undefined, flag: string, min = 0, io: Pick<Io, 'messages'> = {}): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    const { t } = messagesOf(io);
    throw usageError(min > 0 ? t('wholeNumberAtLeast', flag, min, value) : t('wholeNumber', flag, value));
  }
  return Number(value);
}

export function required<T>(value: T | undefined, flag: string, io: Pick<Io, 'messages'> = {}): T {
  if (value === undefined) throw usageError(messagesOf(io).t('requiredOption', flag));
  return value;
}
