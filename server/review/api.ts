/**
 * The review page's client for the reviewer API: same origin, bearer token, JSON. A refusal becomes
 * an ApiError carrying the hub's machine-readable reason.
 */
import type { HubErrorBody } from '../../lib/reports/schema';
import type { AuditEntry } from '../src/audit';
import type { TokenOwner } from '../src/auth/tokens';
import type { HubList } from '../src/lists/store';
import type { PublishResult } from '../src/publish';
import type { DecisionResult } from '../src/review/decisions';
import type { DraftEntry } from '../src/review/draft';
import type { ReportGroup, ReportStatus } from '../src/review/groups';
import type { Stats } from '../src/review/stats';
import type { GroupWithEvidence } from '../src/review/enrich';
import type { PageSnapshot } from '../src/evidence/snapshots';
import type { PeerList, PeerListing, RefreshOutcome } from '../src/peers/peers';
import type { DomainCheck, Notice } from '../src/rdap/notices';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DecisionRequest {
  action: 'confirm' | 'reject';
  domain: string;
  kind: ReportGroup['kind'];
  reportIds: number[];
  listId?: string;
  category?: string;
  reference?: string;
  note?: string;
  /** Page copies and other authorities' listings a confirmation cites. */
  evidence?: { snapshotIds?: number[]; peerIds?: number[] };
}

export interface Api {
  me(): Promise<TokenOwner>;
  groups(status: ReportStatus): Promise<GroupWithEvidence[]>;
  decide(decision: DecisionRequest): Promise<DecisionResult>;
  lists(): Promise<HubList[]>;
  draft(listId: string): Promise<(DraftEntry & { otherAuthorities: PeerListing[] })[]>;
  publish(listId: string): Promise<PublishResult>;
  audit(): Promise<AuditEntry[]>;
  stats(): Promise<Stats>;
  keepPage(domain: string, url: string): Promise<PageSnapshot>;
  /** A page copy's bytes, as the hub stores them (to save, never to render). */
  pageCopy(id: number): Promise<Blob>;
  peers(): Promise<PeerList[]>;
  subscribe(url: string, publicKey: string): Promise<PeerList>;
  refreshPeers(): Promise<RefreshOutcome[]>;
  notices(domain: string): Promise<Notice[]>;
  prepareNotice(domain: string): Promise<Notice>;
  markSent(id: number, sentTo: string, note?: string): Promise<Notice>;
  recheck(domain: string): Promise<DomainCheck[]>;
}

export function createApi(token: string): Api {
  async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const error = ((await response.json().catch(() => null)) ?? {}) as Partial<HubErrorBody>;
      throw new ApiError(response.status, error.error ?? 'internal', error.message ?? `the hub answered ${response.status}`);
    }
    return response;
  }
  const call = async <T,>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => (await (await send(method, path, body)).json()) as T;
  const enc = encodeURIComponent;
  return {
    me: () => call('GET', '/v1/review/me'),
    groups: async (status) => (await call<{ groups: GroupWithEvidence[] }>('GET', `/v1/review/groups?status=${enc(status)}`)).groups,
    decide: (decision) => call('POST', '/v1/review/decisions', decision),
    lists: async () => (await call<{ lists: HubList[] }>('GET', '/v1/review/lists')).lists,
    draft: async (listId) => (await call<{ entries: (DraftEntry & { otherAuthorities: PeerListing[] })[] }>('GET', `/v1/review/lists/${enc(listId)}/draft`)).entries,
    publish: (listId) => call('POST', `/v1/lists/${enc(listId)}/publish`, {}),
    audit: async () => (await call<{ entries: AuditEntry[] }>('GET', '/v1/review/audit')).entries,
    stats: () => call('GET', '/v1/review/stats'),
    keepPage: (domain, url) => call('POST', '/v1/review/snapshots', { domain, url }),
    pageCopy: async (id) => (await send('GET', `/v1/review/snapshots/${id}/content`)).blob(),
    peers: async () => (await call<{ peers: PeerList[] }>('GET', '/v1/review/peers')).peers,
    subscribe: (url, publicKey) => call('POST', '/v1/review/peers', { url, publicKey }),
    refreshPeers: async () => (await call<{ outcomes: RefreshOutcome[] }>('POST', '/v1/review/peers/refresh', {})).outcomes,
    notices: async (domain) => (await call<{ notices: Notice[] }>('GET', `/v1/review/notices?domain=${enc(domain)}`)).notices,
    prepareNotice: (domain) => call('POST', '/v1/review/notices', { domain }),
    markSent: (id, sentTo, note) => call('POST', `/v1/review/notices/${id}/sent`, { sentTo, ...(note ? { note } : {}) }),
    recheck: async (domain) => (await call<{ checks: DomainCheck[] }>('POST', '/v1/review/domains/recheck', { domains: [domain] })).checks,
  };
}
