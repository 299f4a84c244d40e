/**
 * Validation of a domain as a list entry. An entry covers the domain and all its subdomains, so an
 * entry must be something a person can register: never a public suffix (`com`, `co.uk`,
 * `blogspot.com`; private suffixes count, so one blog never blocks a whole blog host).
 */
import { parse } from 'tldts';
import { canonicalHost } from './host';

export type EntryProblem =
  | 'empty'
  | 'too-long'
  | 'not-a-domain'
  | 'public-suffix'
  | 'ip-address';

export type EntryCheck =
  | { readonly ok: true; readonly domain: string; readonly kind: 'name' | 'ipv4' | 'ipv6' }
  | { readonly ok: false; readonly problem: EntryProblem };

export interface EntryOptions {
  /** IP literals are refused unless a list explicitly allows them. */
  readonly allowIp?: boolean;
}

const MAX_DOMAIN_LENGTH = 253;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Checks one entry and returns it canonical (lowercase, punycode, no trailing dot). */
export function checkEntryDomain(input: string, options: EntryOptions = {}): EntryCheck {
  const trimmed = input.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (trimmed.length > MAX_DOMAIN_LENGTH + 1) return { ok: false, problem: 'too-long' };
  // A domain is a host and nothing else: no scheme, path, port, user-info or spaces.
  if (/[\s/:@?#\\]/.test(trimmed.replace(/^\[|\]$/g, '')) && !trimmed.startsWith('[')) {
    return { ok: false, problem: 'not-a-domain' };
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return { ok: false, problem: 'not-a-domain' };
  }
  const host = canonicalHost(hostname);
  if (!host) return { ok: false, problem: 'not-a-domain' };
  if (host.kind !== 'name') {
    return options.allowIp ? { ok: true, domain: host.name, kind: host.kind } : { ok: false, problem: 'ip-address' };
  }
  if (host.name.length > MAX_DOMAIN_LENGTH) return { ok: false, problem: 'too-long' };
  const labels = host.name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, problem: 'not-a-domain' };
  const info = parse(host.name, { allowPrivateDomains: true, extractHostname: false });
  if (labels.length < 2) return { ok: false, problem: 'not-a-domain' };
  if (info.domain === null) {
    return { ok: false, problem: info.publicSuffix === host.name ? 'public-suffix' : 'not-a-domain' };
  }
  return { ok: true, domain: host.name, kind: 'name' };
}

/** True when the name is a public suffix (ICANN or private section of the list). */
export function isPublicSuffix(name: string): boolean {
  const info = parse(name, { allowPrivateDomains: true, extractHostname: false });
  return info.publicSuffix === name && info.domain === null;
}
