/**
 * The `pharmacheck` command line: finds the command, runs it, and turns every outcome into an exit
 * code (exit.ts). A user's mistake gets one clear message on stderr; only a bug gets a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Refused } from '../lists';
import type { Command, Io } from './command';
import { build } from './commands/build';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { directory } from './commands/directory';
import { keygen } from './commands/keygen';
import { publish } from './commands/publish';
import { rotate } from './commands/rotate';
import { sign } from './commands/sign';
import { verify } from './commands/verify';
import { CliError, EXIT, type ExitCode } from './exit';

export const COMMANDS: readonly Command[] = [keygen, build, sign, verify, diff, publish, check, rotate, directory];

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: pharmacheck <command> [options]

The Pharmacheck list toolkit: build, sign, verify, diff and publish lists of illegal online
pharmacies (blocklists) and of authorised ones (allowlists), in the format the extension reads
(docs/list-format.md), with the extension's own code; roll a key over; make the directory of
publishers that says who may speak as an authority or a register.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "pharmacheck <command> --help" for a command's options.

Exit codes:
  ${EXIT.ok}  done (verify: the file verifies; check: a verdict was given)
  ${EXIT.refused}  refused or invalid input: a bad line, a file that does not verify, an invalid list,
     a key file that keygen will not overwrite
  ${EXIT.usage}  usage error: unknown command or option, missing or malformed argument
  ${EXIT.io}  a file or directory could not be read or written
  ${EXIT.internal}  a bug in the toolkit (please report it with the message)
`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return `pharmacheck ${String(pkg.version)}\n`;
}

function fail(io: Io, where: string, error: unknown): ExitCode {
  if (error instanceof CliError) {
    const hint = error.code === EXIT.usage ? `\nRun "${where} --help" for usage.` : '';
    io.stderr.write(`${where}: ${error.message}${hint}\n`);
    return error.code;
  }
  // Checks in lib/ that refuse a file the command did not wrap: still the user's input.
  if (error instanceof Refused) {
    io.stderr.write(`${where}: refused: ${error.message}\n`);
    return EXIT.refused;
  }
  io.stderr.write(`${where}: internal error (a bug; please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}

export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(globalHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.stdout.write(globalHelp());
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(version());
    return EXIT.ok;
  }
  if (name === 'help') {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !topic) return fail(io, 'pharmacheck', new CliError(EXIT.usage, `unknown command "${rest[0]}"`));
    io.stdout.write(topic ? topic.help : globalHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    return fail(io, 'pharmacheck', new CliError(EXIT.usage, `unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`));
  }
  try {
    await command.run(rest, io);
    return EXIT.ok;
  } catch (error) {
    io.progress.done();
    return fail(io, `pharmacheck ${command.name}`, error);
  }
}
