import { describe, expect, it } from 'vitest';
import { canonicalHost, hostFromUrl, hostFromUserInput, lookupNames, MAX_URL_LENGTH, type Host } from '../../../lib/domain';

const named = (name: string, registrableDomain: string | null = name): Host => ({ name, kind: 'name', registrableDomain });
const ipv4 = (name: string): Host => ({ name, kind: 'ipv4', registrableDomain: null });
const ipv6 = (name: string): Host => ({ name, kind: 'ipv6', registrableDomain: null });
const ROGUE = named('rogue.example');

describe('hostFromUrl', () => {
  // In the spirit of Safe Browsing's URL canonicalisation tests: every way of writing a host that a
  // browser navigates to must come out as the one name the lists are checked against.
  it.each<[string, string, Host | null]>([
    // Case
    ['lowercases the host', 'https://Rogue.Example/', ROGUE],
    ['lowercases a shouted scheme and host', 'HTTP://ROGUE.EXAMPLE', ROGUE],
    ['keeps a plain https host', 'https://rogue.example/path?q=1#top', ROGUE],
    // IDN
    ['maps an IDN to punycode', 'http://bücher.de/', named('xn--bcher-kva.de')],
    ['keeps punycode as it is', 'http://xn--bcher-kva.de/', named('xn--bcher-kva.de')],
    ['lowercases shouted punycode', 'http://XN--BCHER-KVA.DE/', named('xn--bcher-kva.de')],
    ['maps a Cyrillic domain and TLD to punycode', 'http://пример.рф/', named('xn--e1afmkfd.xn--p1ai')],
    ['maps a symbol domain to punycode', 'http://☃.net/', named('xn--n3h.net')],
    ['folds fullwidth letters', 'http://ｒｏｇｕｅ.example/', ROGUE],
    ['folds a compatibility letter (double-struck R)', 'http://ℝogue.example/', ROGUE],
    ['reads the ideographic full stop as a dot', 'http://rogue。example/', ROGUE],
    ['reads the fullwidth full stop as a dot', 'http://rogue\uFF0Eexample/', ROGUE],
    ['reads the halfwidth ideographic full stop as a dot', 'http://rogue\uFF61example/', ROGUE],
    ['drops a trailing ideographic full stop', 'http://rogue.example\u3002/', ROGUE],
    ['refuses an invalid punycode label', 'http://xn--a.example/', null],
    // Dots
    ['drops a trailing dot', 'http://rogue.example./', ROGUE],
    ['drops several trailing dots', 'http://rogue.example.../', ROGUE],
    ['drops a leading dot', 'http://.rogue.example/', ROGUE],
    ['drops several leading dots', 'http://...rogue.example/', ROGUE],
    ['collapses repeated dots', 'http://rogue..example/', ROGUE],
    ['collapses repeated dots everywhere', 'http://a..b..c.example/', named('a.b.c.example', 'c.example')],
    ['drops a trailing dot before a port', 'http://rogue.example.:80/', ROGUE],
    ['gives null for a host of dots only', 'http://./', null],
    ['gives null for two dots', 'http://..', null],
    ['gives null for an escaped dot alone', 'http://%2e/', null],
    // Ports and user-info
    ['drops a port', 'http://rogue.example:8080/', ROGUE],
    ['drops the default port', 'https://rogue.example:443/', ROGUE],
    ['refuses an out-of-range port', 'http://rogue.example:99999/', null],
    ['checks the host, not the user-info that names another site', 'https://cvs.com@rogue.example/', ROGUE],
    ['drops user and password', 'https://user:pass@rogue.example:443/x', ROGUE],
    ['reads a backslash before @ as the end of the host', 'http://rogue.example\\@cvs.com/', ROGUE],
    ['ignores a URL in the query', 'http://rogue.example?q=http://cvs.com/', ROGUE],
    ['ignores the fragment', 'http://rogue.example#cvs.com', ROGUE],
    // IPv4
    ['reads a decimal IPv4 address', 'http://3279880203/', ipv4('195.127.0.11')],
    ['reads the largest decimal IPv4 address', 'http://4294967295/', ipv4('255.255.255.255')],
    ['refuses a decimal address above 32 bits', 'http://4294967296/', null],
    ['reads an octal IPv4 address', 'http://0300.0250.0.1/', ipv4('192.168.0.1')],
    ['reads one octal number as IPv4', 'http://017700000001/', ipv4('127.0.0.1')],
    ['reads a hex IPv4 address', 'http://0xC0.0xA8.0.1/', ipv4('192.168.0.1')],
    ['reads one hex number as IPv4', 'http://0xc3818a0b/', ipv4('195.129.138.11')],
    ['reads a short IPv4 form with two parts', 'http://127.1/', ipv4('127.0.0.1')],
    ['reads a short IPv4 form with three parts', 'http://10.1.2/', ipv4('10.1.0.2')],
    ['reads a mixed hex short form', 'http://0x7f.1/', ipv4('127.0.0.1')],
    ['reads 0 as an address', 'http://0/', ipv4('0.0.0.0')],
    ['reads a percent-escaped IPv4 address', 'http://%31%32%37.0.0.1/', ipv4('127.0.0.1')],
    ['drops a trailing dot after an IPv4 address', 'http://1.2.3.4./', ipv4('1.2.3.4')],
    ['normalises an address that is one only once dots are cleaned', 'http://...1.2.3.4.../', ipv4('1.2.3.4')],
    ['refuses an IPv4 part over 255', 'http://256.1.1.1/', null],
    ['refuses a hex IPv4 part over 255', 'http://0x100.1.1.1/', null],
    ['refuses five numeric parts', 'http://1.2.3.4.5/', null],
    ['refuses a bad octal part', 'http://1.2.3.09/', null],
    ['refuses an empty IPv4 part, as the browser does', 'http://1..2.3.4/', null],
    // IPv6
    ['keeps IPv6 in brackets', 'http://[::1]/', ipv6('[::1]')],
    ['lowercases and compresses IPv6', 'http://[2001:DB8:0:0:0:0:0:1]/', ipv6('[2001:db8::1]')],
    ['writes a mapped IPv4 address in hex', 'http://[::ffff:192.168.0.1]/', ipv6('[::ffff:c0a8:1]')],
    ['drops the port of an IPv6 address', 'http://[::ffff:1.2.3.4]:8080/', ipv6('[::ffff:102:304]')],
    ['refuses an IPv6 zone id', 'http://[fe80::1%25eth0]/', null],
    ['refuses an unclosed IPv6 bracket', 'http://[::1', null],
    // Percent-escapes
    ['decodes a percent-escape in the host', 'http://%72ogue.example/', ROGUE],
    ['decodes an uppercase percent-escape in the host', 'http://rogue.ex%41mple/', ROGUE],
    ['decodes an escaped dot', 'http://rogue%2eexample/', ROGUE],
    ['refuses a double-escaped host, as the browser does', 'http://%2572ogue.example/', null],
    ['refuses an escaped NUL', 'http://rogue.example%00/', null],
    ['refuses an escaped slash in the host', 'http://rogue.example%2f.cvs.com/', null],
    // Backslashes, whitespace, sloppy slashes
    ['reads backslashes as slashes', 'http:\\\\rogue.example\\path', ROGUE],
    ['strips a tab and a newline inside the URL', 'http://ro\tgue.exam\nple/', ROGUE],
    ['strips a carriage return inside the URL', 'http://rogue.\r\nexample/', ROGUE],
    ['trims surrounding spaces', '  http://rogue.example/  ', ROGUE],
    ['reads http: without slashes', 'http:rogue.example', ROGUE],
    ['reads http: with one slash', 'http:/rogue.example', ROGUE],
    ['reads https: with three slashes', 'https:///rogue.example', ROGUE],
    ['refuses a space in the host', 'http://rogue example/', null],
    ['refuses a forbidden character in the host', 'http://ro<gue.example/', null],
    // Registrable domains
    ['keeps www. in the host, with its registrable domain', 'http://www.rogue.example/', named('www.rogue.example', 'rogue.example')],
    ['finds the registrable domain under a two-label suffix', 'http://shop.rogue.co.uk/', named('shop.rogue.co.uk', 'rogue.co.uk')],
    ['finds the registrable domain of a deep subdomain', 'http://a.b.c.rogue.example/', named('a.b.c.rogue.example', 'rogue.example')],
    ['counts a private suffix: a blog is its own registrable domain', 'http://foo.blogspot.com/', named('foo.blogspot.com')],
    ['counts a private suffix: a GitHub Pages site too', 'http://a.rogue.github.io/', named('a.rogue.github.io', 'rogue.github.io')],
    ['gives no registrable domain for a public suffix', 'http://co.uk/', named('co.uk', null)],
    ['gives no registrable domain for a private suffix', 'http://github.io/', named('github.io', null)],
    ['gives no registrable domain for a single label', 'http://localhost/', named('localhost', null)],
    ['keeps underscores, which real hosts use', 'http://_dmarc.rogue.example/', named('_dmarc.rogue.example', 'rogue.example')],
    // Not web pages
    ['gives null for chrome:', 'chrome://settings', null],
    ['gives null for about:blank', 'about:blank', null],
    ['gives null for file:', 'file:///etc/passwd', null],
    ['gives null for data:', 'data:text/html,<b>rogue.example</b>', null],
    ['gives null for blob:', 'blob:https://rogue.example/6f1c', null],
    ['gives null for javascript:', 'javascript:alert(1)', null],
    ['gives null for a Chrome extension page', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html', null],
    ['gives null for a Firefox extension page', 'moz-extension://0a1b2c3d-0000-4000-8000-000000000000/warning.html', null],
    ['gives null for ftp:', 'ftp://rogue.example/', null],
    ['gives null for mailto:', 'mailto:a@rogue.example', null],
    ['gives null for ws:', 'ws://rogue.example/', null],
    ['gives null for view-source:', 'view-source:http://rogue.example/', null],
    // Garbage
    ['gives null for the empty string', '', null],
    ['gives null for spaces only', '   ', null],
    ['gives null for a scheme alone', 'http://', null],
    ['gives null for percent signs', '%%%', null],
    ['gives null for a bare host without a scheme', 'rogue.example', null],
  ])('%s (%j)', (_, input, expected) => {
    expect(hostFromUrl(input)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 3279880203],
    ['NaN', Number.NaN],
    ['an object with toString', { toString: () => 'https://rogue.example/' }],
    ['a URL object', new URL('https://rogue.example/')],
    ['an array', ['https://rogue.example/']],
    ['a boolean', true],
    ['a symbol', Symbol('https://rogue.example/')],
  ])('gives null for %s, never throwing', (_, input) => {
    expect(hostFromUrl(input)).toBeNull();
  });

  it('accepts a URL of exactly MAX_URL_LENGTH characters', () => {
    const url = 'https://rogue.example/';
    expect(hostFromUrl(url + 'a'.repeat(MAX_URL_LENGTH - url.length))).toEqual(ROGUE);
  });

  it('gives null for a URL over MAX_URL_LENGTH characters', () => {
    const url = 'https://rogue.example/';
    expect(hostFromUrl(url + 'a'.repeat(MAX_URL_LENGTH - url.length + 1))).toBeNull();
  });

  it('never throws on random printable and control characters', () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'http://:/@[]%.\\\t\n #?xn--.0x7f.1ä。ｒ\u0000\uffff';
    let hosts = 0;
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 40);
      let input = 'http://';
      for (let i = 0; i < length; i++) input += alphabet[Math.floor(random() * alphabet.length)];
      const host = hostFromUrl(input);
      if (host === null) continue;
      hosts++;
      // Whatever comes out is canonical: ASCII, lowercase, no empty label, no edge dot.
      expect(host.name, input).toMatch(/^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)$/);
    }
    expect(hosts).toBeGreaterThan(100);
  });
});

describe('hostFromUserInput', () => {
  it.each<[string, string, Host | null]>([
    ['reads a bare host as http', 'rogue.example', ROGUE],
    ['reads a bare host with a path', 'rogue.example/path', ROGUE],
    ['reads a bare host with a port, not as a scheme', 'Rogue.Example:8080', ROGUE],
    ['reads a bare host with a port and a path', 'localhost:3000/x', named('localhost', null)],
    ['reads an https URL as it is', 'https://rogue.example/', ROGUE],
    ['reads http: without slashes as a URL', 'http:rogue.example', ROGUE],
    ['reads an http URL with a path', 'http://shop.rogue.co.uk/cart', named('shop.rogue.co.uk', 'rogue.co.uk')],
    ['keeps www. with its registrable domain', 'www.Rogue.example/?q=1', named('www.rogue.example', 'rogue.example')],
    ['trims spaces', '  rogue.example  ', ROGUE],
    ['reads a bare IPv4 address', '1.2.3.4', ipv4('1.2.3.4')],
    ['reads a bare IPv6 address', '[::1]', ipv6('[::1]')],
    ['reads a bare IDN', 'bücher.de', named('xn--bcher-kva.de')],
    ['checks the host after bare user-info', 'cvs.com@rogue.example', ROGUE],
    ['gives null for an ftp URL', 'ftp://rogue.example', null],
    ['gives null for a browser page', 'chrome://settings', null],
    ['gives null for about:blank', 'about:blank', null],
    ['gives null for javascript:', 'javascript:alert(1)', null],
    ['gives null for a file URL', 'file:///etc/passwd', null],
    ['gives null for a file URL written with one slash', 'file:/etc/passwd', null],
    ['gives null for mailto:, rather than reading its address as user-info', 'mailto:x@rogue.example', null],
    ['gives null for data:', 'data:text/html,hi', null],
    ['gives null for the empty string', '', null],
    ['gives null for spaces only', '   ', null],
    ['gives null for garbage', '%%%', null],
  ])('%s (%j)', (_, input, expected) => {
    expect(hostFromUserInput(input)).toEqual(expected);
  });

  it.each([undefined, null, 42, {}, ['rogue.example']])('gives null for the non-string %j', (input) => {
    expect(hostFromUserInput(input)).toBeNull();
  });

  it('gives null for input over MAX_URL_LENGTH characters', () => {
    expect(hostFromUserInput('rogue.example/' + 'a'.repeat(MAX_URL_LENGTH))).toBeNull();
  });
});

describe('canonicalHost', () => {
  it.each<[string, Host | null]>([
    ['rogue.example', ROGUE],
    ['rogue.example.', ROGUE],
    ['.rogue.example', ROGUE],
    ['rogue...example', ROGUE],
    ['www.rogue.co.uk', named('www.rogue.co.uk', 'rogue.co.uk')],
    ['1.2.3.4', ipv4('1.2.3.4')],
    ['1.2.3.4.', ipv4('1.2.3.4')],
    ['127.1.', ipv4('127.0.0.1')],
    ['[::1]', ipv6('[::1]')],
    ['', null],
    ['.', null],
    ['...', null],
  ])('canonicalises the parsed host name %j', (hostname, expected) => {
    expect(canonicalHost(hostname)).toEqual(expected);
  });

  it('gives null when a cleaned-up name no longer parses', () => {
    expect(canonicalHost('256.1.1.1.')).toBeNull();
  });
});

describe('lookupNames', () => {
  it.each<[string, string[]]>([
    ['http://rogue.example/', ['rogue.example']],
    ['http://www.rogue.example/', ['www.rogue.example', 'rogue.example']],
    ['http://a.b.rogue.example/', ['a.b.rogue.example', 'b.rogue.example', 'rogue.example']],
    ['http://shop.rogue.co.uk/', ['shop.rogue.co.uk', 'rogue.co.uk']],
    ['http://a.foo.blogspot.com/', ['a.foo.blogspot.com', 'foo.blogspot.com']],
    ['http://foo.blogspot.com/', ['foo.blogspot.com']],
    ['http://co.uk/', ['co.uk']],
    ['http://localhost/', ['localhost']],
    ['http://1.2.3.4/', ['1.2.3.4']],
    ['http://127.1/', ['127.0.0.1']],
    ['http://[::ffff:1.2.3.4]/', ['[::ffff:102:304]']],
  ])('looks up %s as %j', (url, names) => {
    const host = hostFromUrl(url);
    expect(host).not.toBeNull();
    expect(lookupNames(host!)).toEqual(names);
  });

  it('never goes above the registrable domain to the public suffix', () => {
    const names = lookupNames(hostFromUrl('http://x.y.z.rogue.co.uk/')!);
    expect(names).not.toContain('co.uk');
    expect(names).not.toContain('uk');
    expect(names.at(-1)).toBe('rogue.co.uk');
  });
});
