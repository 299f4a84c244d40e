/**
 * Ed25519 itself, in two engines that give the same signatures (and, where a runtime installs one,
 * a third that only verifies: `NativeEd25519` below, Node's `crypto.verify` in the toolkit):
 * - the platform's (WebCrypto's `Ed25519`: Node 20, Chromium 137+, Firefox 129+), which hashes the
 *   caller's bytes where they are in the browsers (Node 20's copies them into its job first);
 * - @noble/ed25519, where WebCrypto has no Ed25519 (an older Chromium). noble copies the message
 *   twice per signature (one copy to own it, one to prefix it for the hash): on a 146 MB list of a
 *   million entries those copies were 1.3 s of the toolkit's 5.3 s `sign`.
 *
 * Ed25519 is deterministic, so both engines make the same 64 bytes for the same key and message.
 * Node's native check is OpenSSL's, as its WebCrypto is, and judges as the platform engine does.
 * All refuse a public key that is not a canonical encoding or that has small order (noble's
 * strict decoding runs before either engine verifies: with such a key, signatures could be made
 * without the secret key), a signature whose S is not below the group order, and a non-canonical R.
 * What is left between them is the equation: WebCrypto's implementations check it without the
 * cofactor, noble's strict mode with it, so a signature crafted with a small-order component in R
 * (which only the key's holder can make) may pass noble and fail WebCrypto; no signature that an
 * honest signer makes is judged differently.
 */
import * as ed from '@noble/ed25519';

export type Engine = 'platform' | 'noble' | 'native';

/**
 * A synchronous Ed25519 check that a runtime may offer beside WebCrypto (Node's `crypto.verify`:
 * `lib/signing/node.ts`, which the toolkit installs). Node 20's WebCrypto copies the message
 * before it hashes it, so checking a 146 MB list took 0.5 s there against 0.14 s for the same
 * check through `crypto.verify` (about one SHA-512 pass). The browser has no such thing: the
 * extension never installs one.
 */
export interface NativeEd25519 {
  /** Whether `signature` is the public key's over `message`; may throw on malformed input. */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

let native: NativeEd25519 | undefined;

/** Makes `impl` the engine that verifies (signing stays with WebCrypto, off the main thread); undefined puts WebCrypto back. */
export function useNativeEd25519(impl: NativeEd25519 | undefined): void {
  native = impl;
}

/** RFC 8032's first test public key, imported once to learn whether WebCrypto has Ed25519. */
const PROBE_KEY = Uint8Array.from([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
  0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
]);

/** The DER prefix that wraps a raw 32-byte Ed25519 seed as PKCS #8 (RFC 8410), the form WebCrypto imports a secret key in. */
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

const ALGORITHM = { name: 'Ed25519' } as const;

// noble's default hashes a copy of the message it was given (itself a copy of R, A and the
// message): a third copy of the message for nothing.
ed.hashes.sha512Async = async (message: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-512', message as Uint8Array<ArrayBuffer>));

let detected: Promise<Engine> | undefined;

/** The engine this platform uses: a native one when installed, else WebCrypto's Ed25519 when it has one. */
export function engine(): Promise<Engine> {
  if (native) return Promise.resolve('native');
  detected ??= crypto.subtle.importKey('raw', PROBE_KEY, ALGORITHM, false, ['verify']).then(
    () => 'platform' as const,
    () => 'noble' as const,
  );
  return detected;
}

const buffer = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/**
 * Signs with the 32-byte secret key (seed), which is imported once. With the platform's engine a
 * call hands the message to WebCrypto at once, before it returns: the hashing runs off the main
 * thread while the caller goes on (`pharmacheck sign` checks the same bytes meanwhile).
 */
export async function signerWith(use: Engine, secretKey: Uint8Array): Promise<(message: Uint8Array) => Promise<Uint8Array>> {
  if (secretKey.length !== 32) throw new RangeError('an Ed25519 secret key is 32 bytes');
  // A native engine verifies only: its signing would block the main thread, which `pharmacheck
  // sign` uses meanwhile to check the bytes it signs.
  if (use === 'noble') {
    const seed = secretKey.slice();
    return (message) => ed.signAsync(message, seed);
  }
  const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + 32);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(secretKey, PKCS8_PREFIX.length);
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, false, ['sign']);
  return async (message) => new Uint8Array(await crypto.subtle.sign(ALGORITHM, key, buffer(message)));
}

/** The 64-byte signature of `message` by the 32-byte secret key (seed). */
export async function signWith(use: Engine, message: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  return (await signerWith(use, secretKey))(message);
}

/** A canonical encoding of a point of large order, or false (noble's strict decoding; throws nothing). */
export function usablePublicKey(publicKey: Uint8Array): boolean {
  try {
    return publicKey.length === 32 && !ed.Point.fromBytes(publicKey, false).isSmallOrder();
  } catch {
    return false;
  }
}

/** Whether `signature` is the public key's over `message`. Never throws: anything malformed is false. */
export async function verifyWith(use: Engine, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  if (signature.length !== 64 || !usablePublicKey(publicKey)) return false;
  try {
    if (use === 'noble') return await ed.verifyAsync(signature, message, publicKey, { zip215: false });
    if (use === 'native') {
      if (!native) throw new Error('no native Ed25519 installed');
      return native.verify(signature, message, publicKey);
    }
    const key = await crypto.subtle.importKey('raw', buffer(publicKey), ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(ALGORITHM, key, buffer(signature), buffer(message));
  } catch {
    return false;
  }
}

export async function signerFor(secretKey: Uint8Array): Promise<(message: Uint8Array) => Promise<Uint8Array>> {
  return signerWith(await engine(), secretKey);
}

export async function verifyBytes(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  return verifyWith(await engine(), signature, message, publicKey);
}
