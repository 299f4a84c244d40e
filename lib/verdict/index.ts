/**
 * From list hits to the verdict a person sees. Precedence (DESIGN.md): an authority's blocklist
 * beats a register's allowlist, which beats a community blocklist, by each list's effective rank
 * (lib/lists/standing.ts: who vouches for the list, not what it declares). The blocking rules encode the
 * same order as declarativeNetRequest priorities (lib/blocking), so the badge and the redirect agree.
 */
import { hostFromUrl, type Host } from '../domain';
import type { ConfirmedHit, EntrySource, ListHit, ListIndex } from '../lists';

export type VerdictKind = 'listed' | 'caution' | 'verified' | 'unknown';

export interface Verdict {
  readonly kind: VerdictKind;
  readonly host: Host;
  /** Every list that matched, highest rank first: the warning shows them all. */
  readonly hits: readonly ListHit[];
}

export function verdictFromHits(host: Host, hits: readonly ListHit[]): Verdict {
  const top = hits[0];
  if (!top) return { kind: 'unknown', host, hits };
  return { kind: top.rank === 2 ? 'verified' : 'listed', host, hits };
}

/**
 * The caution verdict joins here: it applies only where no list spoke. A list verdict (listed,
 * verified) always wins over caution, whatever the signals say (DESIGN.md, "Verdicts").
 */
export function withCaution(verdict: Verdict, cautionLevel: 'none' | 'caution' | 'strong' | null): Verdict {
  if (verdict.kind !== 'unknown' || cautionLevel === null || cautionLevel === 'none') return verdict;
  return { ...verdict, kind: 'caution' };
}

/** The verdict for a URL, or null when it is not a web URL (no verdict at all). */
export function verdictForUrl(index: ListIndex, url: string): Verdict | null {
  const host = hostFromUrl(url);
  if (!host) return null;
  return verdictFromHits(host, index.hits(host));
}

/**
 * The verdict a person is told in words (the warning page, the popup, "Proceed anyway"): every hit
 * read back and confirmed against the stored domain, so a fingerprint collision never names a
 * site that is not listed (lib/lists/list-index.ts).
 */
export async function confirmedVerdictForUrl(index: ListIndex, url: string, source: EntrySource): Promise<(Omit<Verdict, 'hits'> & { readonly hits: readonly ConfirmedHit[] }) | null> {
  const host = hostFromUrl(url);
  if (!host) return null;
  const hits = await index.confirmHits(host, source);
  return { ...verdictFromHits(host, hits), hits };
}
