import { describe, expect, it } from 'vitest';
import { hostFromUrl, type Host } from '../../../lib/domain';
import { ListIndex, type List, type LoadedList } from '../../../lib/lists';
import { IN_FORCE_DAY, makeAllowList, makeBlockList, stored } from './fixtures';

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
