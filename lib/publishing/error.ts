/**
 * The one error type of publishing, whoever publishes: the toolkit maps it to an exit code, the hub
 * to an HTTP answer. `reason` says what kind of problem it is, the message says it in words.
 */
export type PublishProblem =
  /** The version is older than one already published: subscribers would refuse it. */
  | 'rollback'
  /** The version is already published with other content. */
  | 'version-taken'
  /** A file of the publication would be refused by subscribers (expired, too large, …). */
  | 'refused'
  /** The directory is not one that may be served to anyone (it holds a secret, the data, …). */
  | 'unsafe-directory'
  /** A file or directory could not be read or written. */
  | 'io';

export class PublishError extends Error {
  constructor(
    readonly problem: PublishProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the directory is not empty',
};

/** An I/O failure in words ("permission denied"), not an errno. */
export function ioReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (REASONS[code] ?? code) : error instanceof Error ? error.message : String(error);
}
