/**
 * A key file is only as good as its consistency: a key id that is not the public key's, or a secret
 * key that does not make its public key, would sign files that no subscriber can verify.
 */
import * as ed from '@noble/ed25519';
import { usablePublicKey } from './ed25519';
import { fromBase64, keyIdOf, toBase64, type PublicKeyFile, type SecretKeyFile } from './index';

/** What is wrong with a (schema-valid) key file, or null. */
export async function keyFileProblem(key: PublicKeyFile | SecretKeyFile): Promise<string | null> {
  const publicKey = fromBase64(key.publicKey);
  if (publicKey.length !== 32) return 'the public key is not 32 bytes';
  if ((await keyIdOf(publicKey)) !== key.keyId) return `the key id ${key.keyId} is not the public key's`;
  if (!usablePublicKey(publicKey)) return 'the public key is not a canonical Ed25519 point of large order: no signature by it is accepted';
  if (!('secretKey' in key)) return null;
  const secretKey = fromBase64(key.secretKey);
  if (secretKey.length !== 32) return 'the secret key is not 32 bytes';
  const derived = await ed.getPublicKeyAsync(secretKey);
  return toBase64(derived) === key.publicKey ? null : 'the secret key does not belong to the public key in the same file';
}
