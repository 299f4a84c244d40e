import { describe, expect, it } from 'vitest';
import { fingerprintOf, FingerprintSet, firstRepeat, repeatedPositions, type FingerprintFunction } from '../../../lib/lists/fingerprint-set';

/** A small deterministic generator, so a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    state = (state ^ (state >>> 12)) >>> 0;
    return state / 2 ** 32;
  };
}

/** The obvious implementation: walk the host's parents from the most specific, down to two labels. */
function naiveMatch(domains: ReadonlyMap<string, number>, host: string): number {
  const labels = host.split('.');
  for (let i = 0; i <= labels.length - 2; i++) {
    const index = domains.get(labels.slice(i).join('.'));
    if (index !== undefined) return index;
  }
  return -1;
}

/** The set and a way back from a sorted position to the input's domain. */
function built(domains: readonly string[], fingerprint: FingerprintFunction | null = null) {
  const { set, order } = FingerprintSet.build(domains, fingerprint);
  const domainAt = (position: number) => domains[order ? order[position]! : position]!;
  return { set, order, domainAt, inputIndex: (position: number) => (position === -1 ? -1 : order ? order[position]! : position) };
}

describe('FingerprintSet', () => {
  const { set, domainAt } = built(['rogue.example', 'shop.rogue.example', 'rogue.co.uk', 'foo.blogspot.com', 'xn--bcher-kva.de']);

  it.each<[string, string]>([
    ['rogue.example', 'rogue.example'],
    ['www.rogue.example', 'rogue.example'],
    ['a.b.c.rogue.example', 'rogue.example'],
    ['shop.rogue.example', 'shop.rogue.example'],
    ['cart.shop.rogue.example', 'shop.rogue.example'],
    ['rogue.co.uk', 'rogue.co.uk'],
    ['www.rogue.co.uk', 'rogue.co.uk'],
    ['x.foo.blogspot.com', 'foo.blogspot.com'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('matches %j through the entry %j', (host, entry) => {
    const position = set.match(host);
    expect(position).not.toBe(-1);
    expect(domainAt(position)).toBe(entry);
    expect(set.candidates(host)[0]).toMatchObject({ from: host.length - entry.length, position, count: 1 });
  });

  it.each([
    ['ogue.example', 'a partial first label'],
    ['xrogue.example', 'a longer first label'],
    ['rogue.examplex', 'a longer last label'],
    ['rogueexample', 'the dots removed'],
    ['example', 'the last label alone'],
    ['co.uk', 'the public suffix of an entry'],
    ['bar.blogspot.com', 'a sibling on a blog host'],
    ['blogspot.com', 'the blog host itself'],
    ['rogue.example.com', 'the entry as a subdomain of another site'],
    ['hop.rogue.example.evil', 'the entry inside a longer name'],
    ['', 'the empty string'],
    ['.', 'a dot'],
  ])('does not match %j (%s)', (host) => {
    expect(set.match(host)).toBe(-1);
    expect(set.candidates(host)).toEqual([]);
  });

  it('lists every matching suffix, most specific first, and lets the most specific win whatever the input order', () => {
    for (const domains of [
      ['rogue.example', 'shop.rogue.example', 'a.shop.rogue.example'],
      ['a.shop.rogue.example', 'shop.rogue.example', 'rogue.example'],
    ]) {
      const { set: ordered, domainAt: at } = built(domains);
      expect(at(ordered.match('x.a.shop.rogue.example'))).toBe('a.shop.rogue.example');
      expect(at(ordered.match('b.shop.rogue.example'))).toBe('shop.rogue.example');
      expect(ordered.candidates('x.a.shop.rogue.example').map((c) => at(c.position))).toEqual(['a.shop.rogue.example', 'shop.rogue.example', 'rogue.example']);
    }
  });

  it('never matches through the last label alone, even when it is in the set', () => {
    const { set: withTld } = built(['example', 'com']);
    expect(withTld.match('rogue.example')).toBe(-1);
    expect(withTld.match('a.b.com')).toBe(-1);
  });

  it('finds exact names with indexOf, parents not at all (the path IP addresses take)', () => {
    const { set: ips, domainAt: at } = built(['1.2.3.4', '[::1]', 'rogue.co.uk']);
    expect(at(ips.indexOf('1.2.3.4'))).toBe('1.2.3.4');
    expect(at(ips.indexOf('[::1]'))).toBe('[::1]');
    expect(ips.indexOf('11.2.3.4')).toBe(-1);
    expect(ips.indexOf('www.rogue.co.uk')).toBe(-1);
    expect(ips.indexOf('co.uk')).toBe(-1);
  });

  it('keeps entries in fingerprint order: a set built from its own order needs no order table', () => {
    const domains = Array.from({ length: 500 }, (_, i) => `d${i}.example`);
    const { order, domainAt: at } = built(domains);
    expect(order).not.toBeNull();
    const sorted = domains.map((_, position) => at(position));
    const again = FingerprintSet.build(sorted);
    expect(again.order).toBeNull();
    expect(sorted.every((d, position) => again.set.indexOf(d) === position)).toBe(true);
  });

  it('works empty', () => {
    const { set: empty } = built([]);
    expect(empty.size).toBe(0);
    expect(empty.match('rogue.example')).toBe(-1);
    expect(FingerprintSet.restore(empty.snapshot()).match('rogue.example')).toBe(-1);
  });

  it('throws on a duplicate domain, naming it', () => {
    expect(() => FingerprintSet.build(['a.example', 'rogue.example', 'rogue.example'])).toThrow(/duplicate domain: rogue\.example/);
  });

  it('takes about 8.7 bytes an entry: two 32-bit halves and a small bucket table', () => {
    const domains = Array.from({ length: 20_000 }, (_, i) => `shop${i}.example`);
    const { set: big } = built(domains);
    expect(big.byteLength / domains.length).toBeGreaterThan(8);
    expect(big.byteLength / domains.length).toBeLessThan(10);
  });

  it('comes back from its snapshot unchanged, without copying it', () => {
    const domains = Array.from({ length: 3000 }, (_, i) => `${i % 3 ? 'www.' : ''}shop${i}.example`);
    const { set: original, domainAt: at } = built(domains);
    const buffer = structuredClone(original.snapshot());
    const restored = FingerprintSet.restore(buffer);
    expect(restored.snapshot()).toBe(buffer);
    for (const host of ['shop7.example', 'a.www.shop8.example', 'www.shop9.example', 'nope.example']) {
      expect(restored.match(host)).toBe(original.match(host));
    }
    expect(at(restored.match('x.www.shop1.example'))).toBe('www.shop1.example');
    expect(restored.mayHaveSubdomains('shop1.example')).toBe(true);
    expect(restored.mayHaveSubdomains('shop3.example')).toBe(false);
  });

  it.each<[string, () => ArrayBuffer]>([
    ['an empty buffer', () => new ArrayBuffer(0)],
    ['a buffer of another kind', () => new Uint32Array([1, 2, 3, 4, 5]).buffer],
    ['a truncated snapshot', () => FingerprintSet.build(['a.example', 'b.example']).set.snapshot().slice(0, 24)],
    ['a snapshot with bytes added', () => {
      const s = FingerprintSet.build(['a.example']).set.snapshot();
      const longer = new Uint8Array(s.byteLength + 4);
      longer.set(new Uint8Array(s));
      return longer.buffer;
    }],
  ])('refuses to restore %s', (_, buffer) => {
    expect(() => FingerprintSet.restore(buffer())).toThrow(RangeError);
  });

  it('tells which names have listed subdomains (for the overlay), by their parents of two labels or more', () => {
    const { set: deep } = built(['shop.rogue.example', 'a.b.pills.co.uk', 'plain.example']);
    expect(deep.mayHaveSubdomains('rogue.example')).toBe(true);
    expect(deep.mayHaveSubdomains('b.pills.co.uk')).toBe(true);
    expect(deep.mayHaveSubdomains('pills.co.uk')).toBe(true);
    expect(deep.mayHaveSubdomains('plain.example')).toBe(false);
    expect(deep.mayHaveSubdomains('shop.rogue.example')).toBe(false);
  });

  it('agrees with a naive implementation on random hosts, subdomains and near misses', () => {
    const random = randomSource(2020);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    const word = (min: number, max: number) => {
      const length = min + Math.floor(random() * (max - min + 1));
      let out = letters[Math.floor(random() * 26)]!;
      while (out.length < length) out += letters[Math.floor(random() * letters.length)];
      return out;
    };
    const tlds = ['com', 'net', 'ru', 'co.uk', 'de', 'example', 'a'];
    const domains = new Map<string, number>();
    while (domains.size < 4000) {
      const labels = 1 + Math.floor(random() * 3);
      const name = [...Array.from({ length: labels }, () => word(1, 8)), tlds[Math.floor(random() * tlds.length)]].join('.');
      if (!domains.has(name)) domains.set(name, domains.size);
    }
    const { set: big, inputIndex } = built([...domains.keys()]);
    const probes: string[] = [];
    for (const domain of domains.keys()) {
      probes.push(domain, `${word(1, 6)}.${domain}`, `${word(1, 3)}.${word(1, 3)}.${domain}`);
      probes.push(domain.slice(1), `x${domain}`, `${domain}x`, domain.replace('.', ''), domain.replace(/\.[^.]+$/, '.org'));
    }
    for (let i = 0; i < 4000; i++) probes.push(`${word(1, 5)}.${word(1, 5)}.${tlds[Math.floor(random() * tlds.length)]}`);
    let hits = 0;
    for (const host of probes) {
      const expected = naiveMatch(domains, host);
      expect(inputIndex(big.match(host)), host).toBe(expected);
      if (expected !== -1) hits++;
    }
    // The probes are worth something only if both outcomes occur often.
    expect(hits).toBeGreaterThan(domains.size * 3);
    expect(probes.length - hits).toBeGreaterThan(domains.size);
  });

  it('computes a suffix’s fingerprint in the host pass exactly as for the name alone', () => {
    const host = 'a.shop.rogue.co.uk';
    for (const suffix of ['shop.rogue.co.uk', 'rogue.co.uk', 'co.uk']) {
      const { set: one } = built([suffix]);
      expect(one.match(host), suffix).toBe(0);
      expect(one.indexOf(suffix)).toBe(0);
    }
    expect(fingerprintOf('rogue.example')).toEqual(fingerprintOf('rogue.example'));
    expect(fingerprintOf('rogue.example')).not.toEqual(fingerprintOf('rogue.exampla'));
  });
});

describe('FingerprintSet with a fingerprint that collides (injected, as a test of the confirm path)', () => {
  // Every name of the same length gets the same fingerprint.
  const collide: FingerprintFunction = (name) => [7, name.length];

  it('keeps colliding entries side by side, so a lookup sees all of them', () => {
    const domains = ['aaaa.example', 'bbbb.example', 'cccc.example', 'dd.example'];
    const { set: c, domainAt: at } = built(domains, collide);
    const position = c.match('www.bbbb.example');
    expect(position).not.toBe(-1);
    expect(c.runLength(position)).toBe(3);
    const run = Array.from({ length: 3 }, (_, i) => at(position + i)).sort();
    expect(run).toEqual(['aaaa.example', 'bbbb.example', 'cccc.example']);
  });

  it('reports a candidate for an unlisted name that only shares a fingerprint, which confirmation must reject', () => {
    const { set: c, domainAt: at } = built(['aaaa.example'], collide);
    const [candidate] = c.candidates('zzzz.example');
    expect(candidate).toMatchObject({ from: 0, count: 1 });
    expect(at(candidate!.position)).not.toBe('zzzz.example');
  });

  it('still refuses a true duplicate among colliding names', () => {
    expect(() => FingerprintSet.build(['aaaa.example', 'bbbb.example', 'aaaa.example'], collide)).toThrow(/duplicate domain: aaaa\.example/);
  });
});

describe('firstRepeat', () => {
  /** What a Set finds in one pass: the reference firstRepeat must agree with. */
  const bySet = (domains: readonly string[]) => {
    const seen = new Set<string>();
    return domains.findIndex((d) => (seen.has(d) ? true : (seen.add(d), false)));
  };

  it('finds no repeat where there is none, in an empty list too', () => {
    expect(firstRepeat([])).toBe(-1);
    expect(firstRepeat(['rogue.example'])).toBe(-1);
    expect(firstRepeat(Array.from({ length: 5_000 }, (_, i) => `shop-${i}.example`))).toBe(-1);
  });

  it('names the second occurrence that comes first, whatever repeats after it', () => {
    expect(firstRepeat(['a.example', 'b.example', 'a.example'])).toBe(2);
    // b repeats at 3 before a repeats at 4; c's third occurrence comes later still.
    expect(firstRepeat(['a.example', 'b.example', 'c.example', 'b.example', 'a.example', 'c.example', 'c.example'])).toBe(3);
    expect(firstRepeat(['x.example', 'x.example', 'x.example'])).toBe(1);
  });

  it('agrees with a Set on random lists with and without repeats', () => {
    const random = randomSource(7);
    for (let round = 0; round < 50; round++) {
      const size = 1 + Math.floor(random() * 400);
      const pool = 1 + Math.floor(random() * 800);
      const domains = Array.from({ length: size }, () => `shop-${Math.floor(random() * pool)}.example`);
      expect(firstRepeat(domains), `round ${round}`).toBe(bySet(domains));
    }
  });

  it('never takes a shared hash for a repeat, in short runs and in long ones (names crafted to collide)', () => {
    for (const size of [2, 10, 16, 17, 500]) {
      const distinct = Array.from({ length: size }, (_, i) => `shop-${i}.example`);
      expect(firstRepeat(distinct, () => 42), `${size} names, one hash`).toBe(-1);
      const repeated = [...distinct, distinct[size - 1]!, distinct[0]!];
      expect(firstRepeat(repeated, () => 42), `${size} names, one hash, then repeats`).toBe(size);
      expect(firstRepeat(repeated, (name) => name.length)).toBe(size);
    }
  });
});

describe('repeatedPositions', () => {
  /** A Set's `has` before each `add`: the reference. */
  const bySet = (names: readonly string[]) => {
    const seen = new Set<string>();
    return names.map((d) => (seen.has(d) ? 1 : (seen.add(d), 0)));
  };

  it('marks every later occurrence and no first one', () => {
    expect([...repeatedPositions([])]).toEqual([]);
    expect([...repeatedPositions(['a.example', 'b.example', 'a.example', 'a.example', 'c.example', 'b.example'])]).toEqual([0, 0, 1, 1, 0, 1]);
  });

  it('agrees with a Set on random lists', () => {
    const random = randomSource(11);
    for (let round = 0; round < 50; round++) {
      const size = Math.floor(random() * 400);
      const pool = 1 + Math.floor(random() * 600);
      const names = Array.from({ length: size }, () => `shop-${Math.floor(random() * pool)}.example`);
      expect([...repeatedPositions(names)], `round ${round}`).toEqual(bySet(names));
    }
  });

  it('never takes a shared hash for a repeat (names crafted to collide, short runs and long)', () => {
    for (const size of [3, 17, 300]) {
      const names = [...Array.from({ length: size }, (_, i) => `shop-${i}.example`), 'shop-1.example', 'shop-0.example'];
      expect([...repeatedPositions(names, () => 7)], `${size} names, one hash`).toEqual(bySet(names));
    }
  });
});
