/**
 * The hub's Ed25519 signing key: the trust anchor subscribers configure. Read from
 * PHARMACHECK_HUB_SIGNING_KEY (a secret key file written by `npx pharmacheck keygen`), or created
 * on first start in the data directory (mode 0600) so that the hub works out of the box. A key file
 * that others may read, that is malformed, or whose key id does not match its key stops the hub.
 *
 * Every hub process on one database must sign with the same key, or subscribers would refuse half
 * of what is published: the first process records the key's id in the database, and a process
 * that brings another key is refused at start (`claimSigningKey`).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateKey, keyFileProblem, secretKeySchema, type SecretKeyFile } from '../../lib/signing';
import type { Queryable } from './db';

export function signingKeyPath(config: { readonly dataDir: string; readonly signingKeyPath?: string }): string {
  return config.signingKeyPath ?? join(config.dataDir, 'signing-key.json');
}

export class SigningKeyError extends Error {}

/** Why the file's mode lets others read a secret, or null. */
export function modeProblem(path: string, mode: number): string | null {
  const readers = [mode & 0o070 ? 'its group' : null, mode & 0o007 ? 'others' : null].filter(Boolean);
  if (readers.length === 0) return null;
  return `the signing key ${path} can be read by ${readers.join(' and ')} (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); make it its owner's only: chmod 600 ${path}`;
}

/**
 * Loads the key; creates one only when `create` (the default location, never a path the operator
 * named: a missing file there is a mistake to report, not a reason to mint a new trust anchor).
 */
export async function loadSigningKey(path: string, { create = true }: { create?: boolean } = {}): Promise<{ key: SecretKeyFile; created: boolean }> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SigningKeyError(`the signing key ${path} is not a file`);
    const problem = modeProblem(path, info.mode);
    if (problem) throw new SigningKeyError(problem);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SigningKeyError(`cannot read the signing key ${path}: ${(error as Error).message}`);
    if (!create) throw new SigningKeyError(`the signing key ${path} does not exist (npx pharmacheck keygen writes one; chmod 600 it)`);
    const key = await generateKey();
    await mkdir(dirname(path), { recursive: true });
    // 'wx': never overwrite a key another process wrote meanwhile.
    await writeFile(path, `${JSON.stringify(key, null, 1)}\n`, { mode: 0o600, flag: 'wx' });
    return { key, created: true };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`the signing key ${path} is not JSON`);
  }
  const key = secretKeySchema.safeParse(parsed);
  if (!key.success) throw new SigningKeyError(`the signing key ${path} is not a secret key file (npx pharmacheck keygen writes one)`);
  const problem = await keyFileProblem(key.data);
  if (problem) throw new SigningKeyError(`the signing key ${path}: ${problem}`);
  return { key: key.data, created: false };
}

/** Records this key as the database's signing key, or refuses it when another one is recorded. */
export async function claimSigningKey(db: Queryable, keyId: string): Promise<void> {
  await db.query(`insert into hub_settings (name, value) values ('signing-key-id', $1) on conflict (name) do nothing`, [keyId]);
  const { rows } = await db.query<{ value: string }>(`select value from hub_settings where name = 'signing-key-id'`);
  const recorded = rows[0]?.value;
  if (recorded !== keyId) {
    throw new SigningKeyError(
      `this database's lists are signed with key ${recorded}, but this hub's signing key is ${keyId}: every hub process on one database ` +
        'needs the same key file (PHARMACHECK_HUB_SIGNING_KEY); see docs/hub.md, "Rotating the signing key"',
    );
  }
}
