import { beforeAll, describe, expect, it } from 'vitest';
import { checkDelta, checkLatest, checkList, LIMITS, Refused, unsignedChecks, type Expectation, type RefusalReason } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { entry } from './fixtures';
import { deltaFile, encode, latestBytes, latestFor, listBytes, NOW, signed, version1, version2 } from './signed';

let key: SecretKeyFile;
let other: SecretKeyFile;
beforeAll(async () => {
  key = await generateKey();
  other = await generateKey();
});

const expect1 = (overrides: Partial<Expectation> = {}): Expectation => ({ id: 'test-list', key: publicPart(key), currentVersion: null, now: NOW, ...overrides });

async function reason(check: Promise<unknown>): Promise<RefusalReason | 'accepted'> {
  try {
    await check;
    return 'accepted';
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

describe('checkList', () => {
  it('accepts a signed list and returns exactly its content', async () => {
    const file = await signed(listBytes(version1()), key);
    expect(await checkList(file.bytes, file.signature, expect1())).toEqual(version1());
  });

  it('refuses a list signed by another key, or whose signature file is malformed or too large', async () => {
    const bytes = listBytes(version1());
    const byOther = await signed(bytes, other);
    expect(await reason(checkList(bytes, byOther.signature, expect1()))).toBe('wrong-key');
    expect(await reason(checkList(bytes, '{"format":1}', expect1()))).toBe('bad-signature-file');
    expect(await reason(checkList(bytes, ' '.repeat(LIMITS.signatureBytes + 1), expect1()))).toBe('bad-signature-file');
  });

  it('refuses another list id, even when everything else is fine', async () => {
    const file = await signed(listBytes(version1({ id: 'another-list' })), key);
    expect(await reason(checkList(file.bytes, file.signature, expect1()))).toBe('wrong-id');
  });

  it('refuses an older version and the same version (rollback), and takes a newer one', async () => {
    const file = await signed(listBytes(version2()), key);
    expect(await reason(checkList(file.bytes, file.signature, expect1({ currentVersion: 3 })))).toBe('rollback');
    expect(await reason(checkList(file.bytes, file.signature, expect1({ currentVersion: 2 })))).toBe('rollback');
    expect(await reason(checkList(file.bytes, file.signature, expect1({ currentVersion: 1 })))).toBe('accepted');
  });

  it('refuses an expired list, from the second it expires', async () => {
    const file = await signed(listBytes(version1()), key);
    expect(await reason(checkList(file.bytes, file.signature, expect1({ now: new Date('2027-01-15T00:00:00Z') })))).toBe('expired');
    expect(await reason(checkList(file.bytes, file.signature, expect1({ now: new Date('2027-01-14T23:59:59Z') })))).toBe('accepted');
  });

  it('refuses a list issued in the future, beyond ten minutes of clock skew', async () => {
    const file = await signed(listBytes(version1({ issued: '2026-06-01T00:11:00Z' })), key);
    expect(await reason(checkList(file.bytes, file.signature, expect1()))).toBe('not-yet-valid');
    const skewed = await signed(listBytes(version1({ issued: '2026-06-01T00:09:00Z' })), key);
    expect(await reason(checkList(skewed.bytes, skewed.signature, expect1()))).toBe('accepted');
  });

  it('refuses an oversized list before even looking at its signature', async () => {
    const huge = new Uint8Array(LIMITS.listBytes + 1);
    expect(await reason(checkList(huge, 'not even a signature', expect1()))).toBe('too-large');
  });

  it('refuses signed bytes that are not UTF-8, not JSON, or not a valid list', async () => {
    const notUtf8 = await signed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), key);
    expect(await reason(checkList(notUtf8.bytes, notUtf8.signature, expect1()))).toBe('not-utf8');
    const notJson = await signed(encode('{"format": 1,'), key);
    expect(await reason(checkList(notJson.bytes, notJson.signature, expect1()))).toBe('not-json');
    const invalid = await signed(listBytes(version1({ entries: [entry('co.uk')] })), key);
    expect(await reason(checkList(invalid.bytes, invalid.signature, expect1()))).toBe('invalid');
    const notCanonical = await signed(encode(JSON.stringify({ ...version1(), entries: [entry('Rogue.example')] })), key);
    expect(await reason(checkList(notCanonical.bytes, notCanonical.signature, expect1()))).toBe('invalid');
  });

  it('checks in the documented order: signature, then content, then id, version and dates', async () => {
    const expiredOther = await signed(listBytes(version1({ id: 'another-list' })), key);
    const late = expect1({ currentVersion: 5, now: new Date('2030-01-01T00:00:00Z') });
    expect(await reason(checkList(expiredOther.bytes, expiredOther.signature, late))).toBe('wrong-id');
    const old = await signed(listBytes(version1()), key);
    expect(await reason(checkList(old.bytes, old.signature, late))).toBe('rollback');
    const byOther = await signed(encode('not json'), other);
    expect(await reason(checkList(byOther.bytes, byOther.signature, expect1()))).toBe('wrong-key');
  });
});

describe('checkDelta', () => {
  const delta12 = () => deltaFile(version1(), version2());

  it('accepts a delta from the version in force', async () => {
    const file = await signed(delta12(), key);
    const delta = await checkDelta(file.bytes, file.signature, expect1({ currentVersion: 1 }));
    expect(delta).toMatchObject({ from: 1, to: 2, remove: ['pills.example'], add: [entry('new-shop.example')] });
    expect(delta.meta.version).toBe(2);
  });

  it('refuses a delta that does not start at the version in force (a gap), or when none is in force', async () => {
    const file23 = await signed(deltaFile(version2(), version1({ version: 3 })), key);
    // Version 2 is missing: the subscriber holds 1.
    expect(await reason(checkDelta(file23.bytes, file23.signature, expect1({ currentVersion: 1 })))).toBe('delta-gap');
    const file = await signed(delta12(), key);
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ currentVersion: null })))).toBe('delta-gap');
  });

  it('refuses a delta to a version already in force or older (rollback)', async () => {
    const file = await signed(delta12(), key);
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ currentVersion: 2 })))).toBe('rollback');
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ currentVersion: 3 })))).toBe('rollback');
  });

  it('refuses a delta by another key, of another list, expired, or too large', async () => {
    const file = await signed(delta12(), key);
    const byOther = await signed(delta12(), other);
    expect(await reason(checkDelta(byOther.bytes, byOther.signature, expect1({ currentVersion: 1 })))).toBe('wrong-key');
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ id: 'another-list', currentVersion: 1 })))).toBe('wrong-id');
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ currentVersion: 1, now: new Date('2027-02-01T00:00:00Z') })))).toBe('expired');
    expect(await reason(checkDelta(new Uint8Array(LIMITS.deltaBytes + 1), file.signature, expect1({ currentVersion: 1 })))).toBe('too-large');
  });

  it('refuses a delta that adds what its list kind may not hold', async () => {
    const bad = encode(new TextDecoder().decode(delta12()).replace('"illegal-pharmacy"', '"authorised-pharmacy"'));
    const file = await signed(bad, key);
    expect(await reason(checkDelta(file.bytes, file.signature, expect1({ currentVersion: 1 })))).toBe('invalid');
  });
});

describe('checkLatest', () => {
  it('accepts latest.json for a newer version and for the version in force (nothing to do)', async () => {
    const file = await signed(latestBytes(latestFor(version2(), [1])), key);
    expect(await checkLatest(file.bytes, file.signature, expect1({ currentVersion: 1 }))).toEqual(latestFor(version2(), [1]));
    expect(await reason(checkLatest(file.bytes, file.signature, expect1({ currentVersion: 2 })))).toBe('accepted');
  });

  it('refuses an older version, another id, another key, an expired or oversized file', async () => {
    const file = await signed(latestBytes(latestFor(version2())), key);
    expect(await reason(checkLatest(file.bytes, file.signature, expect1({ currentVersion: 3 })))).toBe('rollback');
    expect(await reason(checkLatest(file.bytes, file.signature, expect1({ id: 'another-list' })))).toBe('wrong-id');
    const byOther = await signed(file.bytes, other);
    expect(await reason(checkLatest(file.bytes, byOther.signature, expect1()))).toBe('wrong-key');
    expect(await reason(checkLatest(file.bytes, file.signature, expect1({ now: new Date('2027-06-01T00:00:00Z') })))).toBe('expired');
    expect(await reason(checkLatest(new Uint8Array(LIMITS.latestBytes + 1), file.signature, expect1()))).toBe('too-large');
  });

  it('refuses file names that leave the list folder', async () => {
    for (const list of ['..', '.', '../v2.json', 'a/b.json']) {
      const file = await signed(latestBytes({ ...latestFor(version2()), list }), key);
      expect(await reason(checkLatest(file.bytes, file.signature, expect1())), list).toBe('invalid');
    }
  });
});

describe('unsignedChecks (what `pharmacheck sign` runs on the bytes it signs, while it signs them)', () => {
  const sync = (check: () => unknown): RefusalReason | 'accepted' => {
    try {
      check();
      return 'accepted';
    } catch (error) {
      if (error instanceof Refused) return error.reason;
      throw error;
    }
  };

  it('decide every file as the signed checks do once the signature passed, and return the same content', async () => {
    const lists: [Uint8Array, Expectation][] = [
      [listBytes(version1()), expect1()],
      [listBytes(version2()), expect1({ currentVersion: 2 })],
      [listBytes(version1({ id: 'another-list' })), expect1()],
      [listBytes(version1()), expect1({ now: new Date('2027-01-15T00:00:00Z') })],
      [listBytes(version1({ issued: '2026-06-01T00:11:00Z' })), expect1()],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), expect1()],
      [encode('{"format": 1,'), expect1()],
      [listBytes(version1({ entries: [entry('co.uk')] })), expect1()],
      [encode(JSON.stringify({ ...version1(), entries: [entry('Rogue.example')] })), expect1()],
    ];
    const seen = new Set<string>();
    for (const [bytes, expectation] of lists) {
      const file = await signed(bytes, key);
      const signedReason = await reason(checkList(file.bytes, file.signature, expectation));
      expect(sync(() => unsignedChecks.list(bytes, expectation))).toBe(signedReason);
      seen.add(signedReason);
    }
    // The cases above cover acceptance and each refusal the content can give.
    expect([...seen].sort()).toEqual(['accepted', 'expired', 'invalid', 'not-json', 'not-utf8', 'not-yet-valid', 'rollback', 'wrong-id']);
    expect(unsignedChecks.list(listBytes(version1()), expect1())).toEqual(version1());

    const delta = deltaFile(version1(), version2());
    for (const expectation of [expect1({ currentVersion: 1 }), expect1({ currentVersion: null }), expect1({ currentVersion: 2 }), expect1({ currentVersion: 1, now: new Date('2027-02-01T00:00:00Z') })]) {
      const file = await signed(delta, key);
      expect(sync(() => unsignedChecks.delta(delta, expectation))).toBe(await reason(checkDelta(file.bytes, file.signature, expectation)));
    }
    const latest = latestBytes(latestFor(version2(), [1]));
    for (const expectation of [expect1({ currentVersion: 1 }), expect1({ currentVersion: 3 }), expect1({ id: 'another-list' })]) {
      const file = await signed(latest, key);
      expect(sync(() => unsignedChecks.latest(latest, expectation))).toBe(await reason(checkLatest(file.bytes, file.signature, expectation)));
    }
  });

  it('refuse a file above its kind\'s size limit before reading it', () => {
    expect(sync(() => unsignedChecks.list(new Uint8Array(LIMITS.listBytes + 1), expect1()))).toBe('too-large');
    expect(sync(() => unsignedChecks.delta(new Uint8Array(LIMITS.deltaBytes + 1), expect1({ currentVersion: 1 })))).toBe('too-large');
    expect(sync(() => unsignedChecks.latest(new Uint8Array(LIMITS.latestBytes + 1), expect1()))).toBe('too-large');
  });
});
