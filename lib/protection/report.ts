/**
 * Turns a confirmed verdict into what pages show: the lists that matched, who vouches for each,
 * with their entries' details.
 */
import type { MatchDetails, VerdictReport } from '../messaging';
import { isExpired, vouchedType, type ConfirmedHit } from '../lists';
import type { Verdict } from '../verdict';

export type ConfirmedVerdict = Omit<Verdict, 'hits'> & { readonly hits: readonly ConfirmedHit[] };

/** `keyIds`: the key each matched list's subscription trusts, by list id (none for a bundled list). */
export function describeVerdict(url: string, verdict: ConfirmedVerdict | null, now: Date, keyIds: ReadonlyMap<string, string> = new Map()): VerdictReport {
  if (!verdict) return { verdict: null, url, host: null, matches: [] };
  const matches: MatchDetails[] = verdict.hits.map(({ list, domain, entry }) => ({
    listId: list.id,
    listName: list.meta.name,
    publisher: list.meta.publisher,
    vouch: list.vouch,
    rankedAs: vouchedType(list),
    keyId: keyIds.get(list.id) ?? null,
    kind: list.meta.kind,
    version: list.meta.version,
    expires: list.meta.expires,
    outOfDate: isExpired(list.meta, now),
    domain,
    category: entry?.category ?? null,
    added: entry?.added ?? null,
    evidence: entry?.evidence ?? null,
    note: entry?.note ?? null,
  }));
  return { verdict: verdict.kind, url, host: verdict.host.name, matches };
}
