/**
 * Any change to a signed file is refused, wherever it is: every byte of a small list, of a small
 * delta and of a latest.json is changed in turn (lowest bit, highest bit, all bits), and each file
 * is cut short at every length. The signature covers the exact bytes, so each is a bad signature.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDelta, checkLatest, checkList, Refused, type Expectation } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { deltaFile, FLIPS, latestBytes, latestFor, listBytes, NOW, signed, version1, version2 } from './signed';

let key: SecretKeyFile;
beforeAll(async () => {
  key = await generateKey();
});

type Check = (bytes: Uint8Array, signature: string, expect: Expectation) => Promise<unknown>;

async function outcome(check: Check, bytes: Uint8Array, signature: string, expect: Expectation): Promise<string> {
  try {
    await check(bytes, signature, expect);
    return 'accepted';
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

const cases: [string, () => Uint8Array, Check, Partial<Expectation>][] = [
  ['a list', () => listBytes(version1()), checkList, {}],
  ['a delta', () => deltaFile(version1(), version2()), checkDelta, { currentVersion: 1 }],
  ['a latest.json', () => latestBytes(latestFor(version2(), [1])), checkLatest, {}],
];

// Thousands of signature checks per test: seconds, more on a busy machine.
describe.each(cases)('%s', { timeout: 60_000 }, (_name, make, check, overrides) => {
  const expectation = (): Expectation => ({ id: 'test-list', key: publicPart(key), currentVersion: null, now: NOW, ...overrides });

  it('is accepted as signed', async () => {
    const file = await signed(make(), key);
    expect(await outcome(check, file.bytes, file.signature, expectation())).toBe('accepted');
  });

  it('is refused as a bad signature when any single byte changes', async () => {
    const file = await signed(make(), key);
    const seen = new Set<string>();
    for (let at = 0; at < file.bytes.length; at++) {
      for (const flip of FLIPS) {
        const changed = file.bytes.slice();
        changed[at]! ^= flip;
        seen.add(await outcome(check, changed, file.signature, expectation()));
      }
    }
    expect([...seen]).toEqual(['bad-signature']);
  });

  it('is refused as a bad signature when cut short at any length', async () => {
    const file = await signed(make(), key);
    const seen = new Set<string>();
    for (let length = 0; length < file.bytes.length; length++) {
      seen.add(await outcome(check, file.bytes.slice(0, length), file.signature, expectation()));
    }
    expect([...seen]).toEqual(['bad-signature']);
  });
});
