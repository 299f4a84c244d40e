import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engine, signWith, useNativeEd25519, verifyWith, type Engine } from '../../../lib/signing/ed25519';
import { nodeEd25519 } from '../../../lib/signing/node';

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** RFC 8032 §7.1, TEST 1 to TEST 3: secret key, public key, message, signature. */
const VECTORS = [
  ['9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
  ['4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
  ['c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7', 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', 'af82', '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'],
] as const;

// 'native' (Node's crypto.verify, what the toolkit installs) verifies only; it signs as the platform does.
const ENGINES: readonly Engine[] = ['platform', 'noble', 'native'];

/** The group order L, little-endian, and a 32-byte little-endian sum (S + L stays below 2^256). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (bytes: Uint8Array) => bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n);
const toLe = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));

describe('the Ed25519 engines', () => {
  afterEach(() => useNativeEd25519(undefined));

  it('Node has WebCrypto Ed25519, so the platform engine is the one in use here, until a native one is installed', async () => {
    expect(await engine()).toBe('platform');
    useNativeEd25519(nodeEd25519);
    expect(await engine()).toBe('native');
    useNativeEd25519(undefined);
    expect(await engine()).toBe('platform');
  });

  it('native: with none installed, verifies nothing (false, no throw)', async () => {
    const [, pub, message, signature] = VECTORS[1];
    expect(await verifyWith('native', hex(signature), hex(message), hex(pub))).toBe(false);
  });

  for (const use of ENGINES) describe(use, () => {
    // The native engine's tests run with it installed, as the toolkit has it.
    beforeEach(() => useNativeEd25519(use === 'native' ? nodeEd25519 : undefined));

    it(`${use}: signs RFC 8032's test vectors to their signatures and verifies them`, async () => {
      for (const [secret, pub, message, signature] of VECTORS) {
        expect(toHex(await signWith(use, hex(message), hex(secret)))).toBe(signature);
        expect(await verifyWith(use, hex(signature), hex(message), hex(pub))).toBe(true);
      }
    });

    it(`${use}: refuses another message, any flipped bit of the signature, and a signature with S + L for S`, async () => {
      const [, pub, , signature] = VECTORS[1];
      expect(await verifyWith(use, hex(signature), hex('73'), hex(pub))).toBe(false);
      expect(await verifyWith(use, hex(signature), hex(''), hex(pub))).toBe(false);
      for (const at of [0, 31, 32, 63]) {
        const changed = hex(signature);
        changed[at]! ^= 0x01;
        expect(await verifyWith(use, changed, hex('72'), hex(pub)), `byte ${at}`).toBe(false);
      }
      // The same S modulo L, written unreduced: RFC 8032 §5.1.7 requires S < L.
      const sig = hex(signature);
      const unreduced = new Uint8Array([...sig.subarray(0, 32), ...toLe(le(sig.subarray(32)) + L)]);
      expect(await verifyWith(use, unreduced, hex('72'), hex(pub))).toBe(false);
    });

    it(`${use}: refuses a small-order public key, even with a signature that satisfies the equation without the secret key`, async () => {
      // A = the identity point, R = the base point B, S = 1: S·B = R + k·A for every message.
      const identity = hex(`01${'00'.repeat(31)}`);
      const forged = hex(`5866666666666666666666666666666666666666666666666666666666666666${`01${'00'.repeat(31)}`}`);
      expect(await verifyWith(use, forged, new TextEncoder().encode('any list at all'), identity)).toBe(false);
    });

    it(`${use}: refuses a public key that is not a canonical encoding, and wrong lengths, without throwing`, async () => {
      const [, pub, message, signature] = VECTORS[0];
      // y = p + 1 (p = 2^255 - 19): the point with y = 1 written unreduced.
      const unreduced = hex(`ee${'ff'.repeat(30)}7f`);
      expect(await verifyWith(use, hex(signature), hex(message), unreduced)).toBe(false);
      expect(await verifyWith(use, hex(signature).subarray(1), hex(message), hex(pub))).toBe(false);
      expect(await verifyWith(use, hex(signature), hex(message), hex(pub).subarray(1))).toBe(false);
      expect(await verifyWith(use, new Uint8Array(64), hex(message), hex(pub))).toBe(false);
      await expect(signWith(use, hex(message), new Uint8Array(31))).rejects.toThrow(/32 bytes/);
    });
  });

  it('make the same signature for the same key and message, and each verifies the other', async () => {
    useNativeEd25519(nodeEd25519);
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const message = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 31 + 7) & 0xff);
    const [platform, noble, native] = await Promise.all(ENGINES.map((use) => signWith(use, message, secret)));
    expect(toHex(platform!)).toBe(toHex(noble!));
    expect(toHex(native!)).toBe(toHex(platform!));
    const { getPublicKeyAsync } = await import('@noble/ed25519');
    const pub = await getPublicKeyAsync(secret);
    for (const use of ENGINES) expect(await verifyWith(use, platform!, message, pub)).toBe(true);
  });
});
