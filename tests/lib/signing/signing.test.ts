import { createHash, createPrivateKey, createPublicKey, sign as opensslSign, verify as opensslVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fromBase64,
  generateKey,
  keyFileProblem,
  keyIdOf,
  publicKeySchema,
  publicPart,
  secretKeySchema,
  sign,
  signatureFileSchema,
  signatureText,
  toBase64,
  verify,
} from '../../../lib/signing';

const bytes = new TextEncoder().encode('{"format":1,"id":"test-list"}\n');

/** The DER prefixes that wrap a raw Ed25519 key for OpenSSL (RFC 8410). */
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

describe('key files', () => {
  it('name the key by the first 16 hex digits of SHA-256 over the raw 32-byte public key', async () => {
    const key = await generateKey();
    const raw = fromBase64(key.publicKey);
    expect(raw).toHaveLength(32);
    expect(key.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(await keyIdOf(raw)).toBe(key.keyId);
  });

  it('come out in the documented shapes, the public part without the secret', async () => {
    const key = await generateKey();
    expect(secretKeySchema.parse(key)).toEqual(key);
    expect(publicKeySchema.parse(publicPart(key))).toEqual({ format: 1, algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKey });
    expect(publicPart(key)).not.toHaveProperty('secretKey');
  });

  it('are consistent, and an inconsistent one is named', async () => {
    const key = await generateKey();
    const other = await generateKey();
    expect(await keyFileProblem(key)).toBeNull();
    expect(await keyFileProblem(publicPart(key))).toBeNull();
    expect(await keyFileProblem({ ...key, keyId: other.keyId })).toMatch(/key id/);
    expect(await keyFileProblem({ ...key, secretKey: other.secretKey })).toMatch(/does not belong/);
    expect(await keyFileProblem({ ...publicPart(key), publicKey: toBase64(new Uint8Array(31)).padEnd(44, '=') })).toMatch(/32 bytes|key id/);
  });

  it('name a public key of small order, or not canonical, even with its own key id', async () => {
    // The identity point, and y = p + 1 (p = 2^255 - 19) written unreduced.
    for (const raw of [Uint8Array.from([1, ...new Array(31).fill(0)]), Uint8Array.from([0xee, ...new Array(30).fill(0xff), 0x7f])]) {
      const file = { format: 1, algorithm: 'ed25519', keyId: await keyIdOf(raw), publicKey: toBase64(raw) } as const;
      expect(await keyFileProblem(file)).toMatch(/large order/);
    }
  });
});

describe('signatures', () => {
  it('verify over the exact bytes with the trusted key', async () => {
    const key = await generateKey();
    const sig = await sign(bytes, key);
    expect(signatureFileSchema.parse(sig)).toEqual(sig);
    expect(signatureText(sig)).toBe(`${JSON.stringify(sig)}\n`);
    expect(await verify(bytes, signatureText(sig), publicPart(key))).toBeNull();
  });

  it('are refused for other bytes, one byte more or one less', async () => {
    const key = await generateKey();
    const text = signatureText(await sign(bytes, key));
    expect(await verify(new TextEncoder().encode('{"format":1,"id":"test-lisT"}\n'), text, publicPart(key))).toBe('bad-signature');
    expect(await verify(new Uint8Array([...bytes, 10]), text, publicPart(key))).toBe('bad-signature');
    expect(await verify(bytes.slice(0, -1), text, publicPart(key))).toBe('bad-signature');
  });

  it('tell a wrong key from a bad signature', async () => {
    const key = await generateKey();
    const other = await generateKey();
    const text = signatureText(await sign(bytes, key));
    expect(await verify(bytes, text, publicPart(other))).toBe('wrong-key');
    // A key file that claims the signer's id but holds another key is still the wrong key.
    expect(await verify(bytes, text, { ...publicPart(other), keyId: key.keyId })).toBe('wrong-key');
  });

  it('refuse a malformed signature file without throwing', async () => {
    const key = publicPart(await generateKey());
    for (const text of ['', 'not json', 'null', '[]', '{}', JSON.stringify({ format: 1, algorithm: 'rsa', keyId: key.keyId, signature: 'A'.repeat(86) + '==' })]) {
      expect(await verify(bytes, text, key)).toBe('bad-signature-file');
    }
  });

  it('refuse a signature whose base64 is not written the canonical way, though it decodes to the same bytes', async () => {
    const key = await generateKey();
    const sig = await sign(bytes, key);
    // 64 bytes in 88 digits: the last digit before "==" carries 4 unused bits that atob ignores.
    const last = sig.signature[85]!;
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const twin = digits[digits.indexOf(last) ^ 1]!;
    const altered = { ...sig, signature: `${sig.signature.slice(0, 85)}${twin}==` };
    expect(fromBase64(altered.signature)).toEqual(fromBase64(sig.signature));
    expect(await verify(bytes, signatureText(altered), publicPart(key))).toBe('bad-signature-file');
  });

  it('are refused when any byte of the .sig file changes, in any bit', async () => {
    const key = await generateKey();
    const text = signatureText(await sign(bytes, key));
    const raw = new TextEncoder().encode(text);
    for (let at = 0; at < raw.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const changed = raw.slice();
        changed[at]! ^= 1 << bit;
        const result = await verify(bytes, new TextDecoder().decode(changed), publicPart(key));
        expect(result, `byte ${at}, bit ${bit}`).not.toBeNull();
      }
    }
  });
});

describe('another tool (OpenSSL through node:crypto), from the documented format alone', () => {
  it('verifies our signature with the raw public key and the base64 signature', async () => {
    const key = await generateKey();
    const sig = await sign(bytes, key);
    const publicKey = createPublicKey({ key: Buffer.concat([SPKI, Buffer.from(key.publicKey, 'base64')]), format: 'der', type: 'spki' });
    expect(opensslVerify(null, bytes, publicKey, Buffer.from(sig.signature, 'base64'))).toBe(true);
    expect(opensslVerify(null, bytes.slice(1), publicKey, Buffer.from(sig.signature, 'base64'))).toBe(false);
  });

  it('signs files that we verify', async () => {
    const key = await generateKey();
    const secret = createPrivateKey({ key: Buffer.concat([PKCS8, Buffer.from(key.secretKey, 'base64')]), format: 'der', type: 'pkcs8' });
    const signature = opensslSign(null, bytes, secret).toString('base64');
    const text = `${JSON.stringify({ format: 1, algorithm: 'ed25519', keyId: key.keyId, signature })}\n`;
    expect(await verify(bytes, text, publicPart(key))).toBeNull();
  });
});
