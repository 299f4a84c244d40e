/**
 * From a URL, the canonical host name that Pharmacheck checks.
 *
 * The WHATWG URL parser (the one browsers navigate with) already lowercases, maps IDNs to punycode,
 * decodes percent-escapes in the host, drops user-info and ports, and turns decimal, octal and hex
 * IPv4 forms into dotted decimal. On top of that we follow Safe Browsing's canonicalisation for
 * dots (leading, trailing and repeated dots are removed), so that `rogue.example.` and
 * `rogue..example` are checked as `rogue.example`, then parse once more so an IPv4 address that
 * only became one after the clean-up is normalised too.
 *
 * Anything that is not an http(s) URL (`chrome:`, `about:`, `file:`, `data:`, `blob:`, extension
 * pages…) gets `null`: no verdict. Nothing here throws.
 */
import { parse } from 'tldts';

export type HostKind = 'name' | 'ipv4' | 'ipv6';

export interface Host {
  /** ASCII, lowercase, no trailing dot; IPv6 in brackets as URLs write it. */
  readonly name: string;
  readonly kind: HostKind;
  /** The domain a person can register (`shop.rogue.co.uk` → `rogue.co.uk`); null for IPs. */
  readonly registrableDomain: string | null;
}

/** Longer inputs are not URLs a person navigates to; refusing them bounds the work. */
export const MAX_URL_LENGTH = 16_384;

const WEB_SCHEMES = new Set(['http:', 'https:']);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `rogue.example:8080/x` looks like it starts with a scheme, but is a host and a port. */
const HOST_AND_PORT = /^[^:/?#@]+:\d+(?:[/?#]|$)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function cleanDots(hostname: string): string {
  return hostname.replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
}

function parseWebUrl(input: string): URL | null {
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

/** The host of an http(s) URL, canonicalised, or null when there is nothing to check. */
export function hostFromUrl(input: unknown): Host | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_URL_LENGTH) return null;
  const url = parseWebUrl(input.trim());
  if (!url || !WEB_SCHEMES.has(url.protocol)) return null;
  return canonicalHost(url.hostname);
}

/**
 * Like hostFromUrl, but also takes what a person types: a bare `rogue.example/path` is read as
 * http. Used by the CLI's `check` and the options page, never by navigation checks.
 */
export function hostFromUserInput(input: unknown): Host | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  // Any other scheme is a URL, web or not (`mailto:x@rogue.example` is not a visit to rogue.example).
  if (HAS_SCHEME.test(trimmed) && !HOST_AND_PORT.test(trimmed)) return hostFromUrl(trimmed);
  return hostFromUrl(`http://${trimmed}`);
}

/** Canonicalises a host name as the URL parser returned it; null if nothing is left. */
export function canonicalHost(hostname: string): Host | null {
  if (hostname.startsWith('[')) {
    return { name: hostname, kind: 'ipv6', registrableDomain: null };
  }
  let name = cleanDots(hostname);
  if (name !== hostname && name.length > 0) {
    const again = parseWebUrl(`http://${name}/`);
    if (!again) return null;
    name = cleanDots(again.hostname);
  }
  if (name.length === 0) return null;
  if (IPV4.test(name)) return { name, kind: 'ipv4', registrableDomain: null };
  const info = parse(name, { allowPrivateDomains: true, extractHostname: false });
  return { name, kind: 'name', registrableDomain: info.domain ?? null };
}

/**
 * The names a verdict looks up for a host: the host itself, then each parent down to the
 * registrable domain (`a.b.rogue.example` → `a.b.rogue.example`, `b.rogue.example`,
 * `rogue.example`). An IP address is looked up as itself only.
 */
export function lookupNames(host: Host): string[] {
  if (host.kind !== 'name' || host.registrableDomain === null) return [host.name];
  const names = [host.name];
  let rest = host.name;
  while (rest.length > host.registrableDomain.length) {
    rest = rest.slice(rest.indexOf('.') + 1);
    names.push(rest);
  }
  return names;
}
