/**
 * Node's own Ed25519 check (`crypto.verify`, OpenSSL), for the toolkit: it hashes the caller's
 * bytes where they are, where Node's WebCrypto first copies them (ed25519.ts, `NativeEd25519`).
 * Node only: the extension never imports this file.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { NativeEd25519 } from './ed25519';

/** RFC 8410's DER prefix of a raw 32-byte Ed25519 public key as SubjectPublicKeyInfo. */
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

export const nodeEd25519: NativeEd25519 = {
  verify(signature, message, publicKey) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const der = new Uint8Array(SPKI_PREFIX.length + 32);
    der.set(SPKI_PREFIX);
    der.set(publicKey, SPKI_PREFIX.length);
    const key = createPublicKey({ key: Buffer.from(der.buffer), format: 'der', type: 'spki' });
    return verify(null, message, key, signature);
  },
};
