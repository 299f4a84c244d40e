import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey, publicPart, sign, signaturesText, signatureText, signerIds, verifyThreshold, type SecretKeyFile } from '../../../lib/signing';

const bytes = new TextEncoder().encode('{"format":1,"type":"directory"}\n');
let a: SecretKeyFile;
let b: SecretKeyFile;
let c: SecretKeyFile;
let stranger: SecretKeyFile;

beforeAll(async () => {
  [a, b, c, stranger] = await Promise.all([generateKey(), generateKey(), generateKey(), generateKey()]);
});

const pinned = () => [a, b, c].map(publicPart);
const signatures = async (...keys: SecretKeyFile[]) => signaturesText(await Promise.all(keys.map((k) => sign(bytes, k))));

describe('verifyThreshold', () => {
  it('accepts one signature object, as a list has, when the threshold is one', async () => {
    const text = signatureText(await sign(bytes, a));
    expect(await verifyThreshold(bytes, text, pinned(), 1)).toBeNull();
  });

  it('accepts an array of signatures reaching the threshold, and refuses one short of it', async () => {
    expect(await verifyThreshold(bytes, await signatures(a, b), pinned(), 2)).toBeNull();
    expect(await verifyThreshold(bytes, await signatures(a), pinned(), 2)).toBe('threshold');
  });

  it('ignores signatures by keys that are not pinned: they never count towards the threshold', async () => {
    expect(await verifyThreshold(bytes, await signatures(a, stranger), pinned(), 2)).toBe('threshold');
    expect(await verifyThreshold(bytes, await signatures(stranger, b, a), pinned(), 2)).toBeNull();
  });

  it('says wrong-key when no pinned key signed at all', async () => {
    expect(await verifyThreshold(bytes, await signatures(stranger), pinned(), 1)).toBe('wrong-key');
  });

  it('refuses a file whose bytes changed, even when other pinned signatures would reach the threshold', async () => {
    const text = await signatures(a, b, c);
    const changed = bytes.slice();
    changed[3]! ^= 0x01;
    expect(await verifyThreshold(changed, text, pinned(), 1)).toBe('bad-signature');
  });

  it('counts a key that signed twice once: duplicates are a malformed file', async () => {
    const one = await sign(bytes, a);
    expect(await verifyThreshold(bytes, signaturesText([one, one]), pinned(), 2)).toBe('bad-signature-file');
  });

  it.each([
    ['not JSON', 'nope'],
    ['an empty array', '[]'],
    ['a number', '3'],
    ['a signature with an unknown field', '{"format":1,"algorithm":"ed25519","keyId":"0123456789abcdef","signature":"x","extra":1}'],
  ])('refuses a signatures file that is %s', async (_what, text) => {
    expect(await verifyThreshold(bytes, text, pinned(), 1)).toBe('bad-signature-file');
  });

  it('refuses a signatures file longer than 2,048 characters, even a good one', async () => {
    const good = signatureText(await sign(bytes, a));
    expect(await verifyThreshold(bytes, `${good}${' '.repeat(2048 - good.length)}`, pinned(), 1)).toBeNull();
    expect(await verifyThreshold(bytes, `${good}${' '.repeat(2049 - good.length)}`, pinned(), 1)).toBe('bad-signature-file');
  });

  it('refuses more than eight signatures', async () => {
    const nine = await Promise.all(Array.from({ length: 9 }, () => generateKey()));
    const text = signaturesText(await Promise.all(nine.map((k) => sign(bytes, k))));
    expect(await verifyThreshold(bytes, text, nine.map(publicPart), 1)).toBe('bad-signature-file');
  });

  it('names the keys that signed, or null for a malformed file', async () => {
    expect(signerIds(await signatures(a, b))).toEqual([a.keyId, b.keyId]);
    expect(signerIds('{')).toBeNull();
  });
});
