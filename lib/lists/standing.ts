/**
 * A list's standing: its rank, and whether it counts at all, from what the list says (its kind,
 * its publisher type, its dates) and who vouches for it. Who may speak as an authority or a
 * register is not for a list to say (docs/list-format.md §5, §15): a list ranks as an authority's
 * or a register's only when the directory of publishers names its key for its id, or when an
 * organisation's policy or the extension itself ships it; anything a person adds ranks as
 * community, whatever it declares. This is the one place ranks are computed: the index, the
 * blocking rules and the verdict all read them from here.
 */
import { inForce, type ListMeta, type Publisher } from './schema';

/** Who vouches for a list (stored with the list, recomputed when the directory or a key changes). */
export type Vouch =
  /** The directory of publishers names the list's key for this list id. */
  | { readonly by: 'directory'; readonly publisher: DirectoryPublisherRef }
  /** An organisation's managed policy set the subscription. */
  | { readonly by: 'policy' }
  /** Shipped inside the extension. */
  | { readonly by: 'bundled' }
  /** A person added it: nobody else vouches for it. */
  | { readonly by: 'person' }
  /** The directory revoked the list's key (or a key its key was reached through): it counts for nothing. */
  | { readonly by: 'revoked'; readonly keyId: string; readonly reason: string; readonly since: string };

export interface DirectoryPublisherRef {
  readonly id: string;
  readonly name: string;
  readonly type: 'authority' | 'register';
  readonly country?: string;
}

export type Rank = 0 | 1 | 2 | 3;

/** What a list needs for its standing. */
export interface Standing {
  readonly meta: Pick<ListMeta, 'kind' | 'publisher' | 'expires'>;
  readonly vouch: Vouch;
}

/** The publisher type the extension believes: the directory's, the list's own if policy or the extension ships it, else community. */
export function vouchedType(list: Pick<Standing, 'vouch'> & { readonly meta: Pick<ListMeta, 'publisher'> }): Publisher['type'] {
  const { vouch } = list;
  if (vouch.by === 'directory') return vouch.publisher.type;
  if (vouch.by === 'policy' || vouch.by === 'bundled') return list.meta.publisher.type;
  return 'community';
}

/**
 * Higher wins: 3 an authority's blocklist, 2 a register's (or an authority's) allowlist, 1 any
 * other blocklist; 0 an allowlist nobody vouches for, which never makes a site "verified" and never
 * un-blocks one (a person talked into adding a "register" must not be able to lift a block).
 */
export function effectiveRank(list: Pick<Standing, 'vouch'> & { readonly meta: Pick<ListMeta, 'kind' | 'publisher'> }): Rank {
  if (list.vouch.by === 'revoked') return 0;
  const type = vouchedType(list);
  if (list.meta.kind === 'allow') return type === 'community' ? 0 : 2;
  return type === 'authority' ? 3 : 1;
}

/** Whether a list gives hits and has blocking rules as of `now`: not revoked, in force by its dates, and of some rank. */
export function counts(list: Standing, now: Date): boolean {
  return list.vouch.by !== 'revoked' && inForce(list.meta, now) && effectiveRank(list) > 0;
}

/** The vouch a list gets when nothing else is known: what the extension ships vouches for itself, anything else is a person's. */
export function defaultVouch(source: { readonly type: 'bundled' | 'url' }): Vouch {
  return source.type === 'bundled' ? { by: 'bundled' } : { by: 'person' };
}
