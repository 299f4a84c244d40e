import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { directoryRootSchema, directorySchema, rotationSchema } from '../../../lib/trust';
import { directory, publisher, rootOf, rotation } from './fixtures';

let k1: SecretKeyFile;
let k2: SecretKeyFile;
beforeAll(async () => {
  [k1, k2] = await Promise.all([generateKey(), generateKey()]);
});
const named = (k: SecretKeyFile) => ({ keyId: k.keyId, publicKey: k.publicKey });

const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the directory schema', () => {
  it('accepts a directory with a publisher and a revocation', () => {
    const d = { ...directory(), publishers: [publisher({ keys: [named(k1)] })], revoked: [{ keyId: k2.keyId, since: '2026-01-01T00:00:00Z', reason: 'compromised' }] };
    expect(issues(directorySchema, d)).toEqual([]);
  });

  it('refuses unknown fields at every level', () => {
    const base = { ...directory(), publishers: [publisher({ keys: [named(k1)] })] };
    expect(issues(directorySchema, { ...base, trusted: true })).not.toEqual([]);
    expect(issues(directorySchema, { ...base, publishers: [{ ...base.publishers[0], rank: 3 }] })).not.toEqual([]);
    expect(issues(directorySchema, { ...base, publishers: [{ ...base.publishers[0], keys: [{ ...named(k1), primary: true }] }] })).not.toEqual([]);
  });

  it('refuses a publisher id, a list id or a key twice, and a key both listed and revoked', () => {
    const p1 = publisher({ keys: [named(k1)] });
    const p2 = publisher({ id: 'other', lists: [{ id: 'other-list' }], keys: [named(k2)] });
    expect(issues(directorySchema, { ...directory(), publishers: [p1, { ...p2, id: p1.id }] })).toEqual([expect.stringContaining('the publisher test-agency appears twice')]);
    expect(issues(directorySchema, { ...directory(), publishers: [p1, { ...p2, lists: [{ id: 'agency-list' }] }] })).toEqual([expect.stringContaining('the list id agency-list appears twice')]);
    expect(issues(directorySchema, { ...directory(), publishers: [p1, { ...p2, keys: [named(k1)] }] })).toEqual([expect.stringContaining(`the key ${k1.keyId} appears twice`)]);
    expect(issues(directorySchema, { ...directory(), publishers: [p1], revoked: [{ keyId: k1.keyId, since: '2026-01-01T00:00:00Z', reason: 'lost' }] })).toEqual([
      expect.stringContaining(`the key ${k1.keyId} is revoked`),
    ]);
  });

  it('refuses a publisher that is neither an authority nor a register, or without country, list or key', () => {
    const p = publisher({ keys: [named(k1)] });
    expect(issues(directorySchema, { ...directory(), publishers: [{ ...p, type: 'community' }] })).not.toEqual([]);
    const { country: _c, ...noCountry } = p;
    expect(issues(directorySchema, { ...directory(), publishers: [noCountry] })).not.toEqual([]);
    expect(issues(directorySchema, { ...directory(), publishers: [{ ...p, lists: [] }] })).not.toEqual([]);
    expect(issues(directorySchema, { ...directory(), publishers: [{ ...p, keys: [] }] })).not.toEqual([]);
  });

  it('refuses an expiry before the issue, an unknown revocation reason, and a bad key text', () => {
    expect(issues(directorySchema, { ...directory(), expires: '2026-01-01T00:00:00Z' })).toEqual(['expires: expires must be after issued']);
    expect(issues(directorySchema, { ...directory(), revoked: [{ keyId: k1.keyId, since: '2026-01-01T00:00:00Z', reason: 'bored' }] })).not.toEqual([]);
    expect(issues(directorySchema, { ...directory(), publishers: [publisher({ keys: [named(k1)] })].map((p) => ({ ...p, keys: [{ keyId: k1.keyId, publicKey: 'short' }] })) })).not.toEqual([]);
  });
});

describe('the root schema', () => {
  it('accepts the pinned keys with a threshold they can reach', () => {
    expect(issues(directoryRootSchema, rootOf([k1, k2], 2))).toEqual([]);
  });

  it('refuses a threshold above the keys, zero, or the same key twice', () => {
    const root = rootOf([k1, k2], 2);
    expect(issues(directoryRootSchema, { ...root, threshold: 3 })).toEqual(['threshold: the threshold is more than the keys']);
    expect(issues(directoryRootSchema, { ...root, threshold: 0 })).not.toEqual([]);
    expect(issues(directoryRootSchema, { ...root, keys: [root.keys[0], root.keys[0]] })).toEqual(['keys: a key appears twice']);
  });
});

describe('the rotation schema', () => {
  it('accepts a statement handing one key over to another', () => {
    expect(issues(rotationSchema, rotation({ from: k1.keyId, to: named(k2) }))).toEqual([]);
  });

  it('refuses a key rolling over to itself, a rollover before the statement, and unknown fields', () => {
    const good = rotation({ from: k1.keyId, to: named(k2) });
    expect(issues(rotationSchema, { ...good, to: named(k1) })).toEqual(['to.keyId: a key cannot roll over to itself']);
    expect(issues(rotationSchema, { ...good, rollover: '2026-04-01T00:00:00Z' })).toEqual(['rollover: the rollover cannot be before the statement is issued']);
    expect(issues(rotationSchema, { ...good, threshold: 1 })).not.toEqual([]);
    expect(issues(rotationSchema, { ...good, to: { ...named(k2), algorithm: 'ed25519' } })).not.toEqual([]);
    expect(publicPart(k2).keyId).toBe(good.to.keyId);
  });
});
