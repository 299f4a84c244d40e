/**
 * Whom to tell: for a confirmed domain, the hub asks RDAP for the registrar and its abuse contact
 * and prepares a notice (text and JSON) with the evidence behind the decision: reports, page
 * copies with their SHA-256, other authorities' listings. The reviewer sends it from their own
 * mail and records that it was sent; later RDAP checks record when the domain was held or gone.
 */
import { z } from 'zod';
import { recordAudit } from '../audit';
import type { Database, Queryable } from '../db';
import { HubError } from '../errors';
import { snapshotsById, type PageSnapshot } from '../evidence/snapshots';
import { peerListings, type PeerListing } from '../peers/peers';
import { currentBootstrap } from './bootstrap';
import { lookupDomain, type RdapDeps, type RdapResult } from './client';
import { noticeText, type NoticeBody } from './notice-text';

export const noticeRequestSchema = z.strictObject({ domain: z.string().min(1).max(253) });
export const sentRequestSchema = z.strictObject({ sentTo: z.string().min(3).max(500), note: z.string().max(500).optional() });

export interface Notice {
  readonly id: number;
  readonly domain: string;
  readonly preparedAt: string;
  readonly preparedBy: string;
  readonly rdap: RdapResult;
  readonly body: NoticeBody;
  readonly text: string;
  readonly sentAt: string | null;
  readonly sentBy: string | null;
  readonly sentTo: string | null;
  readonly suspendedAt: string | null;
}

interface NoticeRow {
  id: number;
  domain: string;
  prepared_at: Date;
  prepared_by: string;
  rdap: RdapResult | string;
  body: NoticeBody | string;
  text: string;
  sent_at: Date | null;
  sent_by: string | null;
  sent_to: string | null;
  suspended_at: Date | null;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function fromRow(r: NoticeRow): Notice {
  return {
    id: r.id,
    domain: r.domain,
    preparedAt: iso(r.prepared_at)!,
    preparedBy: r.prepared_by,
    rdap: json(r.rdap),
    body: json(r.body),
    text: r.text,
    sentAt: iso(r.sent_at),
    sentBy: r.sent_by,
    sentTo: r.sent_to,
    suspendedAt: iso(r.suspended_at),
  };
}

export async function listNotices(db: Queryable, domains?: readonly string[]): Promise<Notice[]> {
  const { rows } = domains
    ? await db.query<NoticeRow>('select * from notices where domain = any($1::text[]) order by id desc', [domains])
    : await db.query<NoticeRow>('select * from notices order by id desc limit 500');
  return rows.map(fromRow);
}

interface DecisionRow {
  id: number;
  decided_at: Date;
  actor: string;
  reference: string | null;
  list_id: string;
  evidence: { snapshotIds?: number[] } | string;
  publisher: { name: string; country?: string; website?: string } | string;
  list_name: string;
}

/** What the hub knows about a confirmed domain: the decisions, reports, page copies, other listings. */
async function evidenceFor(db: Queryable, domain: string): Promise<{ decisions: DecisionRow[]; reports: { count: number; first: Date; last: Date; reasons: Record<string, number> }; snapshots: PageSnapshot[]; peers: PeerListing[] }> {
  const { rows: decisions } = await db.query<DecisionRow>(
    `select d.id, d.decided_at, d.actor, d.reference, d.list_id, d.evidence, l.meta->'publisher' as publisher, l.meta->>'name' as list_name
     from decisions d join lists l on l.id = d.list_id
     where d.domain = $1 and d.action = 'confirm' and d.kind = 'suspicious-site' order by d.id`,
    [domain],
  );
  if (decisions.length === 0) throw new HubError(409, 'conflict', `${domain} has not been confirmed: a notice follows a decision`);
  const ids = decisions.map((d) => d.id);
  const { rows: counts } = await db.query<{ count: number; first: Date; last: Date }>(
    'select count(*)::int as count, min(received_at) as first, max(received_at) as last from reports where decision_id = any($1::int[])',
    [ids],
  );
  const { rows: reasons } = await db.query<{ reason: string; n: number }>(
    'select reason, count(*)::int as n from reports, unnest(reasons) as reason where decision_id = any($1::int[]) group by reason order by n desc, reason',
    [ids],
  );
  const snapshotIds = [...new Set(decisions.flatMap((d) => json(d.evidence).snapshotIds ?? []))];
  return {
    decisions,
    reports: { ...counts[0]!, reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])) },
    snapshots: await snapshotsById(db, snapshotIds),
    peers: (await peerListings(db, [domain])).get(domain) ?? [],
  };
}

export async function prepareNotice(db: Database, domain: string, actor: string, deps: Omit<RdapDeps, 'bootstrap'>, now = new Date()): Promise<Notice> {
  const evidence = await evidenceFor(db, domain);
  const rdap = await lookupDomain(domain, { ...deps, bootstrap: await currentBootstrap(db) });
  const latest = evidence.decisions.at(-1)!;
  const publisher = json(latest.publisher);
  const served = evidence.snapshots.find((s) => s.address !== null);
  const body: NoticeBody = {
    format: 1,
    type: 'pharmacheck-notice',
    domain,
    preparedAt: now.toISOString(),
    from: { name: publisher.name, ...(publisher.country ? { country: publisher.country } : {}), ...(publisher.website ? { website: publisher.website } : {}) },
    to: {
      registrar:
        rdap.outcome === 'found' && rdap.registrar
          ? { name: rdap.registrar.name, ianaId: rdap.registrar.ianaId, abuseEmails: rdap.registrar.abuse?.emails ?? [], abusePhones: rdap.registrar.abuse?.phones ?? [], source: rdap.abuseFrom }
          : null,
      host: served ? { address: served.address!, seenAt: served.fetchedAt, snapshotId: served.id } : null,
    },
    rdap: rdap.outcome === 'found' ? { statuses: rdap.statuses, events: rdap.events } : { problem: rdap.outcome === 'gone' ? 'the registry does not know the domain (404)' : rdap.problem },
    decisions: evidence.decisions.map((d) => ({ id: d.id, decidedAt: new Date(d.decided_at).toISOString(), list: d.list_name, reference: d.reference })),
    reports: { count: evidence.reports.count, first: new Date(evidence.reports.first).toISOString(), last: new Date(evidence.reports.last).toISOString(), reasons: evidence.reports.reasons },
    pageCopies: evidence.snapshots.map((s) => ({ id: s.id, requestedUrl: s.requestedUrl, finalUrl: s.finalUrl, redirects: s.redirects.length, fetchedAt: s.fetchedAt, sha256: s.sha256, bytes: s.byteCount, outcome: s.outcome })),
    otherAuthorities: evidence.peers.map((p) => ({ publisher: p.publisher.name, country: p.publisher.country ?? null, list: p.name, since: p.since, category: p.category })),
  };
  const text = noticeText(body);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<NoticeRow>(
      'insert into notices (domain, prepared_at, prepared_by, rdap, body, text) values ($1, $2, $3, $4, $5, $6) returning *',
      [domain, now, actor, JSON.stringify(rdap), JSON.stringify(body), text],
    );
    const notice = fromRow(rows[0]!);
    await recordAudit(tx, {
      actor,
      action: 'prepare-notice',
      subject: domain,
      details: { noticeId: notice.id, rdap: rdap.outcome, registrar: body.to.registrar?.name ?? null, abuseEmails: body.to.registrar?.abuseEmails ?? [], queries: rdap.queries.map((q) => ({ url: q.url, status: q.status })) },
    });
    return notice;
  });
}

export async function markSent(db: Database, id: number, input: z.infer<typeof sentRequestSchema>, actor: string, now = new Date()): Promise<Notice> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<NoticeRow>('update notices set sent_at = $2, sent_by = $3, sent_to = $4 where id = $1 and sent_at is null returning *', [id, now, actor, input.sentTo]);
    if (!rows[0]) {
      const exists = await tx.query('select 1 from notices where id = $1', [id]);
      throw exists.rowCount === 0 ? new HubError(404, 'not-found', `no notice ${id}`) : new HubError(409, 'conflict', `notice ${id} is already recorded as sent`);
    }
    const notice = fromRow(rows[0]);
    await recordAudit(tx, { actor, action: 'notice-sent', subject: notice.domain, details: { noticeId: id, sentTo: input.sentTo, ...(input.note ? { note: input.note } : {}) } });
    return notice;
  });
}

export interface DomainCheck {
  readonly domain: string;
  readonly checkedAt: string;
  readonly outcome: 'active' | 'suspended' | 'gone' | 'failed';
  readonly statuses: string[];
  readonly problem: string | null;
}

/**
 * Asks RDAP again about the domains of notices that were sent and whose domain is not yet held or
 * gone (or about `domains`), records each answer, and marks the notices of a held or vanished
 * domain with when that was first seen.
 */
export async function recheckDomains(db: Database, actor: string, deps: Omit<RdapDeps, 'bootstrap'>, options: { domains?: string[]; now?: () => Date } = {}): Promise<DomainCheck[]> {
  const now = options.now ?? (() => new Date());
  const domains =
    options.domains ??
    (await db.query<{ domain: string }>('select distinct domain from notices where sent_at is not null and suspended_at is null order by domain')).rows.map((r) => r.domain);
  const bootstrap = await currentBootstrap(db);
  const checks: DomainCheck[] = [];
  for (const domain of domains) {
    const rdap = await lookupDomain(domain, { ...deps, bootstrap });
    const checkedAt = now();
    const check: DomainCheck =
      rdap.outcome === 'found'
        ? { domain, checkedAt: checkedAt.toISOString(), outcome: rdap.suspended ? 'suspended' : 'active', statuses: rdap.statuses, problem: null }
        : rdap.outcome === 'gone'
          ? { domain, checkedAt: checkedAt.toISOString(), outcome: 'gone', statuses: [], problem: null }
          : { domain, checkedAt: checkedAt.toISOString(), outcome: 'failed', statuses: [], problem: rdap.problem };
    await db.transaction(async (tx) => {
      await tx.query('insert into domain_checks (domain, checked_at, outcome, statuses, problem) values ($1, $2, $3, $4, $5)', [domain, checkedAt, check.outcome, check.statuses, check.problem]);
      if (check.outcome === 'suspended' || check.outcome === 'gone') {
        await tx.query('update notices set suspended_at = $2 where domain = $1 and suspended_at is null', [domain, checkedAt]);
      }
      await recordAudit(tx, { actor, action: 'rdap-check', subject: domain, details: { outcome: check.outcome, statuses: check.statuses, ...(check.problem ? { problem: check.problem } : {}) } });
    });
    checks.push(check);
  }
  return checks;
}

export async function domainChecks(db: Queryable, domains: readonly string[]): Promise<DomainCheck[]> {
  const { rows } = await db.query<{ domain: string; checked_at: Date; outcome: DomainCheck['outcome']; statuses: string[]; problem: string | null }>(
    'select domain, checked_at, outcome, statuses, problem from domain_checks where domain = any($1::text[]) order by checked_at desc, id desc',
    [domains],
  );
  return rows.map((r) => ({ domain: r.domain, checkedAt: iso(r.checked_at)!, outcome: r.outcome, statuses: r.statuses, problem: r.problem }));
}
