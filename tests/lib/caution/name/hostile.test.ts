import punycode from 'punycode.js';
import { describe, expect, it } from 'vitest';
import { nameSignals } from '../../../../lib/caution/name';

/** A small seeded generator, so the "random" inputs are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const label63 = 'a'.repeat(63);
const host253 = `${'abcdefghi.'.repeat(24)}walgreens.com`.slice(-253);

describe('nameSignals on hostile input', () => {
  it.each([
    ['an empty string', ''],
    ['spaces', '   '],
    ['a dot', '.'],
    ['dots only', '....'],
    ['a public suffix', 'co.uk'],
    ['a bare TLD', 'com'],
    ['an IPv4 address', '192.168.0.1'],
    ['an IPv6 address', '[2001:db8::1]'],
    ['IPv6 without brackets', '2001:db8::1'],
    ['a label of only digits', '1234567.com'],
    ['a label of only hyphens', '---.com'],
    ['a label of hyphens and digits', '-1-2-.com'],
    ['punycode that does not decode', 'xn--zz.com'],
    ['punycode with a bad digit', 'xn--a-ecp!.com'],
    ['a bare xn-- prefix', 'xn--.com'],
    ['a URL instead of a host', 'https://walgreens-rx.com/path?q=1'],
    ['a label longer than 63', `${'b'.repeat(64)}.com`],
    ['a host longer than 253', `${'a.'.repeat(140)}com`],
    ['a very long string', 'x'.repeat(100_000)],
    ['control characters', 'wal\u0000greens\u0007.com'],
    ['a lone surrogate', 'wal\ud800greens.com'],
    ['emoji', '💊💊💊.com'],
    ['right-to-left text', 'صيدلية.com'],
  ])('gives nothing and does not throw for %s', (_, host) => {
    expect(nameSignals(host)).toEqual([]);
  });

  it('takes a 63-letter label and a 253-character host', () => {
    expect(nameSignals(`${label63}.com`)).toEqual([]);
    expect(host253.length).toBe(253);
    // The registrable domain is still walgreens.com: the brand's own.
    expect(nameSignals(host253)).toEqual([]);
    // A 63-character label is read whole.
    const longest = `${'pharmacy-'.repeat(5)}walgreens-rx-shop1`;
    expect(longest.length).toBe(63);
    expect(nameSignals(`${longest}.com`)[0]?.id).toBe('name.brand-words');
  });

  it('takes a label made only of shop words, the worst case for reading it as words', () => {
    expect(nameSignals(`${'shop'.repeat(15)}rx.com`)).toEqual([]);
    expect(nameSignals(`${'e-'.repeat(31)}e.com`)).toEqual([]);
  });

  it('does not throw on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')]) expect(nameSignals(value as unknown as string)).toEqual([]);
  });

  it('does not throw on IDN labels in scripts it has no rule for', () => {
    const scripts = ['ሰላም', 'ᏣᎳᎩ', 'ꦗꦮ', '𐌰𐌱𐌲', 'ᠮᠣᠩ', 'ትግር', '𞤀𞤁𞤂', 'ꕙꔤ', 'ᚠᚢᚦ', 'ⴰⵣⵓ', '한국어', 'ひらがなカタカナ漢字', 'ไทย', 'ελληνικά', 'հայերեն', 'ქართული'];
    for (const word of scripts) {
      const host = `xn--${punycode.encode(word)}.com`;
      expect(() => nameSignals(host), word).not.toThrow();
      expect(nameSignals(host).every((s) => s.id === 'name.mixed-script'), word).toBe(true);
    }
  });

  it('does not throw on thousands of random labels of letters, digits, hyphens and code points', () => {
    const next = random(2026);
    const pool = ['a', 'e', 'i', 'o', 'r', 'n', 'm', 's', '0', '1', '-', 'а', 'е', 'і', 'ο', 'ä', '\u0301', '\u200d', '漢', 'ك', '💊'];
    let flagged = 0;
    for (let k = 0; k < 3_000; k++) {
      const length = 1 + Math.floor(next() * 30);
      const label = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]).join('');
      let host: string;
      try {
        host = new URL(`http://${label}.com/`).hostname;
      } catch {
        host = `${label}.com`;
      }
      const signals = nameSignals(host);
      if (signals.length > 0) flagged++;
      for (const s of signals) expect(s.family).toBe('name');
    }
    // Random strings mostly mix scripts; the point is that none throws.
    expect(flagged).toBeGreaterThan(0);
  });
});
