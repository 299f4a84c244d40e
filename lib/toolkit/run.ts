/**
 * The `pharmacheck` command line: finds the command, runs it, and turns every outcome into an exit
 * code (exit.ts). A user's mistake gets one clear message on stderr; only a bug gets a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Refused } from '../lists';
import { useNativeEd25519 } from '../signing/ed25519';
import { nodeEd25519 } from '../signing/node';
import { helpOf, messagesOf, summaryOf, type Command, type Io } from './command';
import { build } from './commands/build';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { directory } from './commands/directory';
import { exportCommand } from './commands/export';
import { keygen } from './commands/keygen';
import { publish } from './commands/publish';
import { rotate } from './commands/rotate';
import { sign } from './commands/sign';
import { verify } from './commands/verify';
import { CliError, EXIT, type ExitCode } from './exit';
import { packageFile } from './package-root';
import { takeLangOption, toolkitLanguages, toolkitTranslator, UnknownLanguage } from './i18n';

// Signatures are checked through Node's crypto.verify: a million-entry list's in 0.14 s instead
// of WebCrypto's 0.5 s here (lib/signing/ed25519.ts, NativeEd25519).
useNativeEd25519(nodeEd25519);

export const COMMANDS: readonly Command[] = [keygen, build, sign, verify, diff, publish, check, exportCommand, rotate, directory];

function globalHelp(io: Io): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return messagesOf(io).t('globalHelp', COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c, io)}`).join('\n'));
}

function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: unknown };
  return `pharmacheck ${String(pkg.version)}\n`;
}

function fail(io: Io, where: string, error: unknown): ExitCode {
  const { t } = messagesOf(io);
  if (error instanceof CliError) {
    const hint = error.code === EXIT.usage ? `\n${t('usageHint', where)}` : '';
    io.stderr.write(`${where}: ${error.message}${hint}\n`);
    return error.code;
  }
  // Checks in lib/ that refuse a file the command did not wrap: still the user's input.
  if (error instanceof Refused) {
    io.stderr.write(`${where}: ${t('refusedError', error.message)}\n`);
    return EXIT.refused;
  }
  io.stderr.write(`${where}: ${t('internalError')}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}

/** Runs a command line; --lang anywhere before "--" chooses the language of the messages (i18n.ts). */
export async function run(argv: readonly string[], given: Io, env: Readonly<Record<string, string | undefined>> = {}): Promise<ExitCode> {
  const { lang, rest: args } = takeLangOption(argv);
  let io: Io;
  try {
    io = given.messages ? given : { ...given, messages: toolkitTranslator(lang, env) };
  } catch (error) {
    if (!(error instanceof UnknownLanguage)) throw error;
    return fail(given, 'pharmacheck', new CliError(EXIT.usage, messagesOf(given).t('unknownLanguage', error.language, toolkitLanguages().join(', '))));
  }
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr.write(globalHelp(io));
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.stdout.write(globalHelp(io));
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(version());
    return EXIT.ok;
  }
  if (name === 'help') {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !topic) return fail(io, 'pharmacheck', new CliError(EXIT.usage, messagesOf(io).t('unknownCommand', rest[0])));
    io.stdout.write(topic ? helpOf(topic, io) : globalHelp(io));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    return fail(io, 'pharmacheck', new CliError(EXIT.usage, messagesOf(io).t('unknownCommandList', name, COMMANDS.map((c) => c.name).join(', '))));
  }
  try {
    await command.run(rest, io);
    return EXIT.ok;
  } catch (error) {
    io.progress.done();
    return fail(io, `pharmacheck ${command.name}`, error);
  }
}
