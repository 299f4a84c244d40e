/** Directories, roots and rotation statements for tests, signed with keys made per test file, on a fixed clock. */
import type { PharmacheckDb } from '../../../lib/lists';
import { sign, signaturesText, signatureText, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { directoryEntry, makeDirectory, makeRoot, makeRotation, trustFileText, type Directory, type DirectoryPublisher, type DirectoryRoot, type Rotation } from '../../../lib/trust';

/** Inside every fixture's validity. */
export const NOW = new Date('2026-06-01T12:00:00.000Z');
export const DIRECTORY_ID = 'test-directory';

export const encode = (text: string) => new TextEncoder().encode(text);

export function rootOf(keys: readonly SecretKeyFile[], threshold = 1): DirectoryRoot {
  return makeRoot(DIRECTORY_ID, keys.map(publicPart), threshold);
}

export function publisher(overrides: Partial<DirectoryPublisher> & { keys: DirectoryPublisher['keys'] }): DirectoryPublisher {
  return directoryEntry({ id: 'test-agency', name: 'Test Medicines Agency', type: 'authority', country: 'FR', lists: [{ id: 'agency-list' }], ...overrides });
}

export function directory(overrides: Partial<Directory> = {}): Directory {
  return makeDirectory({ id: DIRECTORY_ID, version: 1, issued: '2026-01-15T00:00:00Z', expires: '2027-01-15T00:00:00Z', publishers: [], revoked: [], ...overrides });
}

export interface Signed {
  readonly bytes: Uint8Array;
  readonly signature: string;
}

/** A file's bytes and a signatures file made by each of `keys`. */
export async function signedBy(bytes: Uint8Array, keys: readonly SecretKeyFile[]): Promise<Signed> {
  return { bytes, signature: signaturesText(await Promise.all(keys.map((k) => sign(bytes, k)))) };
}

export const directoryBytes = (d: Directory) => encode(trustFileText(d));

export function rotation(overrides: Partial<Rotation> & Pick<Rotation, 'from' | 'to'>): Rotation {
  return makeRotation({ id: 'test-list', issued: '2026-05-01T00:00:00Z', rollover: '2026-05-15T00:00:00Z', ...overrides });
}

export async function signedRotation(r: Rotation, key: SecretKeyFile): Promise<Signed> {
  const bytes = encode(trustFileText(r));
  return { bytes, signature: signatureText(await sign(bytes, key)) };
}

/** Puts a directory in force in a database, as if verified and stored (readDirectory reads it). */
export async function putDirectory(db: PharmacheckDb, d: Directory, signature = ''): Promise<void> {
  await db.directory.put({ id: 'directory', text: trustFileText(d), signature, version: d.version, source: 'url', installedAt: NOW.toISOString(), lastCheck: null, lastSuccess: null, lastError: null, failures: 0, nextCheck: null, etag: null });
}
