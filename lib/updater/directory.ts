/**
 * Updating the directory of publishers, on the same schedule as the subscriptions and in the same
 * way (docs/list-format.md §15): its latest.json (a 304 or the same version ends it), then the
 * directory file it names; both must be signed by enough of the extension's pinned keys, and the
 * directory must be newer than the one in force. Only then does it replace the one in force;
 * after any failure the one in force stays, and the next try backs off like a list's.
 */
import type { PharmacheckDb, StoredDirectory, UpdateError } from '../lists';
import { LIMITS, Refused } from '../lists';
import { SIGNATURES_MAX_CHARS } from '../signing';
import { checkDirectory, checkDirectoryLatest, readDirectory, TRUST_LIMITS, type Directory, type DirectoryRoot } from '../trust';
import { fetchSigned, FetchFailed, type FetchBytes } from './fetch';
import { failureDelayMs, isDue, successDelayMs } from './schedule';
import { describeError } from './update';

export type DirectoryOutcome =
  | { readonly status: 'skipped' }
  | { readonly status: 'unchanged'; readonly version: number }
  | { readonly status: 'updated'; readonly version: number; readonly directory: Directory }
  | { readonly status: 'failed'; readonly error: UpdateError };

export interface DirectoryDeps {
  readonly fetcher: FetchBytes;
  readonly now: () => Date;
  readonly random?: () => number;
}

/** Whether the directory has an update address and its next check is due. */
export async function directoryDue(db: PharmacheckDb, now: Date): Promise<boolean> {
  const row = await db.directory.get('directory');
  return !!row && isDue(row.nextCheck, now) && !!(await readDirectory(db))?.updateUrl;
}

/** Runs one update of the directory and records its outcome. Never throws. */
export async function updateDirectory(db: PharmacheckDb, root: DirectoryRoot, deps: DirectoryDeps): Promise<DirectoryOutcome> {
  const row = await db.directory.get('directory');
  const inForce = await readDirectory(db);
  const url = inForce?.updateUrl;
  if (!row || !url) return { status: 'skipped' };
  const started = deps.now();
  try {
    const outcome = await download(row, url, root, deps);
    const finished = deps.now();
    const interval = outcome.status === 'updated' ? outcome.directory.updateIntervalMinutes : inForce.updateIntervalMinutes;
    const status: Partial<StoredDirectory> = {
      lastCheck: finished.toISOString(),
      lastSuccess: finished.toISOString(),
      lastError: null,
      failures: 0,
      nextCheck: new Date(finished.getTime() + successDelayMs(interval)).toISOString(),
    };
    if (outcome.status === 'updated') {
      const { text, signature, etag } = outcome.files;
      await db.directory.put({ ...row, ...status, text, signature, version: outcome.directory.version, source: 'url', installedAt: finished.toISOString(), etag });
      return { status: 'updated', version: outcome.directory.version, directory: outcome.directory };
    }
    await db.directory.update('directory', { ...status, ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}) });
    return { status: 'unchanged', version: row.version };
  } catch (error) {
    const failures = row.failures + 1;
    const lastError = describeError(error, started);
    await db.directory.update('directory', { lastCheck: started.toISOString(), lastError, failures, nextCheck: new Date(started.getTime() + failureDelayMs(failures, deps.random)).toISOString() });
    return { status: 'failed', error: lastError };
  }
}

type Downloaded =
  | { status: 'unchanged'; etag?: string | null }
  | { status: 'updated'; directory: Directory; files: { text: string; signature: string; etag: string | null } };

async function download(row: StoredDirectory, url: string, root: DirectoryRoot, deps: DirectoryDeps): Promise<Downloaded> {
  const now = deps.now();
  const expect = { root, currentVersion: row.version, now };
  const latestFile = await fetchSigned(deps.fetcher, url, LIMITS.latestBytes, row.etag, SIGNATURES_MAX_CHARS);
  if (latestFile.notModified) return { status: 'unchanged' };
  const latest = await checkDirectoryLatest(latestFile.bytes, latestFile.signature, expect);
  if (latest.version === row.version) return { status: 'unchanged', etag: latestFile.etag };
  const file = await fetchSigned(deps.fetcher, new URL(latest.list, url).href, TRUST_LIMITS.directoryBytes, null, SIGNATURES_MAX_CHARS);
  if (file.notModified) throw new FetchFailed('http-304', latest.list);
  const directory = await checkDirectory(file.bytes, file.signature, expect);
  if (directory.version !== latest.version) throw new Refused('invalid', `the directory is version ${directory.version}, its latest.json says ${latest.version}`);
  // Verified: the exact bytes are kept, so they can be verified again under other pinned keys.
  return { status: 'updated', directory, files: { text: new TextDecoder().decode(file.bytes), signature: file.signature, etag: latestFile.etag } };
}
