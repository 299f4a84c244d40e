/**
 * Exit codes (documented in the README and in `pharmacheck --help`) and the one error type the
 * commands throw for anything a user can fix: it carries its exit code and a message, never a
 * stack trace.
 */
export const EXIT = {
  /** Done; for `verify`, the file verifies; for `check`, a verdict was given. */
  ok: 0,
  /** Refused or invalid input: a bad line, a file that does not verify, an invalid list, a key file keygen will not overwrite. */
  refused: 1,
  /** Usage: an unknown command or option, a missing or malformed argument. */
  usage: 2,
  /** A file or directory could not be read or written. */
  io: 3,
  /** A bug in the toolkit (please report it, with the message). */
  internal: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
export const refused = (message: string) => new CliError(EXIT.refused, message);
export const ioError = (message: string) => new CliError(EXIT.io, message);
