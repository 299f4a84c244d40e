/**
 * The part of a host name the name rules judge: the registrable domain (tldts, as lib/domain
 * reads it) and its first label, in ASCII and, for an IDN, decoded from punycode. The extension's
 * background has no Node built-ins and `new URL()` only gives the ASCII form, so decoding uses the
 * `punycode.js` package (RFC 3492), which is plain JavaScript. Nothing here throws.
 */
import punycode from 'punycode.js';
import { parse } from 'tldts';

export interface NamedHost {
  /** The registrable domain in ASCII, e.g. `xn--pfzer-8ve.com`. */
  readonly domain: string;
  /** Its first label in ASCII, e.g. `xn--pfzer-8ve`. */
  readonly label: string;
  /** That label decoded (`pfіzer`), or the label itself when it is plain ASCII. */
  readonly unicode: string;
  /** The public suffix, e.g. `com`, `co.uk`, `shop`. */
  readonly suffix: string;
}

const MAX_HOST = 253;
const ASCII_HOST = /^[a-z0-9._-]+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9_-]{1,63}$/;

function asciiHost(input: string): string | null {
  let host = input.trim().toLowerCase().replace(/\.+$/, '');
  if (host.length === 0 || host.length > MAX_HOST * 4) return null;
  if (!ASCII_HOST.test(host)) {
    // A host typed or pasted in Unicode: the URL parser maps it as a browser would (UTS #46).
    try {
      host = new URL(`http://${host}/`).hostname.replace(/\.+$/, '');
    } catch {
      return null;
    }
    if (!ASCII_HOST.test(host)) return null;
  }
  if (host.length > MAX_HOST || IPV4.test(host)) return null;
  return host;
}

function decode(label: string): string | null {
  if (!label.startsWith('xn--')) return label;
  try {
    const decoded = punycode.decode(label.slice(4));
    return decoded.length > 0 && decoded.length <= 63 ? decoded : null;
  } catch {
    return null;
  }
}

/** Null for IP addresses, public suffixes, names too long for DNS, and punycode that does not decode. */
export function namedHost(input: unknown): NamedHost | null {
  if (typeof input !== 'string') return null;
  const host = asciiHost(input);
  if (host === null) return null;
  const info = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (info.isIp || !info.domain || !info.domainWithoutSuffix || !info.publicSuffix) return null;
  const label = info.domainWithoutSuffix;
  if (!LABEL.test(label)) return null;
  const unicode = decode(label);
  if (unicode === null) return null;
  return { domain: info.domain, label, unicode, suffix: info.publicSuffix };
}
