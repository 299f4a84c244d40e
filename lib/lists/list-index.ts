/**
 * The in-memory index the background keeps: one DomainSet per stored list, rebuilt from the
 * database when the service worker wakes. Answers which lists hold a host, without I/O.
 */
import type { Host } from '../domain';
import { DomainSet } from './domain-set';
import type { StoredList } from './db';
import { listRank } from './schema';
import type { LoadedList } from './store';

export interface ListHit {
  readonly list: StoredList;
  /** The entry that matched: the host itself or the parent domain that is listed. */
  readonly domain: string;
  readonly entryIndex: number;
  readonly rank: 1 | 2 | 3;
}

/** A stored list with its domains in memory (entry i of the list is `set.domainAt(i)`). */
export interface IndexedList {
  readonly list: StoredList;
  readonly set: DomainSet;
  readonly rank: 1 | 2 | 3;
}

export function indexList(list: StoredList, domains: readonly string[]): IndexedList {
  return { list, set: new DomainSet(domains), rank: listRank(list.meta) };
}

export class ListIndex {
  private readonly lists: readonly IndexedList[];

  constructor(loaded: readonly LoadedList[]) {
    this.lists = loaded.map(({ stored, domains }) => indexList(stored, domains));
  }

  /** An index over lists already in memory (no domain is copied). */
  static of(lists: readonly IndexedList[]): ListIndex {
    const index = new ListIndex([]);
    (index as unknown as { lists: readonly IndexedList[] }).lists = lists;
    return index;
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
    for (const { list, set, rank } of this.lists) {
      const index = host.kind === 'name' ? set.match(host.name) : set.indexOf(host.name);
      if (index !== -1) hits.push({ list, domain: set.domainAt(index), entryIndex: index, rank });
    }
    return hits.sort((a, b) => b.rank - a.rank);
  }
}
