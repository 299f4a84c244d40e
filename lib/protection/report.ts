/** Turns a verdict into what pages show: the lists that matched, who vouches for each, with their entries' details. */
import type { MatchDetails, VerdictReport } from '../messaging';
import { isExpired, readEntry, vouchedType, type PharmacheckDb } from '../lists';
import type { Verdict } from '../verdict';

export async function describeVerdict(db: PharmacheckDb, url: string, verdict: Verdict | null, now: Date): Promise<VerdictReport> {
  if (!verdict) return { verdict: null, url, host: null, matches: [] };
  const matches: MatchDetails[] = [];
  for (const hit of verdict.hits) {
    const entry = await readEntry(db, hit.list, hit.entryIndex);
    const sub = await db.subscriptions.get(hit.list.id);
    matches.push({
      listId: hit.list.id,
      listName: hit.list.meta.name,
      publisher: hit.list.meta.publisher,
      vouch: hit.list.vouch,
      rankedAs: vouchedType(hit.list),
      keyId: sub?.key?.keyId ?? null,
      kind: hit.list.meta.kind,
      version: hit.list.meta.version,
      expires: hit.list.meta.expires,
      outOfDate: isExpired(hit.list.meta, now),
      domain: hit.domain,
      category: entry?.category ?? null,
      added: entry?.added ?? null,
      evidence: entry?.evidence ?? null,
      note: entry?.note ?? null,
    });
  }
  return { verdict: verdict.kind, url, host: verdict.host.name, matches };
}
