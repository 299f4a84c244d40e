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

/**
 * Names the URL parser would return unchanged: lowercase ASCII labels, no punycode (which it
 * validates), and a last label that is neither decimal nor 0x-hex (which makes the URL parser
 * read the name as an IPv4 address). Lists
 * are mostly such names; skipping the parse for them makes validating a 100,000-entry list
 * several times faster, with the same result (a unit test compares both paths).
 */
export const CANONICAL_NAME = /^(?!.*(?:^|\.)xn--)[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.(?!0x[0-9a-f]*$)(?:[a-z_-][a-z0-9_-]*|[0-9]+[a-z_-][a-z0-9_-]*)$/;

/** Every label valid (LABEL), in one pass: the common case of a list entry. */
const VALID_LABELS = /^(?:(?!-)[a-z0-9_-]{1,63}(?<!-)\.)+(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
/** For names already known to be valid host names (lists check millions of them). */
const PSL_FAST = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;

function parsedHost(trimmed: string): ReturnType<typeof canonicalHost> {
  try {
    return canonicalHost(new URL(`http://${trimmed}/`).hostname);
  } catch {
    return null;
  }
}

/** Checks one entry and returns it canonical (lowercase, punycode, no trailing dot). */
export function checkEntryDomain(input: string, options: EntryOptions = {}): EntryCheck {
  // Already canonical, every label valid: only the public-suffix question is left (same answers
  // as the path below, which a unit test checks; twice as fast on a large list).
  if (input.length <= MAX_DOMAIN_LENGTH && CANONICAL_NAME.test(input) && VALID_LABELS.test(input)) {
    const info = parse(input, PSL_FAST);
    if (info.domain !== null) return { ok: true, domain: input, kind: 'name' };
    return { ok: false, problem: info.publicSuffix === input ? 'public-suffix' : 'not-a-domain' };
  }
  const trimmed = input.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (trimmed.length > MAX_DOMAIN_LENGTH + 1) return { ok: false, problem: 'too-long' };
  // A domain is a host and nothing else: no scheme, path, port, user-info or spaces. Only a
  // whole IPv6 literal may hold colons (`[::1]@rogue.example` is user-info, not an address).
  if (/[\s/:@?#\\]/.test(trimmed) && !/^\[[0-9a-f:.]+\]$/i.test(trimmed)) {
    return { ok: false, problem: 'not-a-domain' };
  }
  const host = CANONICAL_NAME.test(trimmed) ? ({ name: trimmed, kind: 'name' } as const) : parsedHost(trimmed);
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
