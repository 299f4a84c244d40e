/**
 * The directory of publishers in force: the one shipped in the package until a newer one is
 * downloaded (lib/updater/directory.ts), stored as its signed bytes. On every start the stored one
 * is checked again against the pinned keys of the package in force, so that a release which
 * unpins a key (a compromised directory key) also drops every directory that key signed: the
 * shipped one is then in force again, and versions below it are rollbacks.
 */
import { z } from 'zod';
import type { PharmacheckDb, StoredDirectory } from '../lists';
import { checkDirectory } from './check';
import { directoryRootSchema, directorySchema, type Directory, type DirectoryRoot } from './schema';

/** Where the build puts the shipped directory and its pinned keys (from data/directory/). */
export const DIRECTORY_ASSETS = {
  root: 'directory/root.json',
  directory: 'directory/directory.json',
  signature: 'directory/directory.json.sig',
} as const;

export interface ShippedDirectory {
  readonly root: DirectoryRoot;
  readonly text: string;
  readonly signature: string;
}

export type FetchText = (path: string) => Promise<string>;

/** The pinned keys shipped in the package. */
export async function readShippedRoot(fetchText: FetchText): Promise<DirectoryRoot> {
  const root = directoryRootSchema.safeParse(JSON.parse(await fetchText(DIRECTORY_ASSETS.root)));
  if (!root.success) throw new Error(`${DIRECTORY_ASSETS.root} is invalid: ${z.prettifyError(root.error)}`);
  return root.data;
}

export async function readShippedDirectory(fetchText: FetchText): Promise<ShippedDirectory> {
  return { root: await readShippedRoot(fetchText), text: await fetchText(DIRECTORY_ASSETS.directory), signature: await fetchText(DIRECTORY_ASSETS.signature) };
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The shipped directory, checked against the pinned keys; dates aside (it ships with the code). */
export async function shippedDirectory(shipped: ShippedDirectory, now: Date): Promise<Directory> {
  return checkDirectory(encode(shipped.text), shipped.signature, { root: shipped.root, currentVersion: null, now, ignoreDates: true });
}

/**
 * Puts the shipped directory in force unless a stored one is at least as new and still verifies
 * with the pinned keys. Returns the directory in force. Throws when the shipped one does not verify
 * (a broken package).
 */
export async function ensureShippedDirectory(db: PharmacheckDb, shipped: ShippedDirectory, now: Date): Promise<Directory> {
  const bundled = await shippedDirectory(shipped, now);
  const stored = await db.directory.get('directory');
  if (stored && stored.version >= bundled.version) {
    const still = await checkDirectory(encode(stored.text), stored.signature, { root: shipped.root, currentVersion: null, now, ignoreDates: true }).catch(() => null);
    if (still) return still;
  }
  const row: StoredDirectory = {
    id: 'directory',
    text: shipped.text,
    signature: shipped.signature,
    version: bundled.version,
    source: 'bundled',
    installedAt: now.toISOString(),
    lastCheck: stored?.lastCheck ?? null,
    lastSuccess: null,
    lastError: null,
    failures: 0,
    nextCheck: null,
    etag: null,
  };
  await db.directory.put(row);
  return bundled;
}

/** The directory in force, as stored (it was verified before it was stored), or null. */
export async function readDirectory(db: PharmacheckDb): Promise<Directory | null> {
  const row = await db.directory.get('directory');
  if (!row) return null;
  try {
    return directorySchema.parse(JSON.parse(row.text));
  } catch {
    return null;
  }
}
