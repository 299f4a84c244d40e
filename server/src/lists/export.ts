/**
 * Export: everything the hub publishes, written to a directory in the publish layout
 * (docs/list-format.md) for any static web server or CDN, checked first as subscribers would
 * check it (lib/publishing verifyLayout) and swapped in atomically. Exports take an advisory lock
 * in turn and each reads the latest committed publications, so the last export written is never
 * older than the last publication.
 */
import { servedDirectoryProblem, verifyLayout, writeLayout, PublishError } from '../../../lib/publishing';
import type { PublicKeyFile } from '../../../lib/signing';
import type { HubConfig } from '../config';
import { LOCKS, type Database } from '../db';
import { signingKeyPath } from '../signing-key';
import { allPublishedFiles } from './published-files';

export interface ExportResult {
  readonly dir: string;
  readonly files: number;
  /** Lists whose current version has expired (exported as served; subscribers refuse them). */
  readonly expired: string[];
}

/** Why `dir` must not be an export directory (it holds the key, the data or the working directory), or null. */
export function exportDirProblem(dir: string, config: Pick<HubConfig, 'dataDir' | 'signingKeyPath' | 'database'>): string | null {
  const key = signingKeyPath(config);
  const privateDirectories = [config.dataDir, ...(config.database.kind === 'pglite' ? [config.database.dataDir] : [])];
  const problem = servedDirectoryProblem(dir, { workingDirectory: process.cwd(), secrets: [key], privateDirectories });
  if (!problem) return null;
  if (problem.holds === 'secret') return `${dir} would hold the signing key ${key}, and it is served to anyone; export elsewhere`;
  if (problem.holds === 'private-directory') return `${dir} would hold the hub's data directory ${problem.path}, and it is served to anyone; export elsewhere`;
  return `${dir} holds the current directory, and an export replaces it as a whole; export into a directory of its own`;
}

export interface ExportRequest {
  readonly dir: string;
  /** The public half of the hub's signing key: every file is checked against it. */
  readonly key: PublicKeyFile;
  /** Where the hub's own secrets and data are, which the directory must not hold. */
  readonly config: Pick<HubConfig, 'dataDir' | 'signingKeyPath' | 'database'>;
  readonly now?: Date;
}

export async function exportLists(db: Database, { dir, key, config, now = new Date() }: ExportRequest): Promise<ExportResult> {
  const problem = exportDirProblem(dir, config);
  if (problem) throw new PublishError('unsafe-directory', problem);
  return db.exclusive(LOCKS.export, async (q) => {
    const files = await allPublishedFiles(q);
    if (files.size === 0) throw new PublishError('refused', 'nothing to export: no list has been published yet');
    const { expired } = await verifyLayout(files, key, now);
    await writeLayout(dir, files);
    return { dir, files: files.size, expired };
  });
}
