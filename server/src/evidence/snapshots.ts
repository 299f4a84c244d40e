/**
 * Page copies: for a report group, the hub keeps the site's page as it was (bounded fetch, no
 * script run: the bytes are stored and never rendered by the hub), with every redirect, the final
 * address, the date and the SHA-256 of the bytes. Each copy is recorded in the audit log; a
 * decision that cites it carries its hash into the log with the decision.
 */
import { z } from 'zod';
import { reportTarget } from '../../../lib/reports';
import { recordAudit } from '../audit';
import { FETCH_DEFAULTS, type HubConfig } from '../config';
import type { Database, Queryable } from '../db';
import { HubError } from '../errors';
import { boundedFetch, type BoundedFetchOptions, type FetchOutcome, type Redirect } from '../fetch/bounded-fetch';

export const snapshotRequestSchema = z.strictObject({
  domain: z.string().min(1).max(253),
  /** The page to copy: an http(s) address on the group's registrable domain. */
  url: z.url({ protocol: /^https?$/ }).max(4096),
});

export interface PageSnapshot {
  readonly id: number;
  readonly domain: string;
  readonly requestedUrl: string;
  readonly finalUrl: string | null;
  readonly redirects: Redirect[];
  readonly address: string | null;
  readonly httpStatus: number | null;
  readonly contentType: string | null;
  readonly byteCount: number;
  readonly sha256: string;
  readonly outcome: FetchOutcome;
  readonly problem: string | null;
  readonly fetchedAt: string;
  readonly actor: string;
}

interface SnapshotRow {
  id: number;
  domain: string;
  requested_url: string;
  final_url: string | null;
  redirects: Redirect[] | string;
  address: string | null;
  http_status: number | null;
  content_type: string | null;
  byte_count: number;
  sha256: string;
  outcome: FetchOutcome;
  problem: string | null;
  fetched_at: Date | string;
  actor: string;
}

const COLUMNS = 'id, domain, requested_url, final_url, redirects, address, http_status, content_type, byte_count, sha256, outcome, problem, fetched_at, actor';

function fromRow(r: SnapshotRow): PageSnapshot {
  return {
    id: r.id,
    domain: r.domain,
    requestedUrl: r.requested_url,
    finalUrl: r.final_url,
    redirects: typeof r.redirects === 'string' ? (JSON.parse(r.redirects) as Redirect[]) : r.redirects,
    address: r.address,
    httpStatus: r.http_status,
    contentType: r.content_type,
    byteCount: r.byte_count,
    sha256: r.sha256,
    outcome: r.outcome,
    problem: r.problem,
    fetchedAt: new Date(r.fetched_at).toISOString(),
    actor: r.actor,
  };
}

export function fetchOptions(config: HubConfig): Omit<BoundedFetchOptions, 'headers'> {
  return {
    policy: config.fetchPolicy ?? {},
    maxBytes: config.fetchMaxBytes ?? FETCH_DEFAULTS.maxBytes,
    timeoutMs: config.fetchTimeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    ...(config.fetchResolve ? { resolve: config.fetchResolve } : {}),
  };
}

/** Fetches the page and keeps what came back, whatever the outcome (a refusal is evidence too). */
export async function keepPage(
  db: Database,
  input: z.infer<typeof snapshotRequestSchema>,
  { actor, fetch, now = () => new Date() }: { actor: string; fetch: Omit<BoundedFetchOptions, 'headers'>; now?: () => Date },
): Promise<PageSnapshot> {
  // The hub fetches pages of the domain under review only: it is no proxy for other addresses.
  if (reportTarget(input.url)?.domain !== input.domain) throw new HubError(400, 'invalid-request', `the address is not on ${input.domain}`);
  const known = await db.query('select 1 from reports where domain = $1 limit 1', [input.domain]);
  if (known.rowCount === 0) throw new HubError(404, 'not-found', `no report names ${input.domain}`);
  const fetchedAt = now();
  const page = await boundedFetch(input.url, { ...fetch, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } });
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<SnapshotRow>(
      `insert into page_snapshots (domain, requested_url, final_url, redirects, address, http_status, content_type, bytes, byte_count, sha256, outcome, problem, fetched_at, actor)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning ${COLUMNS}`,
      [input.domain, input.url, page.finalUrl, JSON.stringify(page.redirects), page.address, page.status, page.contentType?.slice(0, 200) ?? null,
        page.bytes, page.bytes.byteLength, page.sha256, page.outcome, page.problem, fetchedAt, actor],
    );
    const snapshot = fromRow(rows[0]!);
    await recordAudit(tx, {
      actor,
      action: 'keep-page',
      subject: input.domain,
      details: { snapshotId: snapshot.id, requestedUrl: snapshot.requestedUrl, finalUrl: snapshot.finalUrl, redirects: snapshot.redirects, sha256: snapshot.sha256, bytes: snapshot.byteCount, outcome: snapshot.outcome, fetchedAt: snapshot.fetchedAt },
    });
    return snapshot;
  });
}

export async function listSnapshots(db: Queryable, domains: readonly string[]): Promise<PageSnapshot[]> {
  const { rows } = await db.query<SnapshotRow>(`select ${COLUMNS} from page_snapshots where domain = any($1::text[]) order by id desc`, [domains]);
  return rows.map(fromRow);
}

export async function snapshotsById(db: Queryable, ids: readonly number[]): Promise<PageSnapshot[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<SnapshotRow>(`select ${COLUMNS} from page_snapshots where id = any($1::int[]) order by id`, [ids]);
  return rows.map(fromRow);
}

export async function snapshotBytes(db: Queryable, id: number): Promise<{ snapshot: PageSnapshot; bytes: Uint8Array } | null> {
  const { rows } = await db.query<SnapshotRow & { bytes: Uint8Array }>(`select ${COLUMNS}, bytes from page_snapshots where id = $1`, [id]);
  const row = rows[0];
  return row ? { snapshot: fromRow(row), bytes: row.bytes } : null;
}
