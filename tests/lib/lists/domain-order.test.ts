import { describe, expect, it } from 'vitest';
import { random as randomSource } from '../../../bench/synthetic';
import { domainOrder } from '../../../lib/lists/domain-order';

/** The order `<` gives, which domainOrder must reproduce: positions, ties in their order. */
const reference = (names: readonly string[]) => names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));

describe('domainOrder', () => {
  it('orders nothing, one name, and a few names as < does', () => {
    expect(Array.from(domainOrder([]))).toEqual([]);
    expect(Array.from(domainOrder(['rogue.example']))).toEqual([0]);
    expect(Array.from(domainOrder(['b.example', 'a.example', 'a-b.example', 'a.example.com']))).toEqual([2, 1, 3, 0]);
  });

  it('agrees with < on many names that share long prefixes, where a prefix sorts before what extends it', () => {
    const random = randomSource(3);
    const words = ['pharm', 'pharmacy', 'pharmacy-online', 'rx', 'apotheke', 'a', ''];
    for (const size of [31, 32, 33, 500, 20_000]) {
      const names = Array.from({ length: size }, () => `${words[Math.floor(random() * words.length)]}${Math.floor(random() * 40).toString(36)}${words[Math.floor(random() * words.length)]}.example`);
      expect(Array.from(domainOrder(names)), `${size} names`).toEqual(reference(names));
    }
  });

  it('keeps equal names in their order, in short runs and in long ones, without recursing for ever', () => {
    for (const size of [2, 31, 32, 100]) {
      const names = Array.from({ length: size }, (_, i) => (i % 3 === 0 ? 'same-name-that-is-rather-long.example' : `other-${i % 7}.example`));
      expect(Array.from(domainOrder(names)), `${size} names`).toEqual(reference(names));
    }
  });

  it('sorts names outside ASCII (by the comparator) and ASCII control characters (by the keys) as < does', () => {
    const names = ['bücher.example', 'bucher.example', 'b\u0000.example', 'b.example', '\u{1f48a}.example', 'zz.example', ...Array.from({ length: 40 }, (_, i) => `n${i}.example`)];
    expect(Array.from(domainOrder(names))).toEqual(reference(names));
    const control = ['a\u0000', 'a', 'a\u0001', ...Array.from({ length: 40 }, (_, i) => `a\u0000${i}`)];
    expect(Array.from(domainOrder(control))).toEqual(reference(control));
  });
});
