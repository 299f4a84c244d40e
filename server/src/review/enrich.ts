/**
 * What the review page shows beside a group or a draft entry once a report has been dealt with:
 * the page copies kept, which other authorities list the domain and since when, the notices
 * prepared and sent, and the latest RDAP check.
 */
import type { Queryable } from '../db';
import { listSnapshots, type PageSnapshot } from '../evidence/snapshots';
import { peerListings, type PeerListing } from '../peers/peers';
import { domainChecks, listNotices, type DomainCheck } from '../rdap/notices';
import type { DraftEntry } from './draft';
import type { ReportGroup } from './groups';

export interface NoticeSummary {
  readonly id: number;
  readonly preparedAt: string;
  readonly registrar: string | null;
  readonly sentAt: string | null;
  readonly sentTo: string | null;
  readonly suspendedAt: string | null;
}

export interface GroupWithEvidence extends ReportGroup {
  readonly pageCopies: PageSnapshot[];
  readonly otherAuthorities: PeerListing[];
  readonly notices: NoticeSummary[];
  readonly lastCheck: DomainCheck | null;
}

export async function withEvidence(db: Queryable, groups: ReportGroup[]): Promise<GroupWithEvidence[]> {
  const domains = [...new Set(groups.map((g) => g.domain))];
  const [copies, peers, notices, checks] = await Promise.all([listSnapshots(db, domains), peerListings(db, domains), listNotices(db, domains), domainChecks(db, domains)]);
  return groups.map((g) => ({
    ...g,
    pageCopies: copies.filter((c) => c.domain === g.domain),
    otherAuthorities: peers.get(g.domain) ?? [],
    notices: notices
      .filter((n) => n.domain === g.domain)
      .map((n) => ({ id: n.id, preparedAt: n.preparedAt, registrar: n.body.to.registrar?.name ?? null, sentAt: n.sentAt, sentTo: n.sentTo, suspendedAt: n.suspendedAt })),
    lastCheck: checks.find((c) => c.domain === g.domain) ?? null,
  }));
}

export async function draftWithPeers(db: Queryable, entries: DraftEntry[]): Promise<(DraftEntry & { otherAuthorities: PeerListing[] })[]> {
  const peers = await peerListings(db, entries.map((e) => e.domain));
  return entries.map((e) => ({ ...e, otherAuthorities: peers.get(e.domain) ?? [] }));
}
