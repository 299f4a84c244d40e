/**
 * The in-memory index the background keeps: one DomainSet per stored list, rebuilt from the
 * database when the service worker wakes. Answers which lists hold a host, without I/O.
 */
import type { Host } from '../domain';
import { DomainSet } from './domain-set';
import type { StoredList } from './db';
import { counts, effectiveRank, type Rank } from './standing';
import type { LoadedList } from './store';

export interface ListHit {
  readonly list: StoredList;
  /** The entry that matched: the host itself or the parent domain that is listed. */
  readonly domain: string;
  readonly entryIndex: number;
  readonly rank: Rank;
}

/** A stored list with its domains in memory (entry i of the list is `set.domainAt(i)`). */
export interface IndexedList {
  readonly list: StoredList;
  readonly set: DomainSet;
  readonly rank: Rank;
  /**
   * Whether the list counts (standing.ts `counts`, as of when the index was built): an expired
   * allowlist, an allowlist nobody vouches for and a list whose key was revoked stay in the index,
   * for the options page, but give no hit and have no rules.
   */
  readonly inForce: boolean;
}

export function indexList(list: StoredList, domains: readonly string[], now: Date): IndexedList {
  return withSet(list, new DomainSet(domains), now);
}

/** The same list with its domains already in memory (new metadata, same entries). */
export function withSet(list: StoredList, set: DomainSet, now: Date): IndexedList {
  return { list, set, rank: effectiveRank(list), inForce: counts(list, now) };
}

export class ListIndex {
  private readonly lists: readonly IndexedList[];

  private constructor(lists: readonly IndexedList[]) {
    this.lists = lists;
  }

  /** An index over lists read from the database, judged as of `now`. */
  static build(loaded: readonly LoadedList[], now: Date): ListIndex {
    return new ListIndex(loaded.map(({ stored, domains }) => indexList(stored, domains, now)));
  }

  /** An index over lists already in memory (no domain is copied). */
  static of(lists: readonly IndexedList[]): ListIndex {
    return new ListIndex(lists);
  }

  static readonly empty = new ListIndex([]);

  /** Whether some list's standing changed since the index was built (an allowlist expired). */
  standingChanged(now: Date): boolean {
    return this.lists.some((l) => l.inForce !== counts(l.list, now));
  }

  /** The lists this index holds, by id. */
  indexed(): ReadonlyMap<string, IndexedList> {
    return new Map(this.lists.map((l) => [l.list.id, l]));
  }

  get entryCount(): number {
    return this.lists.reduce((sum, l) => sum + l.set.size, 0);
  }

  /** Every list that holds the host or a parent of it, highest rank first. */
  hits(host: Host): ListHit[] {
    const hits: ListHit[] = [];
    for (const { list, set, rank, inForce: counts } of this.lists) {
      if (!counts) continue;
      const index = host.kind === 'name' ? set.match(host.name) : set.indexOf(host.name);
      if (index !== -1) hits.push({ list, domain: set.domainAt(index), entryIndex: index, rank });
    }
    return hits.sort((a, b) => b.rank - a.rank);
  }
}
