/** Which keys a subscription accepts, and who vouches for its list: the precedence of docs/list-format.md §17. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RetiredKey, Subscription } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { acceptedKeys, isRetired, vouchFor, type Directory } from '../../../lib/trust';
import { newSubscription } from '../../../lib/updater';
import { directory, NOW, publisher } from './fixtures';

let agencyKey: SecretKeyFile;
let agencyNext: SecretKeyFile;
let k1: SecretKeyFile;
let k2: SecretKeyFile;
let k3: SecretKeyFile;
beforeAll(async () => {
  [agencyKey, agencyNext, k1, k2, k3] = await Promise.all([generateKey(), generateKey(), generateKey(), generateKey(), generateKey()]);
});
const named = (k: SecretKeyFile) => ({ keyId: k.keyId, publicKey: k.publicKey });
const sub = (id: string, key: SecretKeyFile | null, addedBy: Subscription['addedBy'] = 'person', keyHistory: RetiredKey[] = []): Subscription => ({
  ...newSubscription(id, addedBy === 'bundled' ? null : `https://lists.example/${id}/latest.json`, key ? publicPart(key) : null, addedBy, NOW),
  keyHistory,
});
const agencyDirectory = (overrides: Partial<Directory> = {}) =>
  directory({ publishers: [publisher({ lists: [{ id: 'agency-list' }], keys: [named(agencyKey), named(agencyNext)] })], ...overrides });
const revoke = (key: SecretKeyFile, since = '2026-03-01T00:00:00Z') => ({ keyId: key.keyId, since, reason: 'compromised' as const });
const retired = (key: SecretKeyFile, until: string, followedAt = '2026-04-01T00:00:00.000Z'): RetiredKey => ({ key: publicPart(key), until, issued: '2026-04-01T00:00:00Z', followedAt });

describe('acceptedKeys', () => {
  it('takes the directory’s keys for a list id it names, whatever key the subscription holds', () => {
    const accepted = acceptedKeys(sub('agency-list', k1), agencyDirectory(), NOW);
    expect(accepted.from).toBe('directory');
    expect(accepted.keys.map((k) => k.keyId)).toEqual([agencyKey.keyId, agencyNext.keyId]);
  });

  it('takes the subscription’s key, and a key it left until that key’s rollover, for other lists', () => {
    const rolled = sub('my-list', k2, 'person', [retired(k1, '2026-06-10T00:00:00Z')]);
    expect(acceptedKeys(rolled, null, NOW).keys.map((k) => k.keyId)).toEqual([k2.keyId, k1.keyId]);
    expect(acceptedKeys(rolled, null, new Date('2026-06-10T00:00:00Z')).keys.map((k) => k.keyId)).toEqual([k2.keyId]);
  });

  it('never accepts a revoked key, and accepts none when every key is revoked', () => {
    const rolled = sub('my-list', k2, 'person', [retired(k1, '2026-06-10T00:00:00Z')]);
    expect(acceptedKeys(rolled, directory({ revoked: [revoke(k1)] }), NOW).keys.map((k) => k.keyId)).toEqual([k2.keyId]);
    expect(acceptedKeys(sub('my-list', k1), directory({ revoked: [revoke(k1)] }), NOW).keys).toEqual([]);
  });

  it('says a key left is retired once its rollover passed', () => {
    const rolled = sub('my-list', k2, 'person', [retired(k1, '2026-06-01T12:00:00.000Z')]);
    expect(isRetired(rolled, k1.keyId, NOW)).toBe(true);
    expect(isRetired(rolled, k1.keyId, new Date(NOW.getTime() - 1))).toBe(false);
    expect(isRetired(rolled, k3.keyId, NOW)).toBe(false);
  });
});

describe('vouchFor', () => {
  it('names the directory’s publisher when its key is the directory’s for that list id', () => {
    expect(vouchFor(sub('agency-list', agencyNext), agencyDirectory())).toEqual({
      by: 'directory',
      publisher: { id: 'test-agency', name: 'Test Medicines Agency', type: 'authority', country: 'FR' },
    });
  });

  it('does not vouch for a directory key used for a list id the directory does not give it', () => {
    expect(vouchFor(sub('another-list', agencyKey), agencyDirectory())).toEqual({ by: 'person' });
  });

  it('does not vouch for a list id the directory names when the key is another', () => {
    expect(vouchFor(sub('agency-list', k1), agencyDirectory())).toEqual({ by: 'person' });
    expect(vouchFor(sub('agency-list', k1, 'policy'), agencyDirectory())).toEqual({ by: 'policy' });
  });

  it('takes policy, then the extension, then a person', () => {
    expect(vouchFor(sub('l', k1, 'policy'), null)).toEqual({ by: 'policy' });
    expect(vouchFor(sub('l', null, 'bundled'), null)).toEqual({ by: 'bundled' });
    expect(vouchFor(sub('l', k1, 'person'), null)).toEqual({ by: 'person' });
  });

  it('puts a revocation above everything, a policy and the directory included', () => {
    const revoked = { by: 'revoked', keyId: k1.keyId, reason: 'compromised', since: '2026-03-01T00:00:00Z' };
    expect(vouchFor(sub('l', k1, 'policy'), directory({ revoked: [revoke(k1)] }))).toEqual(revoked);
    // The agency's key revoked: the directory lists it no more, and the list counts for nothing.
    const agency = directory({ publishers: [publisher({ keys: [named(agencyNext)] })], revoked: [revoke(agencyKey)] });
    expect(vouchFor(sub('agency-list', agencyKey), agency)).toMatchObject({ by: 'revoked', keyId: agencyKey.keyId });
  });

  it('undoes a rotation followed with a key revoked since: a thief may have rolled it to their own key', () => {
    const thief = sub('my-list', k2, 'person', [retired(k1, '2026-04-15T00:00:00Z', '2026-04-01T00:00:00.000Z')]);
    expect(vouchFor(thief, directory({ revoked: [revoke(k1, '2026-03-20T00:00:00Z')] }))).toMatchObject({ by: 'revoked', keyId: k1.keyId });
  });

  it('keeps a rotation followed before the key was compromised', () => {
    const earlier = sub('my-list', k2, 'person', [retired(k1, '2026-04-15T00:00:00Z', '2026-04-01T00:00:00.000Z')]);
    expect(vouchFor(earlier, directory({ revoked: [revoke(k1, '2026-05-01T00:00:00Z')] }))).toEqual({ by: 'person' });
  });
});
