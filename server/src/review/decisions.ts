/**
 * A reviewer's decision on a group of reports (one domain, one kind), in one transaction:
 *  - confirm a suspicious site: the domain enters the list's draft with the evidence (report ids,
 *    decision, reviewer, date); confirmed again later, the new reports are merged into that entry;
 *  - confirm a false positive: the domain leaves the list's draft;
 *  - reject: the reports are closed, the draft is unchanged.
 * The decision covers the reports the reviewer saw (their ids), not reports that arrived since.
 */
import { z } from 'zod';
import { reportKindSchema } from '../../../lib/reports';
import { CATEGORIES, listIdSchema } from '../../../lib/lists/schema';
import { actorName, type TokenOwner } from '../auth';
import { recordAudit } from '../audit';
import type { Database, Queryable } from '../db';
import { HubError } from '../errors';
import { snapshotsById } from '../evidence/snapshots';
import { getList } from '../lists/store';
import { peerListings } from '../peers/peers';

const blockCategory = z.enum(CATEGORIES.filter((c) => c !== 'authorised-pharmacy') as [string, ...string[]]);
/** What a confirmation cites besides the reports: page copies kept, other authorities' listings. */
const evidenceSchema = z.strictObject({
  snapshotIds: z.array(z.number().int().positive()).max(50).optional(),
  /** Subscriptions (peer ids) whose list holds the domain. */
  peerIds: z.array(z.number().int().positive()).max(50).optional(),
});

const common = {
  domain: z.string().min(1).max(253),
  kind: reportKindSchema,
  reportIds: z.array(z.number().int().positive()).min(1).max(10_000),
  note: z.string().max(500).optional(),
};

export const decisionSchema = z.discriminatedUnion('action', [
  z
    .strictObject({
      action: z.literal('confirm'),
      ...common,
      listId: listIdSchema,
      category: blockCategory.optional(),
      /** A case number or decision that says why; published as the entry's evidence reference. */
      reference: z.string().min(1).max(500).optional(),
      evidence: evidenceSchema.optional(),
    })
    .refine((d) => d.kind === 'false-positive' || d.category !== undefined, { path: ['category'], message: 'a category is needed to list a site' }),
  z.strictObject({ action: z.literal('reject'), ...common }),
]);
export type DecisionInput = z.infer<typeof decisionSchema>;

export type DraftChange = 'added' | 'merged' | 'removed' | 'none';

export interface DecisionResult {
  readonly decisionId: number;
  readonly action: DecisionInput['action'];
  readonly domain: string;
  readonly kind: DecisionInput['kind'];
  readonly reportIds: number[];
  readonly listId: string | null;
  readonly draftChange: DraftChange;
}

export async function decide(db: Database, input: DecisionInput, owner: TokenOwner): Promise<DecisionResult> {
  const actor = actorName(owner);
  return db.transaction(async (tx) => {
    const listId = input.action === 'confirm' ? input.listId : null;
    const list = listId === null ? null : await getList(tx, listId);
    if (listId !== null && !list) throw new HubError(404, 'not-found', `no list ${listId}`);
    // An allowlist follows its register's export (registers/), never reports.
    if (list?.meta.kind === 'allow') throw new HubError(409, 'conflict', `list ${listId} is an allowlist: it follows its register's export, not reports`);
    const open = await tx.query<{ id: number }>(
      `select id from reports where id = any($1::int[]) and domain = $2 and kind = $3 and status = 'open' order by id for update`,
      [input.reportIds, input.domain, input.kind],
    );
    const reportIds = open.rows.map((r) => r.id);
    if (reportIds.length === 0) throw new HubError(409, 'conflict', 'none of these reports is open any more');
    const reference = input.action === 'confirm' ? (input.reference ?? null) : null;
    const cited = await citedEvidence(tx, input);
    const decision = await tx.query<{ id: number; decided_at: Date | string }>(
      `insert into decisions (domain, kind, action, list_id, actor, reference, note, evidence) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, decided_at`,
      [input.domain, input.kind, input.action, listId, actor, reference, input.note ?? null, JSON.stringify(cited.stored)],
    );
    const { id: decisionId, decided_at: decidedAt } = decision.rows[0]!;
    await tx.query(`update reports set status = $2, decision_id = $3 where id = any($1::int[])`, [
      reportIds,
      input.action === 'confirm' ? 'confirmed' : 'rejected',
      decisionId,
    ]);
    let draftChange: DraftChange = 'none';
    if (input.action === 'confirm' && input.kind === 'suspicious-site') {
      const { rows } = await tx.query<{ created: boolean }>(
        `insert into draft_entries (list_id, domain, category, added, reference, note, report_ids, decision_ids, confirmed_by, confirmed_at)
         values ($1, $2, $3, ($8::timestamptz at time zone 'UTC')::date, $4, $5, $6::int[], array[$7::int], $9, $8)
         on conflict (list_id, domain) do update set
           category = excluded.category,
           reference = coalesce(excluded.reference, draft_entries.reference),
           note = coalesce(excluded.note, draft_entries.note),
           report_ids = array(select distinct unnest(draft_entries.report_ids || excluded.report_ids) order by 1),
           decision_ids = draft_entries.decision_ids || excluded.decision_ids,
           confirmed_by = excluded.confirmed_by,
           confirmed_at = excluded.confirmed_at
         returning (xmax = 0) as created`,
        [listId, input.domain, input.category, reference, input.note ?? null, reportIds, decisionId, decidedAt, actor],
      );
      draftChange = rows[0]?.created ? 'added' : 'merged';
    } else if (input.action === 'confirm') {
      const removed = await tx.query('delete from draft_entries where list_id = $1 and domain = $2', [listId, input.domain]);
      draftChange = removed.rowCount > 0 ? 'removed' : 'none';
    }
    await recordAudit(tx, {
      actor,
      action: input.action,
      subject: input.domain,
      details: { decisionId, kind: input.kind, listId, reportIds, draftChange, ...(reference ? { reference } : {}), ...cited.audit },
    });
    return { decisionId, action: input.action, domain: input.domain, kind: input.kind, reportIds, listId, draftChange };
  });
}

/**
 * The page copies and other listings a confirmation cites, checked to be of this domain, and what
 * of them goes into the audit log with the decision (each copy's address, date and SHA-256; each
 * listing's authority and date), so the log alone says what the decision rested on.
 */
async function citedEvidence(tx: Queryable, input: DecisionInput): Promise<{ stored: Record<string, unknown>; audit: Record<string, unknown> }> {
  const evidence = input.action === 'confirm' ? input.evidence : undefined;
  const { rows: signalRows } = await tx.query<{ signal: string; n: number }>(
    `select signal, count(*)::int as n from reports, unnest(signals) as signal where id = any($1::int[]) and domain = $2 group by signal order by signal`,
    [input.reportIds, input.domain],
  );
  const signals = Object.fromEntries(signalRows.map((r) => [r.signal, r.n]));
  const audit: Record<string, unknown> = signalRows.length ? { signals } : {};
  const stored: Record<string, unknown> = signalRows.length ? { signals } : {};
  if (!evidence) return { stored, audit };
  const snapshots = await snapshotsById(tx, evidence.snapshotIds ?? []);
  if (snapshots.length !== (evidence.snapshotIds ?? []).length || snapshots.some((s) => s.domain !== input.domain)) {
    throw new HubError(409, 'conflict', `a cited page copy is not a copy of ${input.domain}`);
  }
  const listings = (await peerListings(tx, [input.domain])).get(input.domain) ?? [];
  const peers = (evidence.peerIds ?? []).map((id) => listings.find((l) => l.peerId === id));
  if (peers.some((p) => p === undefined)) throw new HubError(409, 'conflict', `a cited authority does not list ${input.domain}`);
  if (snapshots.length) {
    stored.snapshotIds = snapshots.map((s) => s.id);
    audit.pageCopies = snapshots.map((s) => ({ id: s.id, requestedUrl: s.requestedUrl, finalUrl: s.finalUrl, fetchedAt: s.fetchedAt, sha256: s.sha256, bytes: s.byteCount, outcome: s.outcome }));
  }
  if (peers.length) {
    stored.peerIds = peers.map((p) => p!.peerId);
    audit.otherAuthorities = peers.map((p) => ({ peerId: p!.peerId, publisher: p!.publisher.name, list: p!.listId, version: p!.version, since: p!.since, firstSeen: p!.firstSeen }));
  }
  return { stored, audit };
}
