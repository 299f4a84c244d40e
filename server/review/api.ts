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
}

export interface Api {
  me(): Promise<TokenOwner>;
  groups(status: ReportStatus): Promise<ReportGroup[]>;
  decide(decision: DecisionRequest): Promise<DecisionResult>;
  lists(): Promise<HubList[]>;
  draft(listId: string): Promise<DraftEntry[]>;
  publish(listId: string): Promise<PublishResult>;
  audit(): Promise<AuditEntry[]>;
  stats(): Promise<Stats>;
}

export function createApi(token: string): Api {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data ?? {}) as Partial<HubErrorBody>;
      throw new ApiError(response.status, error.error ?? 'internal', error.message ?? `the hub answered ${response.status}`);
    }
    return data as T;
  }
  const enc = encodeURIComponent;
  return {
    me: () => call('GET', '/v1/review/me'),
    groups: async (status) => (await call<{ groups: ReportGroup[] }>('GET', `/v1/review/groups?status=${enc(status)}`)).groups,
    decide: (decision) => call('POST', '/v1/review/decisions', decision),
    lists: async () => (await call<{ lists: HubList[] }>('GET', '/v1/review/lists')).lists,
    draft: async (listId) => (await call<{ entries: DraftEntry[] }>('GET', `/v1/review/lists/${enc(listId)}/draft`)).entries,
    publish: (listId) => call('POST', `/v1/lists/${enc(listId)}/publish`, {}),
    audit: async () => (await call<{ entries: AuditEntry[] }>('GET', '/v1/review/audit')).entries,
    stats: () => call('GET', '/v1/review/stats'),
  };
}
