/**
 * Asking RDAP about a domain: the registry's server for its TLD (bootstrap.ts), then the
 * registrar's own server when the registry's answer links to it. Through the bounded fetch (the
 * same address rules as page copies; redirects followed and recorded). A 404 means the registry
 * does not know the domain (gone); a 429 is waited for once when its Retry-After is short, and
 * reported otherwise; anything else that is not an RDAP answer is a failure, named.
 */
import { boundedFetch, type BoundedFetchOptions, type Redirect } from '../fetch/bounded-fetch';
import { rdapServers, type Bootstrap } from './bootstrap';
import { isSuspended, rdapDomainSchema, registrarLink, registrarOf, type RdapDomain, type Registrar } from './parse';

export interface RdapQuery {
  readonly url: string;
  readonly status: number | null;
  readonly redirects: Redirect[];
  readonly problem: string | null;
}

export type RdapResult =
  | {
      readonly outcome: 'found';
      readonly domain: string;
      readonly statuses: string[];
      readonly suspended: boolean;
      readonly events: { action: string; date: string | null }[];
      readonly registrar: Registrar | null;
      /** Where the abuse contact came from: the registrar's server, or the registry's. */
      readonly abuseFrom: 'registrar' | 'registry' | null;
      readonly queries: RdapQuery[];
    }
  | { readonly outcome: 'gone'; readonly domain: string; readonly queries: RdapQuery[] }
  | { readonly outcome: 'failed'; readonly domain: string; readonly problem: string; readonly retryAfterSeconds?: number; readonly queries: RdapQuery[] };

export interface RdapDeps {
  readonly bootstrap: Bootstrap;
  readonly fetch: Omit<BoundedFetchOptions, 'headers' | 'maxBytes'>;
  /** The longest Retry-After waited for before one more try. */
  readonly maxRetryAfterMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
}

const MAX_RDAP_BYTES = 1024 * 1024;

/** Seconds from a Retry-After header (seconds, or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

type Answer = { kind: 'json'; value: RdapDomain } | { kind: 'gone' } | { kind: 'failed'; problem: string; retryAfter?: number };

async function ask(url: string, deps: RdapDeps, queries: RdapQuery[]): Promise<Answer> {
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    const response = await boundedFetch(url, { ...deps.fetch, maxBytes: MAX_RDAP_BYTES, headers: { accept: 'application/rdap+json, application/json;q=0.9' } });
    queries.push({ url, status: response.status, redirects: response.redirects, problem: response.problem });
    if (response.outcome !== 'complete') return { kind: 'failed', problem: `${url}: ${response.problem ?? response.outcome}` };
    if (response.status === 404) return { kind: 'gone' };
    if (response.status === 429) {
      const wait = retryAfterSeconds(response.headers['retry-after'], deps.now?.() ?? new Date());
      if (attempt === 0 && wait !== null && wait * 1000 <= deps.maxRetryAfterMs) {
        await sleep(wait * 1000);
        continue;
      }
      return { kind: 'failed', problem: `${url}: rate limited${wait === null ? '' : `; retry after ${wait} s`}`, ...(wait === null ? {} : { retryAfter: wait }) };
    }
    if (response.status !== 200) return { kind: 'failed', problem: `${url}: the server answered ${response.status}` };
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.bytes));
    } catch {
      return { kind: 'failed', problem: `${url}: not a JSON answer` };
    }
    const parsed = rdapDomainSchema.safeParse(value);
    if (!parsed.success) return { kind: 'failed', problem: `${url}: not an RDAP domain answer (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''})` };
    return { kind: 'json', value: parsed.data };
  }
}

export async function lookupDomain(domain: string, deps: RdapDeps): Promise<RdapResult> {
  const queries: RdapQuery[] = [];
  const servers = rdapServers(domain, deps.bootstrap.file);
  if (servers.length === 0) {
    const tld = domain.split('.').pop();
    return { outcome: 'failed', domain, problem: `no RDAP server for .${tld} in the bootstrap file of ${deps.bootstrap.file.publication.slice(0, 10)} (${deps.bootstrap.source})`, queries };
  }
  const registry = await ask(`${servers[0]}domain/${encodeURIComponent(domain)}`, deps, queries);
  if (registry.kind === 'gone') return { outcome: 'gone', domain, queries };
  if (registry.kind === 'failed') return { outcome: 'failed', domain, problem: registry.problem, ...(registry.retryAfter === undefined ? {} : { retryAfterSeconds: registry.retryAfter }), queries };
  const statuses = registry.value.status;
  let registrar = registrarOf(registry.value);
  let abuseFrom: 'registrar' | 'registry' | null = registrar?.abuse ? 'registry' : null;
  const link = registrarLink(registry.value);
  if (link) {
    // The registrar's answer is the one with the registrar's own abuse contact; the registry's stands when it fails.
    const own = await ask(link, deps, queries);
    const ownRegistrar = own.kind === 'json' ? registrarOf(own.value) : null;
    if (ownRegistrar?.abuse) {
      registrar = { ...(registrar ?? ownRegistrar), abuse: ownRegistrar.abuse, name: registrar?.name ?? ownRegistrar.name };
      abuseFrom = 'registrar';
    }
  }
  return {
    outcome: 'found',
    domain,
    statuses,
    suspended: isSuspended(statuses),
    events: registry.value.events.map((e) => ({ action: e.eventAction, date: e.eventDate ?? null })),
    registrar,
    abuseFrom,
    queries,
  };
}
