/** Reading key files: the secret one for signing, the public one for verifying, never mixed up. */
import { keyFileProblem, publicKeySchema, secretKeySchema, type PublicKeyFile, type SecretKeyFile } from '../signing';
import { refused } from './exit';
import { parseWith, readText } from './files';

async function keyJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch {
    throw refused(`${path} is not a key file (not JSON)`);
  }
}

async function consistent<K extends PublicKeyFile>(key: K, path: string): Promise<K> {
  const problem = await keyFileProblem(key);
  if (problem) throw refused(`${path} is not a usable key file: ${problem}`);
  return key;
}

export async function readSecretKey(path: string): Promise<SecretKeyFile> {
  const value = await keyJson(path);
  if (publicKeySchema.safeParse(value).success) throw refused(`${path} is a public key file; signing needs the secret key file`);
  return consistent(parseWith(secretKeySchema, value, path, 'secret key file'), path);
}

export async function readPublicKey(path: string): Promise<PublicKeyFile> {
  const value = await keyJson(path);
  if (secretKeySchema.safeParse(value).success) {
    throw refused(`${path} is a secret key file; give the public key file (the secret one stays with whoever signs)`);
  }
  return consistent(parseWith(publicKeySchema, value, path, 'public key file'), path);
}
