/**
 * What the overlay's rules must say (rules.ts, `overlayRules`): for every domain whose verdict may
 * differ from what the lists' base rules say, that verdict. The affected domains are those the
 * overlays name, and every listed subdomain of them: a rule for `rogue.example` matches
 * `shop.rogue.example` too, so the more specific name needs its own rule (at a higher priority)
 * wherever a list holds it. With those, for any host the most specific affected name among its
 * suffixes decides, and says what lib/verdict says for the host: entries deeper than it would be
 * affected too, so none is left that could disagree.
 *
 * Verdicts here are confirmed (list-index.ts, `confirmHits`): a fingerprint collision never turns
 * into a redirect.
 */
import { canonicalHost } from '../domain';
import { ListIndex, overlayDomains, type EntrySource, type IndexedList } from '../lists';
import type { OverlayAction } from './rules';

export interface OverlaySource extends EntrySource {
  /** Every domain of a list's base (read only when its fingerprints say a subdomain may be listed). */
  baseDomains(indexed: IndexedList): Promise<readonly string[]>;
}

/** The affected domains: the overlays' domains and every listed subdomain of them. */
export async function affectedDomains(lists: readonly IndexedList[], source: OverlaySource, also: Iterable<string> = []): Promise<Set<string>> {
  const affected = new Set<string>(also);
  for (const l of lists) for (const d of overlayDomains(l.overlay)) affected.add(d);
  const named = [...affected];
  for (const l of lists) {
    const parents = named.filter((d) => l.set.mayHaveSubdomains(d));
    if (parents.length === 0) continue;
    const suffixes = new Set(parents.map((d) => `.${d}`));
    for (const domain of await source.baseDomains(l)) {
      for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
        if (suffixes.has(domain.slice(dot))) {
          affected.add(domain);
          break;
        }
      }
    }
  }
  // Every overlay domain is affected already, additions under another list's affected name too.
  return affected;
}

/** The verdict, as an action, of every affected domain (and of `also`, with their listed subdomains). */
export async function overlayActions(lists: readonly IndexedList[], source: OverlaySource, also: Iterable<string> = []): Promise<Map<string, OverlayAction>> {
  const index = ListIndex.of(lists);
  const actions = new Map<string, OverlayAction>();
  for (const domain of [...(await affectedDomains(lists, source, also))].sort()) {
    const host = canonicalHost(domain);
    if (!host) continue;
    const [top] = await index.confirmHits(host, source);
    actions.set(domain, top && top.rank !== 2 ? 'block' : 'allow');
  }
  return actions;
}
