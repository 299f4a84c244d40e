import { describe, expect, it } from 'vitest';
import { hostFromUrl } from '../../../lib/domain';
import { ListIndex, type List } from '../../../lib/lists';
import { verdictForUrl, verdictFromHits, type VerdictKind } from '../../../lib/verdict';
import { makeAllowList, makeBlockList, stored } from '../lists/fixtures';

const COMMUNITY = makeBlockList('community', 'community', ['site.example']);
const REGISTER = makeAllowList('register', ['site.example']);
const AUTHORITY = makeBlockList('authority', 'authority', ['site.example']);

const indexOf = (lists: readonly List[]) =>
  new ListIndex(lists.map((list) => ({ stored: stored(list), domains: list.entries.map((e) => e.domain) })));

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
    const index = new ListIndex([{ stored: stored(AUTHORITY), domains: ['192.168.0.1', '168.0.1'] }]);
    expect(verdictForUrl(index, 'http://3232235521/')?.kind).toBe('listed');
    expect(verdictForUrl(index, 'http://10.168.0.1/')?.kind).toBe('unknown');
  });
});

describe('verdictFromHits', () => {
  it('is unknown with no hits, and keeps the host', () => {
    const host = hostFromUrl('https://a.example/')!;
    expect(verdictFromHits(host, [])).toEqual({ kind: 'unknown', host, hits: [] });
  });
});
