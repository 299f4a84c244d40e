/**
 * The fetcher's address rules, as a pure function: nothing here connects anywhere. A hostile site
 * must not make the hub reach its own machine or its private network, however the address is
 * written.
 */
import { describe, expect, it } from 'vitest';
import { addressProblem, embeddedIpv4, parseCidr } from '../../../server/src/fetch/addresses';

describe('the fetcher refuses addresses inside the hub’s own machine and networks', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'this network'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared address space'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fec0::1', 'site-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
  ])('%s is refused as %s', (address, kind) => {
    expect(addressProblem(address)).toContain(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::ffff:7f00:1', '127.0.0.1'],
    ['::ffff:169.254.169.254', '169.254.169.254'],
    ['64:ff9b::10.0.0.1', '10.0.0.1'],
    ['2002:c0a8:0101::1', '192.168.1.1'],
    ['::ffff:0:192.168.0.1', '192.168.0.1'],
  ])('an IPv6 address carrying a forbidden IPv4 one is refused: %s carries %s', (address, carried) => {
    expect(embeddedIpv4(address)).toBe(carried);
    expect(addressProblem(address)).toContain(`carries ${carried}`);
  });

  it('IPv4-compatible (::a.b.c.d) and Teredo forms are refused outright', () => {
    expect(addressProblem('::8.8.8.8')).toContain('IPv4-compatible');
    expect(addressProblem('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toContain('Teredo');
  });

  it('public addresses are allowed, including IPv6 ones and mapped public IPv4 ones', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4007:80e::200e']) {
      expect(addressProblem(address), address).toBeNull();
    }
  });

  it('a host name, a malformed or scoped-out address is not judged as allowed', () => {
    for (const text of ['localhost', 'example.org', '', '127.1', '1.2.3.4.5', '::g', '0x7f000001']) expect(addressProblem(text), text).toContain('not an IP address');
  });

  it('a test configuration may allow loopback, and forbid an address inside what it allowed (deny wins)', () => {
    const policy = { allow: ['127.0.0.0/8'], deny: ['127.0.0.2/32'] };
    expect(addressProblem('127.0.0.1', policy)).toBeNull();
    expect(addressProblem('127.0.0.2', policy)).toContain("forbidden by this hub's configuration");
    expect(addressProblem('10.0.0.1', policy)).toContain('private');
    // The mapped form of an allowed address follows its IPv4 rule, the mapped form of a denied one too.
    expect(addressProblem('::ffff:127.0.0.1', policy)).toBeNull();
    expect(addressProblem('::ffff:127.0.0.2', policy)).toContain('forbidden');
    // deny adds to the rules: a public address can be refused too.
    expect(addressProblem('8.8.8.8', { deny: ['8.8.8.0/24'] })).toContain('forbidden');
  });

  it('reads address ranges, and refuses what is not one', () => {
    expect(parseCidr('127.0.0.1/32')).toEqual({ address: '127.0.0.1', prefix: 32, family: 'ipv4' });
    expect(parseCidr('::1')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
    expect(parseCidr('fd00::/8')).toEqual({ address: 'fd00::', prefix: 8, family: 'ipv6' });
    for (const bad of ['127.0.0.1/33', '::1/129', '10.0.0.0/-1', '10.0.0.0/8/8', 'localhost/8', '10.0.0.0/x', '']) expect(parseCidr(bad), bad).toBeNull();
  });
});
