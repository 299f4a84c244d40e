/**
 * A directory that is served to anyone (a publish or export directory) and replaced as a whole
 * must not hold anything private: the secret key that signs the lists, a database's files, or the
 * directory the command stands in. Paths are compared after resolving symbolic links where they
 * exist, so a link cannot smuggle the key in.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, basename, resolve, sep } from 'node:path';

export interface Guarded {
  /** The current directory (replacing it would pull the floor from under the process). */
  readonly workingDirectory?: string;
  /** Secret files: signing keys. */
  readonly secrets?: readonly string[];
  /** Directories with private data: a data directory, a database. */
  readonly privateDirectories?: readonly string[];
}

export type ServedDirectoryProblem =
  | { readonly holds: 'working-directory'; readonly path: string }
  | { readonly holds: 'secret'; readonly path: string }
  | { readonly holds: 'private-directory'; readonly path: string };

/** The real path, or, for a path that does not exist yet, its nearest existing parent's real path joined with the rest. */
function real(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(real(parent), basename(absolute));
  }
}

export function servedDirectoryProblem(root: string, guarded: Guarded): ServedDirectoryProblem | null {
  const served = real(root);
  const holds = (path: string) => {
    const p = real(path);
    return p === served || p.startsWith(served.endsWith(sep) ? served : `${served}${sep}`);
  };
  if (guarded.workingDirectory !== undefined && holds(guarded.workingDirectory)) return { holds: 'working-directory', path: guarded.workingDirectory };
  for (const path of guarded.secrets ?? []) if (holds(path)) return { holds: 'secret', path };
  for (const path of guarded.privateDirectories ?? []) if (holds(path)) return { holds: 'private-directory', path };
  return null;
}
