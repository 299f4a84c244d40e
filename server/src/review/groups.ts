/**
 * Reports grouped for review: one group per registrable domain and kind, however many reports,
 * addresses and subdomains it has (duplicates merged), with counts per reason, first and last
 * arrival, every report id (what a decision covers) and the latest reports in full.
 */
import type { ReportKind, ReportReason } from '../../../lib/reports';
import type { Queryable } from '../db';

export const REPORT_STATUSES = ['open', 'confirmed', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReviewReport {
  readonly id: number;
  readonly page: string;
  readonly host: string;
  readonly reasons: ReportReason[];
  readonly comment: string | null;
  readonly contactEmail: string | null;
  readonly extensionVersion: string;
  readonly createdAt: string;
  readonly receivedAt: string;
  /** Caution signal ids the reporter attached (lib/caution), as sent. */
  readonly signals: string[];
}

export interface ReportGroup {
  readonly domain: string;
  readonly kind: ReportKind;
  readonly count: number;
  readonly reasons: Partial<Record<ReportReason, number>>;
  readonly firstReceivedAt: string;
  readonly lastReceivedAt: string;
  readonly reportIds: number[];
  /** The latest reports (at most `reportsPerGroup`); `count` says how many there are. */
  readonly reports: ReviewReport[];
  /** Lists whose draft already holds this domain. */
  readonly inDrafts: string[];
  /** Caution signals attached to the group's reports, with how many reports carry each. */
  readonly signals: Record<string, number>;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const key = (domain: string, kind: string) => `${kind} ${domain}`;

export async function reportGroups(
  db: Queryable,
  options: { status: ReportStatus; limit: number; reportsPerGroup: number },
): Promise<ReportGroup[]> {
  const groups = await db.query<{ domain: string; kind: ReportKind; count: number; first: Date; last: Date; ids: number[] }>(
    `select domain, kind, count(*)::int as count, min(received_at) as first, max(received_at) as last,
            (array_agg(id order by id))[1:10000] as ids
     from reports where status = $1 group by domain, kind order by count(*) desc, max(received_at) desc, domain limit $2`,
    [options.status, options.limit],
  );
  if (groups.rows.length === 0) return [];
  const domains = [...new Set(groups.rows.map((g) => g.domain))];
  const [reasons, latest, drafts, signals] = await Promise.all([
    db.query<{ domain: string; kind: string; reason: ReportReason; n: number }>(
      `select domain, kind, reason, count(*)::int as n from reports, unnest(reasons) as reason
       where status = $1 and domain = any($2::text[]) group by domain, kind, reason`,
      [options.status, domains],
    ),
    db.query<{ id: number; domain: string; kind: string; page: string; host: string; reasons: ReportReason[]; comment: string | null;
      contact_email: string | null; extension_version: string; created_at: Date; received_at: Date; signals: string[] }>(
      `select id, domain, kind, page, host, reasons, comment, contact_email, extension_version, created_at, received_at, signals from (
         select r.*, row_number() over (partition by domain, kind order by received_at desc, id desc) as n
         from reports r where status = $1 and domain = any($2::text[])) latest
       where n <= $3 order by received_at desc, id desc`,
      [options.status, domains, options.reportsPerGroup],
    ),
    db.query<{ domain: string; lists: string[] }>(
      `select domain, array_agg(list_id order by list_id) as lists from draft_entries where domain = any($1::text[]) group by domain`,
      [domains],
    ),
    db.query<{ domain: string; kind: string; signal: string; n: number }>(
      `select domain, kind, signal, count(*)::int as n from reports, unnest(signals) as signal
       where status = $1 and domain = any($2::text[]) group by domain, kind, signal order by signal`,
      [options.status, domains],
    ),
  ]);
  const signalCounts = new Map<string, Record<string, number>>();
  for (const s of signals.rows) {
    const counts = signalCounts.get(key(s.domain, s.kind)) ?? {};
    counts[s.signal] = s.n;
    signalCounts.set(key(s.domain, s.kind), counts);
  }
  const reasonCounts = new Map<string, Partial<Record<ReportReason, number>>>();
  for (const r of reasons.rows) {
    const counts = reasonCounts.get(key(r.domain, r.kind)) ?? {};
    counts[r.reason] = r.n;
    reasonCounts.set(key(r.domain, r.kind), counts);
  }
  const reportsOf = new Map<string, ReviewReport[]>();
  for (const r of latest.rows) {
    const list = reportsOf.get(key(r.domain, r.kind)) ?? [];
    list.push({
      id: r.id,
      page: r.page,
      host: r.host,
      reasons: r.reasons,
      comment: r.comment,
      contactEmail: r.contact_email,
      extensionVersion: r.extension_version,
      createdAt: iso(r.created_at),
      receivedAt: iso(r.received_at),
      signals: r.signals,
    });
    reportsOf.set(key(r.domain, r.kind), list);
  }
  const draftsOf = new Map(drafts.rows.map((d) => [d.domain, d.lists]));
  return groups.rows.map((g) => ({
    domain: g.domain,
    kind: g.kind,
    count: g.count,
    reasons: reasonCounts.get(key(g.domain, g.kind)) ?? {},
    firstReceivedAt: iso(g.first),
    lastReceivedAt: iso(g.last),
    reportIds: g.ids,
    reports: reportsOf.get(key(g.domain, g.kind)) ?? [],
    inDrafts: draftsOf.get(g.domain) ?? [],
    signals: signalCounts.get(key(g.domain, g.kind)) ?? {},
  }));
}
