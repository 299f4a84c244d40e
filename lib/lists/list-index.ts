/**
 * The in-memory index the background keeps: per stored list, its base (a FingerprintSet, restored
 * from a snapshot when the service worker wakes) and its overlay (the changes of the deltas applied
 * since the base was built, held as exact domains). Answers which lists hold a host, without I/O.
 *
 * Two kinds of answer. `hits` trusts the fingerprints: good enough for the badge, which a
 * collision (odds about n/2^64) could at worst colour wrongly until the next navigation. Anything a
 * person is told in words (the warning's "listed", which list, why, and "Proceed anyway") goes
 * through `confirmHits`, which reads the stored domain behind each fingerprint and drops the hits
 * it does not equal: a collision never names a site that is not on the list.
 */
import type { Host } from '../domain';
import type { StoredList } from './db';
import { FingerprintSet, type Candidate, type FingerprintFunction } from './fingerprint-set';
import { EMPTY_OVERLAY, type ListOverlay } from './overlay';
import type { Entry } from './schema';
import { counts, effectiveRank, type Rank } from './standing';
import type { LoadedList } from './store';

export interface ListHit {
  readonly list: StoredList;
  /** The entry that matched: the host itself or the parent domain that is listed. */
  readonly domain: string;
  /** Index of the entry in the list's base as stored, or -1 for an entry a delta added (the overlay). */
  readonly entryIndex: number;
  readonly rank: Rank;
}

/** A hit whose domain was read back and compared; with the entry's details when they could be read. */
export interface ConfirmedHit extends ListHit {
  readonly entry: Entry | null;
}

/** A stored list in memory: its base's fingerprints and its overlay. */
export interface IndexedList {
  readonly list: StoredList;
  readonly set: FingerprintSet;
  /** Sorted position → index of the entry as given (null when given in fingerprint order, as stored). */
  readonly order: Uint32Array | null;
  readonly overlay: ListOverlay;
  readonly rank: Rank;
  /**
   * Whether the list counts (standing.ts `counts`, as of when the index was built): an expired
   * allowlist, an allowlist nobody vouches for and a list whose key was revoked stay in the index,
   * for the options page, but give no hit and have no rules.
   */
  readonly inForce: boolean;
}

/**
 * Where confirmations read entries from: IndexedDB in the extension, the file in the toolkit. With
 * `baseEntry` a confirmed hit carries the entry's details; with only `baseDomain` it is confirmed
 * without them (the overlay's rules need the verdict, not the evidence).
 */
export interface EntrySource {
  /** Entry `index` of a list's base, or undefined when it cannot be read. */
  baseEntry?(indexed: IndexedList, index: number): Promise<Entry | undefined>;
  /** The domain of entry `index` of a list's base, or undefined when it cannot be read. */
  baseDomain?(indexed: IndexedList, index: number): Promise<string | undefined>;
  /** The entry a delta added for this domain, or undefined. */
  overlayEntry?(indexed: IndexedList, domain: string): Promise<Entry | undefined>;
}

export function indexList(list: StoredList, domains: readonly string[], now: Date, fingerprint: FingerprintFunction | null = null): IndexedList {
  const { set, order } = FingerprintSet.build(domains, fingerprint);
  return indexedList(list, set, order, EMPTY_OVERLAY, now);
}

export function indexedList(list: StoredList, set: FingerprintSet, order: Uint32Array | null, overlay: ListOverlay, now: Date): IndexedList {
  return { list, set, order, overlay, rank: effectiveRank(list), inForce: counts(list, now) };
}

/** The same base and overlay, with new metadata judged as of `now`. */
export function withList(indexed: IndexedList, list: StoredList, now: Date, overlay: ListOverlay = indexed.overlay): IndexedList {
  return indexedList(list, indexed.set, indexed.order, overlay, now);
}

/** A candidate of one list: a suffix of the host that the list may hold. */
interface ListCandidate {
  readonly domain: string;
  /** Sorted positions in the base, or null for an overlay entry (exact). */
  readonly base: Candidate | null;
}

const labelStarts = (name: string): number[] => {
  const starts: number[] = [];
  for (let from = 0; ; ) {
    const dot = name.indexOf('.', from);
    if (dot === -1) return starts;
    starts.push(from);
    from = dot + 1;
  }
};

/** The list's candidates for a host, most specific first, with the overlay applied. */
export function candidatesOf(indexed: IndexedList, host: Host): ListCandidate[] {
  const { set, overlay } = indexed;
  const name = host.name;
  if (host.kind !== 'name') {
    if (overlay.adds.has(name)) return [{ domain: name, base: null }];
    const position = overlay.removes.has(name) ? -1 : set.indexOf(name);
    return position === -1 ? [] : [{ domain: name, base: { from: 0, position, count: set.runLength(position) } }];
  }
  const base = set.candidates(name);
  if (overlay.adds.size === 0 && overlay.removes.size === 0) return base.map((c) => ({ domain: name.slice(c.from), base: c }));
  const out: ListCandidate[] = [];
  for (const from of labelStarts(name)) {
    const suffix = name.slice(from);
    if (overlay.adds.has(suffix)) out.push({ domain: suffix, base: null });
    else if (!overlay.removes.has(suffix)) {
      const inBase = base.find((c) => c.from === from);
      if (inBase) out.push({ domain: suffix, base: inBase });
    }
  }
  return out;
}

const entryIndexOf = (indexed: IndexedList, position: number) => (indexed.order ? indexed.order[position]! : position);

export class ListIndex {
  private constructor(private readonly lists: readonly IndexedList[]) {}

  /** An index over lists read whole (their domains in entry order), judged as of `now`. */
  static build(loaded: readonly LoadedList[], now: Date, fingerprint: FingerprintFunction | null = null): ListIndex {
    return new ListIndex(loaded.map(({ stored, domains }) => indexList(stored, domains, now, fingerprint)));
  }

  /** An index over lists already in memory (nothing is copied). */
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
    return this.lists.reduce((sum, l) => sum + l.list.entryCount, 0);
  }

  /** Every list in force that holds the host or a parent of it, by fingerprint, highest rank first. */
  hits(host: Host): ListHit[] {
    const hits: ListHit[] = [];
    for (const indexed of this.lists) {
      if (!indexed.inForce) continue;
      const [first] = candidatesOf(indexed, host);
      if (first) hits.push({ list: indexed.list, domain: first.domain, entryIndex: first.base ? entryIndexOf(indexed, first.base.position) : -1, rank: indexed.rank });
    }
    return hits.sort((a, b) => b.rank - a.rank);
  }

  /**
   * The same hits, each read back from `source` and kept only when the stored domain is the one the
   * fingerprint stood for; a list whose most specific candidate fails falls back to its next one.
   * Entries that cannot be read count as not confirmed: nothing is claimed that was not read.
   */
  async confirmHits(host: Host, source: EntrySource): Promise<ConfirmedHit[]> {
    const hits: ConfirmedHit[] = [];
    for (const indexed of this.lists) {
      if (!indexed.inForce) continue;
      for (const candidate of candidatesOf(indexed, host)) {
        const hit = await confirm(indexed, candidate, source);
        if (hit) {
          hits.push(hit);
          break;
        }
      }
    }
    return hits.sort((a, b) => b.rank - a.rank);
  }
}

async function confirm(indexed: IndexedList, candidate: ListCandidate, source: EntrySource): Promise<ConfirmedHit | null> {
  const base = { list: indexed.list, domain: candidate.domain, rank: indexed.rank };
  if (!candidate.base) return { ...base, entryIndex: -1, entry: (await source.overlayEntry?.(indexed, candidate.domain)) ?? null };
  for (let i = 0; i < candidate.base.count; i++) {
    const entryIndex = entryIndexOf(indexed, candidate.base.position + i);
    if (source.baseEntry) {
      const entry = await source.baseEntry(indexed, entryIndex);
      if (entry?.domain === candidate.domain) return { ...base, entryIndex, entry };
    } else if ((await source.baseDomain?.(indexed, entryIndex)) === candidate.domain) return { ...base, entryIndex, entry: null };
  }
  return null;
}
