/**
 * Which addresses the hub may connect to when it fetches a site's page or asks an RDAP server: a
 * hostile site must not use the hub to reach the hub's own machine or its private network. Pure:
 * it only judges an address, it never connects (the fetcher calls it before every connection).
 *
 * Refused: loopback, "this network" (0.0.0.0/8, ::), link-local, private (RFC 1918), shared
 * address space (CGNAT, 100.64.0.0/10), unique-local (fc00::/7), site-local, multicast, reserved,
 * documentation and benchmarking ranges, and IPv6 forms that carry an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4, Teredo), which are judged by the IPv4 address they carry or
 * refused outright. Tests may allow some ranges (`allow`) and forbid more (`deny`, which wins).
 */
import { BlockList, isIP } from 'node:net';

const FORBIDDEN_V4: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const FORBIDDEN_V6: readonly [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 32, 'Teredo'],
  ['2001:2::', 48, 'benchmarking'],
  ['2001:10::', 28, 'ORCHID'],
  ['2001:20::', 28, 'ORCHID'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

export interface AddressPolicy {
  /** CIDR ranges the hub may reach although the rules refuse them (tests: `127.0.0.1/32`). */
  readonly allow?: readonly string[];
  /** CIDR ranges refused on top of the rules; they win over `allow`. */
  readonly deny?: readonly string[];
}

/** `a.b.c.d/n` or `x::y/n`, or a bare address (a /32 or /128); null when it is not one. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return null;
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

function blockList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const cidr = parseCidr(range);
    if (!cidr) throw new Error(`not an address range: ${range}`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return list;
}

/** The 16 bytes of an IPv6 address (`isIP(text) === 6`). */
function ipv6Bytes(text: string): number[] {
  let source = text.toLowerCase().replace(/%.*$/, '');
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(source);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    source = `${source.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = source.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

const v4 = (bytes: number[], at: number) => bytes.slice(at, at + 4).join('.');

/** The IPv4 address an IPv6 address carries by a standard mapping, if it does. */
export function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated)
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(b, 12);
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return v4(b, 12);
  // 64:ff9b::a.b.c.d (NAT64, RFC 6052)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(b, 12);
  // 2002:a.b.c.d::/48 (6to4)
  if (b[0] === 0x20 && b[1] === 0x02) return v4(b, 2);
  return null;
}

const builtinV4 = blockList(FORBIDDEN_V4.map(([a, p]) => `${a}/${p}`));
const builtinV6 = blockList(FORBIDDEN_V6.map(([a, p]) => `${a}/${p}`));

function ruleName(address: string, family: 'ipv4' | 'ipv6'): string | null {
  const rules = family === 'ipv4' ? FORBIDDEN_V4 : FORBIDDEN_V6;
  // The most specific rule names the range (:: is both unspecified and inside ::/96).
  const hits = rules.filter(([a, p]) => blockList([`${a}/${p}`]).check(address, family)).sort((x, y) => y[1] - x[1]);
  return hits[0]?.[2] ?? null;
}

/**
 * Why the hub may not connect to `address` (an IP address), or null when it may. Not an IP
 * address at all is a reason too: only resolved addresses are judged.
 */
export function addressProblem(address: string, policy: AddressPolicy = {}): string | null {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const kind = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.deny?.length && blockList(policy.deny).check(address, kind)) return `${address} is forbidden by this hub's configuration`;
  if (kind === 'ipv6') {
    const carried = embeddedIpv4(address);
    if (carried !== null) {
      const problem = addressProblem(carried, policy);
      return problem === null ? null : `${address} carries ${carried}: ${problem}`;
    }
  }
  if (policy.allow?.length && blockList(policy.allow).check(address, kind)) return null;
  const builtin = kind === 'ipv4' ? builtinV4 : builtinV6;
  if (!builtin.check(address, kind)) return null;
  return `${address} is a ${ruleName(address, kind) ?? 'reserved'} address`;
}
