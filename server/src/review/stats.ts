/**
 * The picture of the work for the review page: reports over time, by reason and by decision, the
 * time from a group's first report to its decision, the domains with most reports, the lists
 * published and their sizes, and this week against the last. Weeks start on Monday, UTC; `now`
 * is a parameter so that the figures can be checked on a fixed day.
 */
import { REPORT_REASONS } from '../../../lib/reports';
import type { Queryable } from '../db';

export interface WeekCount {
  readonly week: string;
  readonly suspicious: number;
  readonly falsePositive: number;
  readonly confirmed: number;
  readonly rejected: number;
}

export interface Stats {
  readonly generatedAt: string;
  readonly weeks: WeekCount[];
  readonly reasons: { reason: string; total: number; thisWeek: number }[];
  readonly statuses: { open: number; confirmed: number; rejected: number };
  /** Decisions by how long after the group's first report they came. */
  readonly timeToDecision: { bucket: string; decisions: number }[];
  readonly medianHoursToDecision: number | null;
  readonly topDomains: { domain: string; reports: number; open: number }[];
  readonly publications: { listId: string; version: number; at: string; entries: number }[];
  readonly thisWeek: { reports: number; lastWeek: number; confirmed: number; rejected: number; published: number; newDomains: number; pageCopies: number; noticesSent: number; suspended: number };
}

export const TIME_BUCKETS = [
  ['under a day', 24],
  ['1 to 7 days', 24 * 7],
  ['1 to 4 weeks', 24 * 28],
  ['over 4 weeks', Infinity],
] as const;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: Date): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function workStats(db: Queryable, { now = new Date(), weeks = 12 }: { now?: Date; weeks?: number } = {}): Promise<Stats> {
  const thisWeek = weekStart(now);
  const from = new Date(thisWeek.getTime() - (weeks - 1) * 7 * 86_400_000);
  const lastWeek = new Date(thisWeek.getTime() - 7 * 86_400_000);
  const week = (column: string) => `to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const [reportWeeks, decisionWeeks, reasons, statuses, delays, top, publications, recent] = await Promise.all([
    db.query<{ week: string; kind: string; n: number }>(`select ${week('received_at')} as week, kind, count(*)::int as n from reports where received_at >= $1 and received_at <= $2 group by 1, 2`, [from, now]),
    db.query<{ week: string; action: string; n: number }>(`select ${week('decided_at')} as week, action, count(*)::int as n from decisions where decided_at >= $1 and decided_at <= $2 group by 1, 2`, [from, now]),
    db.query<{ reason: string; total: number; this_week: number }>(
      `select reason, count(*)::int as total, count(*) filter (where received_at >= $1)::int as this_week from reports, unnest(reasons) as reason where received_at <= $2 group by reason`,
      [thisWeek, now],
    ),
    db.query<{ status: 'open' | 'confirmed' | 'rejected'; n: number }>(`select status, count(*)::int as n from reports where received_at <= $1 group by status`, [now]),
    db.query<{ hours: number }>(
      `select extract(epoch from (d.decided_at - min(r.received_at))) / 3600 as hours from decisions d join reports r on r.decision_id = d.id where d.decided_at <= $1 group by d.id, d.decided_at`,
      [now],
    ),
    db.query<{ domain: string; reports: number; open: number }>(
      `select domain, count(*)::int as reports, count(*) filter (where status = 'open')::int as open from reports where received_at <= $1 group by domain order by count(*) desc, domain limit 10`,
      [now],
    ),
    db.query<{ details: { listId: string; version: number; entries: number } | string; at: Date }>(`select details, at from audit_log where action = 'publish' and at <= $1 order by id`, [now]),
    db.query<{ reports: number; last_week: number; confirmed: number; rejected: number; published: number; new_domains: number; copies: number; sent: number; suspended: number }>(
      `select
         (select count(*)::int from reports where received_at >= $1 and received_at <= $3) as reports,
         (select count(*)::int from reports where received_at >= $2 and received_at < $1) as last_week,
         (select count(*)::int from decisions where action = 'confirm' and decided_at >= $1 and decided_at <= $3) as confirmed,
         (select count(*)::int from decisions where action = 'reject' and decided_at >= $1 and decided_at <= $3) as rejected,
         (select count(*)::int from audit_log where action = 'publish' and at >= $1 and at <= $3) as published,
         (select count(*)::int from draft_entries where confirmed_at >= $1 and confirmed_at <= $3) as new_domains,
         (select count(*)::int from page_snapshots where fetched_at >= $1 and fetched_at <= $3) as copies,
         (select count(*)::int from notices where sent_at >= $1 and sent_at <= $3) as sent,
         (select count(*)::int from notices where suspended_at >= $1 and suspended_at <= $3) as suspended`,
      [thisWeek, lastWeek, now],
    ),
  ]);
  const weekRows: WeekCount[] = Array.from({ length: weeks }, (_, i) => {
    const w = day(new Date(from.getTime() + i * 7 * 86_400_000));
    const r = (kind: string) => reportWeeks.rows.find((x) => x.week === w && x.kind === kind)?.n ?? 0;
    const d = (action: string) => decisionWeeks.rows.find((x) => x.week === w && x.action === action)?.n ?? 0;
    return { week: w, suspicious: r('suspicious-site'), falsePositive: r('false-positive'), confirmed: d('confirm'), rejected: d('reject') };
  });
  const hours = delays.rows.map((r) => Number(r.hours)).sort((a, b) => a - b);
  const median = hours.length === 0 ? null : hours.length % 2 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;
  let lower = 0;
  const timeToDecision = TIME_BUCKETS.map(([bucket, upper]) => {
    const n = hours.filter((h) => h >= lower && h < upper).length;
    lower = upper;
    return { bucket, decisions: n };
  });
  const count = (s: string) => statuses.rows.find((r) => r.status === s)?.n ?? 0;
  const x = recent.rows[0]!;
  return {
    generatedAt: now.toISOString(),
    weeks: weekRows,
    reasons: REPORT_REASONS.map((reason) => {
      const r = reasons.rows.find((row) => row.reason === reason);
      return { reason, total: r?.total ?? 0, thisWeek: r?.this_week ?? 0 };
    }),
    statuses: { open: count('open'), confirmed: count('confirmed'), rejected: count('rejected') },
    timeToDecision,
    medianHoursToDecision: median === null ? null : Math.round(median * 10) / 10,
    topDomains: top.rows,
    publications: publications.rows.map((p) => {
      const d = typeof p.details === 'string' ? (JSON.parse(p.details) as { listId: string; version: number; entries: number }) : p.details;
      return { listId: d.listId, version: d.version, at: new Date(p.at).toISOString(), entries: d.entries };
    }),
    thisWeek: { reports: x.reports, lastWeek: x.last_week, confirmed: x.confirmed, rejected: x.rejected, published: x.published, newDomains: x.new_domains, pageCopies: x.copies, noticesSent: x.sent, suspended: x.suspended },
  };
}
