import { describe, expect, it } from 'vitest';
import { DomainSet } from '../../../lib/lists';

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

describe('DomainSet', () => {
  const set = new DomainSet(['rogue.example', 'shop.rogue.example', 'rogue.co.uk', 'foo.blogspot.com', 'xn--bcher-kva.de']);

  it.each<[string, string | null]>([
    ['rogue.example', 'rogue.example'],
    ['www.rogue.example', 'rogue.example'],
    ['a.b.c.rogue.example', 'rogue.example'],
    ['shop.rogue.example', 'shop.rogue.example'],
    ['cart.shop.rogue.example', 'shop.rogue.example'],
    ['rogue.co.uk', 'rogue.co.uk'],
    ['www.rogue.co.uk', 'rogue.co.uk'],
    ['foo.blogspot.com', 'foo.blogspot.com'],
    ['x.foo.blogspot.com', 'foo.blogspot.com'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('matches %j through the entry %j', (host, entry) => {
    const index = set.match(host);
    expect(index).not.toBe(-1);
    expect(set.domainAt(index)).toBe(entry);
  });

  it.each([
    ['ogue.example', 'a partial first label'],
    ['xrogue.example', 'a longer first label'],
    ['rogue.examplex', 'a longer last label'],
    ['rogue.exampl', 'a shorter last label'],
    ['rogueexample', 'the dots removed'],
    ['example', 'the last label alone'],
    ['co.uk', 'the public suffix of an entry'],
    ['uk', 'the last label of an entry'],
    ['bar.blogspot.com', 'a sibling on a blog host'],
    ['blogspot.com', 'the blog host itself'],
    ['rogue.example.com', 'the entry as a subdomain of another site'],
    ['hop.rogue.example.evil', 'the entry inside a longer name'],
    ['bücher.de', 'an IDN not in punycode'],
    ['', 'the empty string'],
    ['.', 'a dot'],
  ])('does not match %j (%s)', (host) => {
    expect(set.match(host)).toBe(-1);
  });

  it('lets the most specific entry win, whatever the input order', () => {
    for (const domains of [
      ['rogue.example', 'shop.rogue.example', 'a.shop.rogue.example'],
      ['a.shop.rogue.example', 'shop.rogue.example', 'rogue.example'],
      ['shop.rogue.example', 'a.shop.rogue.example', 'rogue.example'],
    ]) {
      const ordered = new DomainSet(domains);
      expect(ordered.domainAt(ordered.match('x.a.shop.rogue.example'))).toBe('a.shop.rogue.example');
      expect(ordered.domainAt(ordered.match('b.shop.rogue.example'))).toBe('shop.rogue.example');
      expect(ordered.domainAt(ordered.match('hop.rogue.example'))).toBe('rogue.example');
    }
  });

  it('never matches through the last label alone, even when it is in the set', () => {
    const withTld = new DomainSet(['example', 'com']);
    expect(withTld.match('rogue.example')).toBe(-1);
    expect(withTld.match('a.b.com')).toBe(-1);
  });

  it('returns the position in the input as the index', () => {
    expect(set.match('rogue.example')).toBe(0);
    expect(set.match('shop.rogue.example')).toBe(1);
    expect(set.match('rogue.co.uk')).toBe(2);
  });

  it('finds exact domains with indexOf, and parents not at all', () => {
    expect(set.indexOf('rogue.co.uk')).toBe(2);
    expect(set.indexOf('www.rogue.co.uk')).toBe(-1);
    expect(set.indexOf('co.uk')).toBe(-1);
  });

  it('gives back every domain with domainAt', () => {
    const domains = ['a.example', 'b.example', 'x'.repeat(5000) + '.example', 'xn--bcher-kva.de', '1.2.3.4', '[::1]'];
    const roundTrip = new DomainSet(domains);
    expect(domains.map((_, i) => roundTrip.domainAt(i))).toEqual(domains);
    expect(roundTrip.size).toBe(domains.length);
  });

  it('works empty', () => {
    const empty = new DomainSet([]);
    expect(empty.size).toBe(0);
    expect(empty.match('rogue.example')).toBe(-1);
    expect(empty.indexOf('rogue.example')).toBe(-1);
    expect(empty.byteLength).toBeGreaterThan(0);
  });

  it('throws on a duplicate domain, naming it', () => {
    expect(() => new DomainSet(['a.example', 'rogue.example', 'rogue.example'])).toThrow(/duplicate domain: rogue\.example/);
  });

  it.each(['bücher.de', 'rogue.exämple', 'ｒｏｇｕｅ.example', 'rogue\u3002example', '\u{1F48A}.example'])(
    'throws on the non-ASCII domain %j',
    (domain) => {
      expect(() => new DomainSet(['rogue.example', domain])).toThrow(RangeError);
    },
  );

  it('matches IPs exactly with indexOf', () => {
    const ips = new DomainSet(['1.2.3.4', '[::1]']);
    expect(ips.indexOf('1.2.3.4')).toBe(0);
    expect(ips.indexOf('[::1]')).toBe(1);
    expect(ips.indexOf('11.2.3.4')).toBe(-1);
    expect(ips.indexOf('1.2.3.45')).toBe(-1);
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
    const list = [...domains.keys()];
    const domainSet = new DomainSet(list);

    const probes: string[] = [];
    for (const domain of list) {
      probes.push(domain, `${word(1, 6)}.${domain}`, `${word(1, 3)}.${word(1, 3)}.${domain}`);
      probes.push(domain.slice(1), `x${domain}`, `${domain}x`, domain.replace('.', ''), domain.replace(/\.[^.]+$/, '.org'));
    }
    for (let i = 0; i < 4000; i++) probes.push(`${word(1, 5)}.${word(1, 5)}.${tlds[Math.floor(random() * tlds.length)]}`);

    let hits = 0;
    for (const host of probes) {
      const expected = naiveMatch(domains, host);
      expect(domainSet.match(host), host).toBe(expected);
      if (expected !== -1) hits++;
    }
    // The probes are worth something only if both outcomes occur often.
    expect(hits).toBeGreaterThan(list.length * 3);
    expect(probes.length - hits).toBeGreaterThan(list.length);
  });

  it('never returns an index whose domain differs from the probed name (hash collisions)', () => {
    const random = randomSource(7);
    const domains: string[] = [];
    const seen = new Set<string>();
    while (domains.length < 60_000) {
      const name = `${Math.floor(random() * 2 ** 40).toString(36)}.example`;
      if (!seen.has(name)) {
        seen.add(name);
        domains.push(name);
      }
    }
    const big = new DomainSet(domains);
    let misses = 0;
    for (let i = 0; i < 100_000; i++) {
      const probe = `${Math.floor(random() * 2 ** 40).toString(36)}.example`;
      const index = big.indexOf(probe);
      if (index === -1) {
        misses++;
        expect(seen.has(probe), probe).toBe(false);
      } else {
        expect(big.domainAt(index)).toBe(probe);
      }
      const matched = big.match(`www.${probe}`);
      if (matched !== -1) expect(big.domainAt(matched)).toBe(probe);
    }
    expect(misses).toBeGreaterThan(50_000);
  });

  it('tells apart two names whose hashes collide', () => {
    // Find two short names with the same reversed FNV-1a hash by brute force over a small space,
    // then check the set keeps them apart and does not confuse one for the other.
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let n = 0; pair === null && n < 3_000_000; n++) {
      const name = `${n.toString(36)}.example`;
      const h = fnv(name);
      const other = byHash.get(h);
      if (other !== undefined) pair = [other, name];
      else byHash.set(h, name);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    expect(fnv(a)).toBe(fnv(b));

    const onlyA = new DomainSet([a]);
    expect(onlyA.indexOf(b)).toBe(-1);
    expect(onlyA.match(`www.${b}`)).toBe(-1);
    expect(onlyA.match(`www.${a}`)).toBe(0);

    const both = new DomainSet([a, b]);
    expect(both.indexOf(a)).toBe(0);
    expect(both.indexOf(b)).toBe(1);
    expect(both.match(`x.${b}`)).toBe(1);
  });
});
