/** A command's refusal with its exit code (1: refused input; 2: usage), printed without a stack trace. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
