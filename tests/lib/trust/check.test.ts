/** The checks a downloaded directory, its latest.json and a rotation statement go through, good input and bad. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Refused, type Latest } from '../../../lib/lists';
import { generateKey, publicPart, sign, signatureText, type SecretKeyFile } from '../../../lib/signing';
import { checkDirectory, checkDirectoryLatest, checkRotation, trustFileText, type Revocation, type RotationExpectation } from '../../../lib/trust';
import { directory, directoryBytes, encode, NOW, publisher, rootOf, rotation, signedBy, signedRotation, DIRECTORY_ID } from './fixtures';

let pin1: SecretKeyFile;
let pin2: SecretKeyFile;
let stranger: SecretKeyFile;
let k1: SecretKeyFile;
let k2: SecretKeyFile;
beforeAll(async () => {
  [pin1, pin2, stranger, k1, k2] = await Promise.all([generateKey(), generateKey(), generateKey(), generateKey(), generateKey()]);
});
const named = (k: SecretKeyFile) => ({ keyId: k.keyId, publicKey: k.publicKey });

/** The refusal reason, or "ok". */
async function outcome(check: Promise<unknown>): Promise<string> {
  try {
    await check;
    return 'ok';
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

const expectDir = (currentVersion: number | null = null, now = NOW) => ({ root: rootOf([pin1, pin2], 1), currentVersion, now });

describe('checkDirectory', () => {
  const withAgency = () => directory({ publishers: [publisher({ keys: [named(k1)] })] });

  it('accepts a directory signed by a pinned key, and gives its content', async () => {
    const file = await signedBy(directoryBytes(withAgency()), [pin1]);
    const d = await checkDirectory(file.bytes, file.signature, expectDir());
    expect(d.publishers.map((p) => [p.id, p.type, p.keys[0]!.keyId])).toEqual([['test-agency', 'authority', k1.keyId]]);
  });

  it('refuses a directory signed by a key that is not pinned, however valid it is', async () => {
    const file = await signedBy(directoryBytes(withAgency()), [stranger]);
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir()))).toBe('wrong-key');
  });

  it('needs as many pinned signatures as the threshold', async () => {
    const root = rootOf([pin1, pin2], 2);
    const one = await signedBy(directoryBytes(withAgency()), [pin1, stranger]);
    const two = await signedBy(directoryBytes(withAgency()), [pin2, pin1]);
    expect(await outcome(checkDirectory(one.bytes, one.signature, { root, currentVersion: null, now: NOW }))).toBe('threshold');
    expect(await outcome(checkDirectory(two.bytes, two.signature, { root, currentVersion: null, now: NOW }))).toBe('ok');
  });

  it('refuses it tampered with at any of a sample of bytes, or cut short at any length', async () => {
    const file = await signedBy(directoryBytes(withAgency()), [pin1]);
    for (let at = 0; at < file.bytes.length; at += 7) {
      const changed = file.bytes.slice();
      changed[at]! ^= 0x20;
      expect(await outcome(checkDirectory(changed, file.signature, expectDir())), `byte ${at}`).toBe('bad-signature');
    }
    for (let length = 0; length < file.bytes.length; length += 11) {
      expect(await outcome(checkDirectory(file.bytes.slice(0, length), file.signature, expectDir())), `length ${length}`).toBe('bad-signature');
    }
  });

  it('refuses a rollback: a version that is not newer than the one in force', async () => {
    const file = await signedBy(directoryBytes(directory({ version: 3 })), [pin1]);
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir(3)))).toBe('rollback');
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir(4)))).toBe('rollback');
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir(2)))).toBe('ok');
  });

  it('refuses an expired directory and one issued in the future, unless it is the shipped one', async () => {
    const file = await signedBy(directoryBytes(directory()), [pin1]);
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir(null, new Date('2027-02-01T00:00:00Z'))))).toBe('expired');
    expect(await outcome(checkDirectory(file.bytes, file.signature, expectDir(null, new Date('2026-01-14T00:00:00Z'))))).toBe('not-yet-valid');
    expect(await outcome(checkDirectory(file.bytes, file.signature, { ...expectDir(null, new Date('2027-02-01T00:00:00Z')), ignoreDates: true }))).toBe('ok');
  });

  it('refuses another directory id, a key whose id is not its key, unknown fields, and oversized files', async () => {
    const other = await signedBy(directoryBytes(directory({ id: 'another-directory' })), [pin1]);
    expect(await outcome(checkDirectory(other.bytes, other.signature, expectDir()))).toBe('wrong-id');
    const lying = directory({ publishers: [publisher({ keys: [{ keyId: k2.keyId, publicKey: k1.publicKey }] })] });
    const bad = await signedBy(directoryBytes(lying), [pin1]);
    expect(await outcome(checkDirectory(bad.bytes, bad.signature, expectDir()))).toBe('invalid');
    const extra = await signedBy(encode(JSON.stringify({ ...directory(), rank: 3 })), [pin1]);
    expect(await outcome(checkDirectory(extra.bytes, extra.signature, expectDir()))).toBe('invalid');
    const big = await signedBy(encode(' '.repeat(4 * 1024 * 1024 + 1)), [pin1]);
    expect(await outcome(checkDirectory(big.bytes, big.signature, expectDir()))).toBe('too-large');
  });

  it('refuses signed bytes that are not UTF-8 or not JSON', async () => {
    const latin = await signedBy(new Uint8Array([0x7b, 0xe9, 0x7d]), [pin1]);
    expect(await outcome(checkDirectory(latin.bytes, latin.signature, expectDir()))).toBe('not-utf8');
    const text = await signedBy(encode('directory'), [pin1]);
    expect(await outcome(checkDirectory(text.bytes, text.signature, expectDir()))).toBe('not-json');
  });
});

describe('checkDirectoryLatest', () => {
  const latest = (overrides: Partial<Latest> = {}): Latest => ({
    format: 1, type: 'latest', id: DIRECTORY_ID, version: 2, issued: '2026-05-01T00:00:00Z', expires: '2027-05-01T00:00:00Z', list: 'v2.json', deltas: [], ...overrides,
  });
  const bytes = (l: Latest) => encode(`${JSON.stringify(l)}\n`);

  it('accepts the same version as in force (nothing to do) and a newer one', async () => {
    const file = await signedBy(bytes(latest()), [pin2]);
    expect((await checkDirectoryLatest(file.bytes, file.signature, expectDir(2))).version).toBe(2);
    expect(await outcome(checkDirectoryLatest(file.bytes, file.signature, expectDir(1)))).toBe('ok');
  });

  it('refuses an older version, deltas, another id and another key', async () => {
    const file = await signedBy(bytes(latest()), [pin1]);
    expect(await outcome(checkDirectoryLatest(file.bytes, file.signature, expectDir(3)))).toBe('rollback');
    const deltas = await signedBy(bytes(latest({ deltas: [{ from: 1, file: 'delta-1-2.json' }] })), [pin1]);
    expect(await outcome(checkDirectoryLatest(deltas.bytes, deltas.signature, expectDir()))).toBe('invalid');
    const other = await signedBy(bytes(latest({ id: 'elsewhere' })), [pin1]);
    expect(await outcome(checkDirectoryLatest(other.bytes, other.signature, expectDir()))).toBe('wrong-id');
    const stolen = await signedBy(bytes(latest()), [stranger]);
    expect(await outcome(checkDirectoryLatest(stolen.bytes, stolen.signature, expectDir()))).toBe('wrong-key');
  });
});

describe('checkRotation', () => {
  const none = () => undefined;
  const expectRot = (overrides: Partial<RotationExpectation> = {}): RotationExpectation => ({
    id: 'test-list', current: publicPart(k1), left: [], lastIssued: null, revoked: none, now: NOW, ...overrides,
  });
  const revoking = (keyId: string) => (id: string): Revocation | undefined => (id === keyId ? { keyId, since: '2026-01-01T00:00:00Z', reason: 'compromised' } : undefined);

  it('accepts a statement signed by the key in force that names the next key', async () => {
    const file = await signedRotation(rotation({ from: k1.keyId, to: named(k2) }), k1);
    expect((await checkRotation(file.bytes, file.signature, expectRot())).to.keyId).toBe(k2.keyId);
  });

  it('refuses a statement signed by any other key, even one naming the key in force', async () => {
    const forged = await signedRotation(rotation({ from: k1.keyId, to: named(stranger) }), stranger);
    expect(await outcome(checkRotation(forged.bytes, forged.signature, expectRot()))).toBe('wrong-key');
  });

  it('refuses a replayed statement of an earlier key: it does not hand over the key in force', async () => {
    // The subscriber is on k2 now; an old statement of k1 is served again under k2's name.
    const old = await signedRotation(rotation({ from: k1.keyId, to: named(k2) }), k1);
    expect(await outcome(checkRotation(old.bytes, old.signature, expectRot({ current: publicPart(k2), left: [k1.keyId] })))).toBe('wrong-key');
  });

  it('refuses a statement signed by a revoked key, and one naming a revoked key', async () => {
    const file = await signedRotation(rotation({ from: k1.keyId, to: named(k2) }), k1);
    expect(await outcome(checkRotation(file.bytes, file.signature, expectRot({ revoked: revoking(k1.keyId) })))).toBe('revoked-key');
    expect(await outcome(checkRotation(file.bytes, file.signature, expectRot({ revoked: revoking(k2.keyId) })))).toBe('revoked-key');
  });

  it('refuses a loop back to a key the list already left', async () => {
    const back = await signedRotation(rotation({ from: k2.keyId, to: named(k1) }), k2);
    expect(await outcome(checkRotation(back.bytes, back.signature, expectRot({ current: publicPart(k2), left: [k1.keyId] })))).toBe('rotation-loop');
  });

  it('refuses a statement not issued after the one that brought the key in force', async () => {
    const file = await signedRotation(rotation({ from: k2.keyId, to: named(stranger), issued: '2026-04-01T00:00:00Z', rollover: '2026-04-02T00:00:00Z' }), k2);
    const expect_ = (lastIssued: string) => expectRot({ current: publicPart(k2), left: [k1.keyId], lastIssued });
    expect(await outcome(checkRotation(file.bytes, file.signature, expect_('2026-04-01T00:00:00Z')))).toBe('rotation-replay');
    expect(await outcome(checkRotation(file.bytes, file.signature, expect_('2026-03-31T00:00:00Z')))).toBe('ok');
  });

  it('refuses a statement for another list, one handing over another key, one issued in the future', async () => {
    const other = await signedRotation(rotation({ id: 'other-list', from: k1.keyId, to: named(k2) }), k1);
    expect(await outcome(checkRotation(other.bytes, other.signature, expectRot()))).toBe('wrong-id');
    const elsewhere = await signedRotation(rotation({ from: stranger.keyId, to: named(k2) }), k1);
    expect(await outcome(checkRotation(elsewhere.bytes, elsewhere.signature, expectRot()))).toBe('invalid');
    const future = await signedRotation(rotation({ from: k1.keyId, to: named(k2), issued: '2026-07-01T00:00:00Z', rollover: '2026-07-01T00:00:00Z' }), k1);
    expect(await outcome(checkRotation(future.bytes, future.signature, expectRot()))).toBe('not-yet-valid');
  });

  it('refuses a tampered, truncated, oversized or mislabelled statement', async () => {
    const file = await signedRotation(rotation({ from: k1.keyId, to: named(k2) }), k1);
    const changed = file.bytes.slice();
    changed[changed.length - 10]! ^= 0x01;
    expect(await outcome(checkRotation(changed, file.signature, expectRot()))).toBe('bad-signature');
    expect(await outcome(checkRotation(file.bytes.slice(0, 40), file.signature, expectRot()))).toBe('bad-signature');
    const big = encode(' '.repeat(4097));
    expect(await outcome(checkRotation(big, signatureText(await sign(big, k1)), expectRot()))).toBe('too-large');
    const lying = encode(trustFileText(rotation({ from: k1.keyId, to: { keyId: stranger.keyId, publicKey: k2.publicKey } })));
    expect(await outcome(checkRotation(lying, signatureText(await sign(lying, k1)), expectRot()))).toBe('invalid');
  });
});
