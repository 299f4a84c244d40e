/** Turns a confirmed verdict into what pages show: the lists that matched, with their entries' details. */
import type { MatchDetails, VerdictReport } from '../messaging';
import { isExpired, type ConfirmedHit } from '../lists';
import type { Verdict } from '../verdict';

export type ConfirmedVerdict = Omit<Verdict, 'hits'> & { readonly hits: readonly ConfirmedHit[] };

export function describeVerdict(url: string, verdict: ConfirmedVerdict | null, now: Date): VerdictReport {
  if (!verdict) return { verdict: null, url, host: null, matches: [] };
  const matches: MatchDetails[] = verdict.hits.map(({ list, domain, entry }) => ({
    listId: list.id,
    listName: list.meta.name,
    publisher: list.meta.publisher,
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
