import { describe, expect, it } from 'vitest';
import { checkEntryDomain, isPublicSuffix, type EntryProblem } from '../../../lib/domain';

const LABEL_63 = 'a'.repeat(63);

describe('checkEntryDomain', () => {
  it.each<[string, string, string]>([
    ['accepts a registrable domain', 'rogue.example', 'rogue.example'],
    ['accepts a subdomain (it covers its own subdomains only)', 'shop.rogue.example', 'shop.rogue.example'],
    ['accepts a www. name as written', 'www.rogue.example', 'www.rogue.example'],
    ['accepts a domain under a two-label suffix', 'rogue.co.uk', 'rogue.co.uk'],
    ['accepts one blog on a blog host', 'foo.blogspot.com', 'foo.blogspot.com'],
    ['accepts one site on GitHub Pages', 'rogue.github.io', 'rogue.github.io'],
    ['lowercases', 'Rogue.EXAMPLE', 'rogue.example'],
    ['removes a trailing dot', 'rogue.example.', 'rogue.example'],
    ['removes a leading dot', '.rogue.example', 'rogue.example'],
    ['collapses repeated dots', 'rogue..example', 'rogue.example'],
    ['trims surrounding whitespace', '  rogue.example\n', 'rogue.example'],
    ['canonicalises an IDN to punycode', 'bücher.de', 'xn--bcher-kva.de'],
    ['canonicalises a Cyrillic IDN and TLD', 'пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['keeps punycode', 'xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['folds fullwidth letters', 'ｒｏｇｕｅ.example', 'rogue.example'],
    ['reads the ideographic full stop as a dot', 'rogue。example', 'rogue.example'],
    ['accepts a label of 63 characters', `${LABEL_63}.example`, `${LABEL_63}.example`],
    ['accepts hyphens inside a label', 'ab--cd.example', 'ab--cd.example'],
    ['accepts digits', '1-800-can-drug.com', '1-800-can-drug.com'],
    ['accepts underscores, which real host names use', 'rogue_x.example', 'rogue_x.example'],
  ])('%s (%j)', (_, input, domain) => {
    expect(checkEntryDomain(input)).toEqual({ ok: true, domain, kind: 'name' });
  });

  it.each<[string, string, EntryProblem]>([
    // Nothing there
    ['refuses the empty string', '', 'empty'],
    ['refuses spaces only', '   ', 'empty'],
    ['refuses a tab and newline only', '\t\n', 'empty'],
    // Public suffixes: an entry covers every subdomain, so a suffix would block whole registries
    ['refuses a public suffix as an entry', 'co.uk', 'public-suffix'],
    ['refuses a private suffix (a blog host) as an entry', 'blogspot.com', 'public-suffix'],
    ['refuses GitHub Pages as an entry', 'github.io', 'public-suffix'],
    ['refuses a public suffix with a trailing dot', 'co.uk.', 'public-suffix'],
    ['refuses a shouted public suffix', 'CO.UK', 'public-suffix'],
    // Single labels
    ['refuses a top-level domain alone', 'com', 'not-a-domain'],
    ['refuses a single label', 'localhost', 'not-a-domain'],
    ['refuses a single IDN label', 'рф', 'not-a-domain'],
    ['refuses a dot alone', '.', 'not-a-domain'],
    ['refuses dots alone', '..', 'not-a-domain'],
    // URLs and more than a host
    ['refuses a URL', 'http://rogue.example', 'not-a-domain'],
    ['refuses a path', 'rogue.example/path', 'not-a-domain'],
    ['refuses a trailing slash', 'rogue.example/', 'not-a-domain'],
    ['refuses a port', 'rogue.example:8080', 'not-a-domain'],
    ['refuses user-info', 'user@rogue.example', 'not-a-domain'],
    ['refuses user-info hidden behind brackets', '[x]@rogue.example', 'not-a-domain'],
    ['refuses user-info behind an IPv6 literal', '[::1]@rogue.example', 'not-a-domain'],
    ['refuses a space inside', 'rogue example', 'not-a-domain'],
    ['refuses a query', 'rogue.example?x', 'not-a-domain'],
    ['refuses a fragment', 'rogue.example#x', 'not-a-domain'],
    ['refuses a backslash', 'rogue\\example', 'not-a-domain'],
    ['refuses a bare IPv6 address without brackets', '::1', 'not-a-domain'],
    // Bad labels
    ['refuses a label starting with a hyphen', '-rogue.example', 'not-a-domain'],
    ['refuses a label ending with a hyphen', 'rogue-.example', 'not-a-domain'],
    ['refuses a TLD starting with a hyphen', 'rogue.-example', 'not-a-domain'],
    ['refuses a label of 64 characters', `${'a'.repeat(64)}.example`, 'not-a-domain'],
    ['refuses a wildcard', '*.rogue.example', 'not-a-domain'],
    ['refuses a wildcard TLD', 'rogue.*', 'not-a-domain'],
    ['refuses a numeric TLD', 'rogue.123', 'not-a-domain'],
    ['refuses five numeric labels', '1.2.3.4.5', 'not-a-domain'],
    ['refuses a comma', 'rogue,example.com', 'not-a-domain'],
    ['refuses a semicolon', 'rogue;example.com', 'not-a-domain'],
    ['refuses quotes', '"rogue.example"', 'not-a-domain'],
    ['refuses an exclamation mark', 'rogue!.example', 'not-a-domain'],
    ['refuses a dollar sign', 'rogue$.example', 'not-a-domain'],
    ['refuses an ampersand', 'rogue&x.example', 'not-a-domain'],
    ['refuses parentheses', 'rogue(1).example', 'not-a-domain'],
    ['refuses a plus sign', 'rogue+.example', 'not-a-domain'],
    ['refuses a less-than sign', 'ro<gue.example', 'not-a-domain'],
    ['refuses an escaped NUL', 'rogue.example%00', 'not-a-domain'],
    ['refuses an escaped slash', 'rogue.example%2f.com', 'not-a-domain'],
    ['refuses a raw NUL', 'rogue.example\u0000', 'not-a-domain'],
    ['refuses invalid punycode', 'xn--a.example', 'not-a-domain'],
    // IP addresses
    ['refuses an IPv4 address', '1.2.3.4', 'ip-address'],
    ['refuses an IPv4 address with a trailing dot', '1.2.3.4.', 'ip-address'],
    ['refuses a decimal IPv4 address', '3279880203', 'ip-address'],
    ['refuses a short IPv4 form', '127.1', 'ip-address'],
    ['refuses a hex IPv4 form', '0x7f.0.0.1', 'ip-address'],
    ['refuses an IPv6 address', '[::1]', 'ip-address'],
    ['refuses a mapped IPv6 address', '[::ffff:1.2.3.4]', 'ip-address'],
    // Length
    ['refuses an over-long input before parsing it', `${'abcd.'.repeat(60)}example`, 'too-long'],
  ])('%s (%j)', (_, input, problem) => {
    expect(checkEntryDomain(input)).toEqual({ ok: false, problem });
  });

  it('accepts a domain of exactly 253 characters, and refuses 254', () => {
    // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253
    const at253 = `${LABEL_63}.${LABEL_63}.${LABEL_63}.${'b'.repeat(61)}`;
    expect(at253).toHaveLength(253);
    expect(checkEntryDomain(at253)).toEqual({ ok: true, domain: at253, kind: 'name' });
    expect(checkEntryDomain(`${at253}.`)).toEqual({ ok: true, domain: at253, kind: 'name' });
    expect(checkEntryDomain(`a${at253}`)).toEqual({ ok: false, problem: 'too-long' });
  });

  it('refuses an IDN that only becomes too long as punycode', () => {
    const accents = 'äöüéèàçñøåæœ';
    const label = (offset: number) => Array.from({ length: 26 }, (_, i) => (i % 2 ? 'a' : accents[(i + offset) % accents.length])).join('');
    const input = `${[0, 1, 2, 3, 4, 5, 6].map(label).join('.')}.example`;
    expect(input.length).toBeLessThan(254);
    expect(checkEntryDomain(input)).toEqual({ ok: false, problem: 'too-long' });
  });

  describe('with allowIp', () => {
    it.each<[string, string, 'ipv4' | 'ipv6']>([
      ['1.2.3.4', '1.2.3.4', 'ipv4'],
      ['3279880203', '195.127.0.11', 'ipv4'],
      ['127.1', '127.0.0.1', 'ipv4'],
      ['[::1]', '[::1]', 'ipv6'],
      ['[2001:DB8::1]', '[2001:db8::1]', 'ipv6'],
      ['[::ffff:1.2.3.4]', '[::ffff:102:304]', 'ipv6'],
    ])('accepts the IP address %j as %j', (input, domain, kind) => {
      expect(checkEntryDomain(input, { allowIp: true })).toEqual({ ok: true, domain, kind });
    });

    it.each(['[::1]/path', '[::1]:8080', '[::1]#x', '[::1]?x', '1.2.3.4:80', '1.2.3.4/x', 'user@1.2.3.4', '[::1'])(
      'still refuses %j as not a domain',
      (input) => {
        expect(checkEntryDomain(input, { allowIp: true })).toEqual({ ok: false, problem: 'not-a-domain' });
      },
    );

    it('still refuses public suffixes', () => {
      expect(checkEntryDomain('co.uk', { allowIp: true })).toEqual({ ok: false, problem: 'public-suffix' });
    });
  });
});

describe('isPublicSuffix', () => {
  it.each(['com', 'uk', 'co.uk', 'blogspot.com', 'github.io'])('says %j is a public suffix', (name) => {
    expect(isPublicSuffix(name)).toBe(true);
  });

  it.each(['rogue.example', 'rogue.co.uk', 'foo.blogspot.com', 'rogue.github.io', 'www.rogue.com'])(
    'says %j is not a public suffix',
    (name) => {
      expect(isPublicSuffix(name)).toBe(false);
    },
  );
});

describe('the fast path for names the URL parser would not change', () => {
  it('accepts only names that the URL parser returns unchanged (random names)', async () => {
    const { CANONICAL_NAME } = await import('../../../lib/domain/entry');
    const alphabet = 'abx0179.-_';
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let accepted = 0;
    for (let i = 0; i < 50_000; i++) {
      const length = 1 + Math.floor(next() * 12);
      let name = '';
      for (let j = 0; j < length; j++) name += alphabet[Math.floor(next() * alphabet.length)];
      if (Math.floor(next() * 4) === 0) name += ['.0x7f', '.123', '.xn--p1ai', '.com', '.0xg'][Math.floor(next() * 5)];
      if (!CANONICAL_NAME.test(name)) continue;
      accepted++;
      let parsed: string | null;
      try {
        parsed = new URL(`http://${name}/`).hostname;
      } catch {
        parsed = null;
      }
      expect(parsed, name).toBe(name);
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it.each(['a.0x7f', 'a.0X7F', 'a.123', '1.2.3.4', 'a.xn--p1ai', 'xn--bcher-kva.de', 'A.com', 'a..com', 'a.com.'])(
    'leaves %s to the URL parser',
    async (name) => {
      const { CANONICAL_NAME } = await import('../../../lib/domain/entry');
      expect(CANONICAL_NAME.test(name)).toBe(false);
    },
  );

  it('gives the same answer as before for hex-looking last labels', () => {
    expect(checkEntryDomain('a.0x7f')).toEqual({ ok: false, problem: 'not-a-domain' });
    expect(checkEntryDomain('a.0xg')).toEqual({ ok: true, domain: 'a.0xg', kind: 'name' });
  });
});

describe('the one-pass check of a canonical name', () => {
  it('answers as the step-by-step check does (random names, public suffixes and long labels among them)', () => {
    const alphabet = 'abz09-_.';
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const tails = ['.com', '.co.uk', '.blogspot.com', '.github.io', '.example', '.uk', ''];
    let fast = 0;
    for (let i = 0; i < 30_000; i++) {
      let name = '';
      const length = 1 + Math.floor(next() * 14);
      for (let j = 0; j < length; j++) name += alphabet[Math.floor(next() * alphabet.length)];
      if (next() < 0.02) name = 'x'.repeat(64) + name;
      name += tails[Math.floor(next() * tails.length)];
      // A leading space is trimmed by the step-by-step path and keeps the input off the fast one.
      expect(checkEntryDomain(name), name).toEqual(checkEntryDomain(` ${name}`));
      if (checkEntryDomain(name).ok) fast++;
    }
    expect(fast).toBeGreaterThan(3000);
    expect(checkEntryDomain('co.uk')).toEqual({ ok: false, problem: 'public-suffix' });
    expect(checkEntryDomain('-a.com')).toEqual({ ok: false, problem: 'not-a-domain' });
  });
});
