/**
 * What a report is about. The person sends either the page's address or, trimmed by them, just
 * the domain; either way the hub groups reports by the registrable domain, the unit a list entry
 * covers (`shop.rogue.co.uk/pills` → `rogue.co.uk`). IP addresses and public suffixes have no
 * registrable domain and cannot become list entries, so a report about one is refused up front.
 */
import { canonicalHost, checkEntryDomain, hostFromUrl } from '../domain';

export interface ReportTarget {
  /** The canonical host of the page (or the domain the person kept). */
  readonly host: string;
  /** The domain a list entry would name. */
  readonly domain: string;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The host and registrable domain of a reported page address or domain; null if it has none. */
export function reportTarget(page: string): ReportTarget | null {
  const host = HAS_SCHEME.test(page.trim()) ? hostFromUrl(page) : domainHost(page);
  if (!host || host.kind !== 'name' || host.registrableDomain === null) return null;
  return { host: host.name, domain: host.registrableDomain };
}

function domainHost(input: string) {
  const check = checkEntryDomain(input);
  return check.ok ? canonicalHost(check.domain) : null;
}

/**
 * The page address as a report carries it by default: scheme, host, port and path, without
 * user-info, query or fragment, which often hold a session, a tracking id or personal data
 * (`https://shop.example/pills?session=…#x` → `https://shop.example/pills`). The person may keep
 * the full address. Input that is not an http(s) address is returned as it is (a domain, or
 * something the report schema will refuse).
 */
export function trimmedPage(page: string): string {
  const text = page.trim();
  if (!HAS_SCHEME.test(text)) return text;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return text;
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return text;
  }
}
