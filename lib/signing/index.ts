/**
 * Ed25519 signatures over the exact bytes of a published file (a list, a delta, a list's
 * `latest.json`), detached in a `.sig` file beside it, alike in the service worker, the pages, Node
 * and the hub. The signatures are made and checked by ./ed25519.ts: WebCrypto's Ed25519 where the
 * platform has it, @noble/ed25519 (audited, pure JS) where it does not; keys are made by noble.
 *
 * Key id: the first 16 hex digits of SHA-256(raw public key), so a signature file names the key
 * that made it and a subscriber can tell "wrong key" from "bad signature".
 */
import * as ed from '@noble/ed25519';
import { z } from 'zod';
import { signerFor, verifyBytes } from './ed25519';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const signatureFileSchema = z.strictObject({
  format: z.literal(1),
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: base64.length(88),
});
export type SignatureFile = z.infer<typeof signatureFileSchema>;

export const publicKeySchema = z.strictObject({
  format: z.literal(1),
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: base64.length(44),
});
export type PublicKeyFile = z.infer<typeof publicKeySchema>;

export const secretKeySchema = publicKeySchema.extend({ secretKey: base64.length(44) });
export type SecretKeyFile = z.infer<typeof secretKeySchema>;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The bytes of a base64 text, or null unless the text is exactly how toBase64 writes them. */
function canonicalBase64(text: string): Uint8Array | null {
  try {
    const bytes = fromBase64(text);
    return toBase64(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function keyIdOf(publicKey: Uint8Array): Promise<string> {
  return (await sha256Hex(publicKey)).slice(0, 16);
}

export async function generateKey(): Promise<SecretKeyFile> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  return {
    format: 1,
    algorithm: 'ed25519',
    keyId: await keyIdOf(publicKey),
    publicKey: toBase64(publicKey),
    secretKey: toBase64(secretKey),
  };
}

export function publicPart(key: SecretKeyFile): PublicKeyFile {
  return { format: 1, algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKey };
}

export async function sign(bytes: Uint8Array, key: SecretKeyFile): Promise<SignatureFile> {
  return (await signer(key))(bytes);
}

/**
 * A signer for one key, imported once. Where the platform has Ed25519 a call starts the signing
 * off the main thread before it returns, so the caller can check the bytes meanwhile.
 */
export async function signer(key: SecretKeyFile): Promise<(bytes: Uint8Array) => Promise<SignatureFile>> {
  const signBytes = await signerFor(fromBase64(key.secretKey));
  return async (bytes) => ({ format: 1, algorithm: 'ed25519', keyId: key.keyId, signature: toBase64(await signBytes(bytes)) });
}

export type SignatureProblem = 'bad-signature-file' | 'wrong-key' | 'bad-signature';

/**
 * Checks a detached signature over bytes against the key a subscription trusts, or against a key
 * ring (the keys a subscription accepts while a key rolls over, docs/list-format.md §16): the
 * signature's key id chooses the key. Never throws: malformed input is a problem like any other.
 */
export async function verify(bytes: Uint8Array, signatureText: string, trusted: PublicKeyFile | readonly PublicKeyFile[]): Promise<SignatureProblem | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(signatureText);
  } catch {
    return 'bad-signature-file';
  }
  const file = signatureFileSchema.safeParse(parsed);
  if (!file.success) return 'bad-signature-file';
  const ring: readonly PublicKeyFile[] = Array.isArray(trusted) ? trusted : [trusted as PublicKeyFile];
  const key = ring.find((k) => k.keyId === file.data.keyId);
  return verifyOne(bytes, file.data, key);
}

/** One parsed signature against one key (undefined: the signature names a key not trusted). */
export async function verifyOne(bytes: Uint8Array, file: SignatureFile, key: PublicKeyFile | undefined): Promise<SignatureProblem | null> {
  // atob ignores the unused low bits of the last base64 digit, so several texts decode to the same
  // signature. Only the canonical text is accepted: any change to a `.sig` file is refused.
  const signature = canonicalBase64(file.signature);
  if (signature?.length !== 64) return 'bad-signature-file';
  if (key === undefined || file.keyId !== key.keyId) return 'wrong-key';
  try {
    const publicKey = fromBase64(key.publicKey);
    if ((await keyIdOf(publicKey)) !== key.keyId) return 'wrong-key';
    const ok = await verifyBytes(signature, bytes, publicKey);
    return ok ? null : 'bad-signature';
  } catch {
    return 'bad-signature';
  }
}

/** The `.sig` file's text. */
export function signatureText(signature: SignatureFile): string {
  return `${JSON.stringify(signature)}\n`;
}

export { keyFileProblem } from './key-check';
export { signaturesText, signerIds, verifyThreshold, MAX_SIGNATURES, SIGNATURES_MAX_CHARS } from './threshold';
export type { ThresholdProblem } from './threshold';
