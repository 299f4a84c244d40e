import { describe, expect, it } from 'vitest';
import { counts, defaultVouch, effectiveRank, ListIndex, vouchedType, type ListMeta, type Vouch } from '../../../lib/lists';
import { hostFromUrl } from '../../../lib/domain';
import { IN_FORCE_DAY, makeAllowList, makeBlockList, makeMeta, stored } from './fixtures';

type Kind = ListMeta['kind'];
type Declared = ListMeta['publisher']['type'];

const meta = (kind: Kind, type: Declared) => makeMeta({ kind, publisher: { name: 'x', type } });
const directory = (type: 'authority' | 'register'): Vouch => ({ by: 'directory', publisher: { id: 'agency', name: 'Agency', type, country: 'FR' } });
const REVOKED: Vouch = { by: 'revoked', keyId: '0123456789abcdef', reason: 'compromised', since: '2026-01-01T00:00:00Z' };
const AFTER_EXPIRY = new Date('2027-02-01T00:00:00Z');

describe('effectiveRank', () => {
  it.each<[string, Kind, Declared, Vouch, number]>([
    ['a shipped authority blocklist', 'block', 'authority', { by: 'bundled' }, 3],
    ['a policy-set register allowlist', 'allow', 'register', { by: 'policy' }, 2],
    ['a policy-set authority allowlist', 'allow', 'authority', { by: 'policy' }, 2],
    ['a shipped community blocklist', 'block', 'community', { by: 'bundled' }, 1],
    ['a policy-set register blocklist', 'block', 'register', { by: 'policy' }, 1],
    ['a policy-set community allowlist', 'allow', 'community', { by: 'policy' }, 0],
    ['a self-declared authority blocklist a person added', 'block', 'authority', { by: 'person' }, 1],
    ['a self-declared register allowlist a person added', 'allow', 'register', { by: 'person' }, 0],
    ['a community blocklist the directory names as an authority', 'block', 'community', directory('authority'), 3],
    ['an "authority" blocklist the directory names as a register', 'block', 'authority', directory('register'), 1],
    ['an allowlist the directory names as a register', 'allow', 'community', directory('register'), 2],
    ['an allowlist the directory names as an authority', 'allow', 'register', directory('authority'), 2],
    ['an authority blocklist whose key was revoked', 'block', 'authority', REVOKED, 0],
  ])('ranks %s %i', (_what, kind, type, vouch, rank) => {
    expect(effectiveRank({ meta: meta(kind, type), vouch })).toBe(rank);
  });

  it('believes the type a list declares only when policy or the extension ships it', () => {
    expect(vouchedType({ meta: meta('block', 'authority'), vouch: { by: 'policy' } })).toBe('authority');
    expect(vouchedType({ meta: meta('block', 'authority'), vouch: { by: 'bundled' } })).toBe('authority');
    expect(vouchedType({ meta: meta('block', 'authority'), vouch: { by: 'person' } })).toBe('community');
    expect(vouchedType({ meta: meta('block', 'community'), vouch: directory('register') })).toBe('register');
  });
});

describe('counts', () => {
  it('counts a list in force that someone vouches for', () => {
    expect(counts({ meta: meta('allow', 'register'), vouch: directory('register') }, IN_FORCE_DAY)).toBe(true);
    expect(counts({ meta: meta('block', 'authority'), vouch: { by: 'person' } }, IN_FORCE_DAY)).toBe(true);
  });

  it('does not count an allowlist nobody vouches for, a revoked key, or an expired allowlist', () => {
    expect(counts({ meta: meta('allow', 'register'), vouch: { by: 'person' } }, IN_FORCE_DAY)).toBe(false);
    expect(counts({ meta: meta('block', 'authority'), vouch: REVOKED }, IN_FORCE_DAY)).toBe(false);
    expect(counts({ meta: meta('allow', 'register'), vouch: directory('register') }, AFTER_EXPIRY)).toBe(false);
  });

  it('keeps an expired blocklist counting', () => {
    expect(counts({ meta: meta('block', 'community'), vouch: { by: 'person' } }, AFTER_EXPIRY)).toBe(true);
  });

  it('takes what the extension ships as vouched for by itself, and any download as a person’s', () => {
    expect(defaultVouch({ type: 'bundled' })).toEqual({ by: 'bundled' });
    expect(defaultVouch({ type: 'url' })).toEqual({ by: 'person' });
  });
});

describe('the index with lists a person added', () => {
  const community = { ...stored(makeBlockList('community', 'community', ['shop.example'])) };
  const fakeRegister = { ...stored(makeAllowList('fake-register', ['shop.example'])), vouch: { by: 'person' } as Vouch };
  const fakeAuthority = { ...stored(makeBlockList('fake-authority', 'authority', ['other.example'])), vouch: { by: 'person' } as Vouch };
  const index = ListIndex.build(
    [community, fakeRegister, fakeAuthority].map((s) => ({ stored: s, domains: s.id === 'fake-authority' ? ['other.example'] : ['shop.example'] })),
    IN_FORCE_DAY,
  );

  it('lets a self-declared register allowlist un-block nothing: the community blocklist decides', () => {
    expect(index.hits(hostFromUrl('https://shop.example/')!).map((h) => [h.list.id, h.rank])).toEqual([['community', 1]]);
    expect(index.indexed().get('fake-register')?.inForce).toBe(false);
  });

  it('ranks a self-declared authority blocklist as community', () => {
    expect(index.hits(hostFromUrl('https://other.example/')!).map((h) => [h.list.id, h.rank])).toEqual([['fake-authority', 1]]);
  });
});
