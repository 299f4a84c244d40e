import { describe, expect, it } from 'vitest';
import { hostFromUrl } from '../../../lib/domain';
import { ListIndex, type List } from '../../../lib/lists';
import { verdictForUrl, verdictFromHits, type VerdictKind } from '../../../lib/verdict';
import { IN_FORCE_DAY, makeAllowList, makeBlockList, stored } from '../lists/fixtures';

const COMMUNITY = makeBlockList('community', 'community', ['site.example']);
const REGISTER = makeAllowList('register', ['site.example']);
const AUTHORITY = makeBlockList('authority', 'authority', ['site.example']);

const indexOf = (lists: readonly List[]) =>
  ListIndex.build(lists.map((list) => ({ stored: stored(list), domains: list.entries.map((e) => e.domain) })), IN_FORCE_DAY);

describe('verdictForUrl', () => {
  it.each<[string, List[], VerdictKind, string[]]>([
    ['nothing matches', [], 'unknown', []],
    ['only a community blocklist matches', [COMMUNITY], 'listed', ['community']],
    ['only an authority blocklist matches', [AUTHORITY], 'listed', ['authority']],
    ['only an allowlist matches', [REGISTER], 'verified', ['register']],
    ['an allowlist beats a community blocklist', [COMMUNITY, REGISTER], 'verified', ['register', 'community']],
    ['an authority blocklist beats an allowlist', [REGISTER, AUTHORITY], 'listed', ['authority', 'register']],
    ['an authority blocklist beats everything', [COMMUNITY, REGISTER, AUTHORITY], 'listed', ['authority', 'register', 'community']],
  ])('when %s, the verdict is %s', (_, lists, kind, hitIds) => {
    const verdict = verdictForUrl(indexOf(lists), 'https://www.site.example/buy');
    expect(verdict?.kind).toBe(kind);
    expect(verdict?.host).toEqual(hostFromUrl('https://www.site.example/'));
    expect(verdict?.hits.map((h) => h.list.id)).toEqual(hitIds);
  });

  it.each([
    'chrome://settings',
    'about:blank',
    'file:///etc/hosts',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html?url=https://site.example/',
    'javascript:alert(1)',
    '',
    'site.example',
  ])('gives no verdict at all for the non-web URL %j', (url) => {
    expect(verdictForUrl(indexOf([AUTHORITY]), url)).toBeNull();
  });

  it('checks the host a browser would visit, not a look-alike in the user-info', () => {
    const index = indexOf([AUTHORITY]);
    expect(verdictForUrl(index, 'https://site.example@elsewhere.example/')?.kind).toBe('unknown');
    expect(verdictForUrl(index, 'https://elsewhere.example@SITE.example./')?.kind).toBe('listed');
  });

  it('finds a listed IP address only when the address itself is listed', () => {
    const index = ListIndex.build([{ stored: stored(AUTHORITY), domains: ['192.168.0.1', '168.0.1'] }], IN_FORCE_DAY);
    expect(verdictForUrl(index, 'http://3232235521/')?.kind).toBe('listed');
    expect(verdictForUrl(index, 'http://10.168.0.1/')?.kind).toBe('unknown');
  });
});

describe('a list whose expiry passed while it was stored', () => {
  const EXPIRES = '2027-01-15T00:00:00Z'; // the fixtures' expiry
  const at = (iso: string, lists: readonly List[]) =>
    ListIndex.build(lists.map((list) => ({ stored: stored(list), domains: list.entries.map((e) => e.domain) })), new Date(iso));

  it('keeps a blocklist blocking: an old list of illegal sites still names illegal sites', () => {
    expect(verdictForUrl(at('2027-01-14T23:59:59Z', [AUTHORITY]), 'https://site.example/')?.kind).toBe('listed');
    expect(verdictForUrl(at(EXPIRES, [AUTHORITY]), 'https://site.example/')?.kind).toBe('listed');
    expect(verdictForUrl(at('2031-01-01T00:00:00Z', [COMMUNITY]), 'https://site.example/')?.kind).toBe('listed');
  });

  it('stops an allowlist from verifying from the instant it expires (a pharmacy may have lost its authorisation)', () => {
    expect(verdictForUrl(at('2027-01-14T23:59:59Z', [REGISTER]), 'https://site.example/')?.kind).toBe('verified');
    expect(verdictForUrl(at(EXPIRES, [REGISTER]), 'https://site.example/')?.kind).toBe('unknown');
  });

  it('lets the community blocklist that an expired allowlist outranked block again', () => {
    const verdict = verdictForUrl(at('2027-02-01T00:00:00Z', [COMMUNITY, REGISTER]), 'https://site.example/');
    expect(verdict?.kind).toBe('listed');
    expect(verdict?.hits.map((h) => h.list.id)).toEqual(['community']);
  });

  it('tells when the standing of a list changed since the index was built', () => {
    const index = at('2027-01-01T00:00:00Z', [COMMUNITY, REGISTER]);
    expect(index.standingChanged(new Date('2027-01-14T00:00:00Z'))).toBe(false);
    expect(index.standingChanged(new Date(EXPIRES))).toBe(true);
    expect(at('2027-01-01T00:00:00Z', [COMMUNITY, AUTHORITY]).standingChanged(new Date('2040-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('verdictFromHits', () => {
  it('is unknown with no hits, and keeps the host', () => {
    const host = hostFromUrl('https://a.example/')!;
    expect(verdictFromHits(host, [])).toEqual({ kind: 'unknown', host, hits: [] });
  });
});
