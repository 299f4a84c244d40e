import { describe, expect, it } from 'vitest';
import { hostFromUrl, type Host } from '../../../lib/domain';
import { FingerprintSet, indexedList, ListIndex, type EntrySource, type FingerprintFunction, type List, type LoadedList } from '../../../lib/lists';
import { confirmedVerdictForUrl } from '../../../lib/verdict';
import { entry, IN_FORCE_DAY, makeAllowList, makeBlockList, stored } from './fixtures';

const loaded = (list: List): LoadedList => ({ stored: stored(list), domains: list.entries.map((e) => e.domain) });
const host = (url: string): Host => hostFromUrl(url)!;

const community = makeBlockList('community', 'community', ['rogue.example', 'shop.pharmacy.example', '1.2.3.4']);
const register = makeAllowList('register', ['pharmacy.example', 'good.example']);
const authority = makeBlockList('authority', 'authority', ['pharmacy.example', 'fake.example', '2.3.4']);

describe('ListIndex', () => {
  // Deliberately not in rank order.
  const index = ListIndex.build([community, register, authority].map(loaded), IN_FORCE_DAY);

  it('counts the entries of every list', () => {
    expect(index.entryCount).toBe(8);
  });

  it('finds every list that holds a host, highest rank first', () => {
    const hits = index.hits(host('https://cart.shop.pharmacy.example/'));
    expect(hits.map((h) => [h.list.id, h.domain, h.rank])).toEqual([
      ['authority', 'pharmacy.example', 3],
      ['register', 'pharmacy.example', 2],
      ['community', 'shop.pharmacy.example', 1],
    ]);
  });

  it('gives the matched entry index, so the entry can be read back', () => {
    const [hit] = index.hits(host('http://www.fake.example/'));
    expect(hit).toMatchObject({ domain: 'fake.example', entryIndex: 1, rank: 3 });
    expect(hit?.list).toEqual(stored(authority));
  });

  it('finds nothing for an unlisted host or a near miss', () => {
    for (const url of ['https://unlisted.example/', 'https://ogue.example/', 'https://rogue.example.com/', 'https://example/']) {
      expect(index.hits(host(url)), url).toEqual([]);
    }
  });

  it('matches IP addresses exactly, never as parent domains', () => {
    expect(index.hits(host('http://1.2.3.4/')).map((h) => h.list.id)).toEqual(['community']);
    // "2.3.4" is a suffix of 1.2.3.4 and of 5.2.3.4 in name terms, but an address has no parents.
    expect(index.hits(host('http://5.2.3.4/'))).toEqual([]);
    expect(index.hits(host('http://1.2.3.45/'))).toEqual([]);
  });

  it('answers from an empty index', () => {
    const empty = ListIndex.empty;
    expect(empty.entryCount).toBe(0);
    expect(empty.hits(host('https://rogue.example/'))).toEqual([]);
  });

  it('throws when a stored list holds a duplicate (the schema should have refused it)', () => {
    const bad = loaded(community);
    expect(() => ListIndex.build([{ ...bad, domains: ['a.example', 'a.example'] }], IN_FORCE_DAY)).toThrow(/duplicate/);
  });
});

describe('ListIndex with a fingerprint that collides (injected)', () => {
  // Every name of the same length shares a fingerprint: a lookup cannot tell them apart.
  const collide: FingerprintFunction = (name) => [1, name.length];
  const list = makeBlockList('authority', 'authority', ['aaaa.example', 'bbbb.example', 'deep.cccc.example', 'ninechars.test']);
  const index = ListIndex.build([loaded(list)], IN_FORCE_DAY, collide);
  const source: EntrySource = { baseEntry: async (_, i) => list.entries[i] };

  it('may colour the badge for an unlisted site that shares a fingerprint (fingerprints alone)', () => {
    expect(index.hits(host('https://zzzz.example/')).map((h) => h.list.id)).toEqual(['authority']);
  });

  it('never confirms an unlisted site, whatever shares its fingerprint', async () => {
    for (const url of ['https://zzzz.example/', 'https://www.zzzz.example/', 'https://xxxx.cccc.example/']) {
      expect(await index.confirmHits(host(url), source), url).toEqual([]);
      expect((await confirmedVerdictForUrl(index, url, source))?.kind, url).toBe('unknown');
    }
  });

  it('confirms a listed site and names its own entry, not the one it collides with', async () => {
    const [hit] = await index.confirmHits(host('https://www.bbbb.example/'), source);
    expect(hit).toMatchObject({ domain: 'bbbb.example', entryIndex: 1, entry: list.entries[1] });
    expect((await confirmedVerdictForUrl(index, 'https://bbbb.example/', source))?.kind).toBe('listed');
  });

  it('falls back to a parent entry when a more specific candidate is only a collision', async () => {
    // "x.bbbb.example" has the length, so the fingerprint, of the listed "ninechars.test": the most
    // specific candidate is a collision, and the listed parent "bbbb.example" is what confirms.
    expect(index.hits(host('https://x.bbbb.example/'))[0]?.domain).toBe('x.bbbb.example');
    const [hit] = await index.confirmHits(host('https://x.bbbb.example/'), source);
    expect(hit).toMatchObject({ domain: 'bbbb.example', entry: list.entries[1] });
  });

  it('confirms nothing when the entry cannot be read', async () => {
    expect(await index.confirmHits(host('https://aaaa.example/'), { baseEntry: async () => undefined })).toEqual([]);
  });
});

describe('ListIndex with an overlay', () => {
  const base = makeBlockList('authority', 'authority', ['kept.example', 'removed.example', 'shop.removed.example']);
  const { set, order } = FingerprintSet.build(base.entries.map((e) => e.domain));
  const overlay = { adds: new Set(['added.example']), removes: new Set(['removed.example']) };
  const index = ListIndex.of([indexedList(stored(base), set, order, overlay, IN_FORCE_DAY)]);

  it('holds the base less its removals, plus its additions', () => {
    const on = (url: string) => index.hits(host(url)).map((h) => h.domain);
    expect(on('https://kept.example/')).toEqual(['kept.example']);
    expect(on('https://removed.example/')).toEqual([]);
    expect(on('https://www.added.example/')).toEqual(['added.example']);
    // A subdomain the list still lists, under a removed name.
    expect(on('https://x.shop.removed.example/')).toEqual(['shop.removed.example']);
  });

  it('confirms an addition from the overlay’s entries', async () => {
    const added = entry('added.example', { note: 'new' });
    const [hit] = await index.confirmHits(host('https://added.example/'), { overlayEntry: async (_, d) => (d === added.domain ? added : undefined) });
    expect(hit).toMatchObject({ domain: 'added.example', entryIndex: -1, entry: added });
  });
});
