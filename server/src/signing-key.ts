/**
 * The hub's Ed25519 signing key: the trust anchor subscribers configure. Read from
 * PHARMACHECK_HUB_SIGNING_KEY (a secret key file written by `npx pharmacheck keygen`), or created
 * on first start in the data directory (mode 0600) so that `npm run hub` works out of the box.
 * A key file that is malformed, or whose key id does not match its key, stops the hub.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateKey, keyFileProblem, secretKeySchema, type SecretKeyFile } from '../../lib/signing';

export function signingKeyPath(config: { readonly dataDir: string; readonly signingKeyPath?: string }): string {
  return config.signingKeyPath ?? join(config.dataDir, 'signing-key.json');
}

export async function loadSigningKey(path: string): Promise<{ key: SecretKeyFile; created: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the signing key ${path}: ${(error as Error).message}`);
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
    throw new Error(`the signing key ${path} is not JSON`);
  }
  const key = secretKeySchema.safeParse(parsed);
  if (!key.success) throw new Error(`the signing key ${path} is not a secret key file (npx pharmacheck keygen writes one)`);
  const problem = await keyFileProblem(key.data);
  if (problem) throw new Error(`the signing key ${path}: ${problem}`);
  return { key: key.data, created: false };
}
