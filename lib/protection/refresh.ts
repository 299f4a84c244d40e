/**
 * After lists changed in the database (an update, a delta, a subscription added or removed), brings
 * the in-memory index and the blocking rules in line without starting over. Chunks are immutable
 * (lib/lists/db.ts), so a chunk whose key is still named holds the same domains as before: those
 * come from the index already in memory, only new chunks are read from IndexedDB, and only the
 * rules of chunks that came or went are added or removed. A 1,000-entry delta on a 100,000-entry
 * list thus reads one chunk and changes one or two rules, instead of re-reading and re-installing
 * everything.
 */
import type { BlockingRule, RuleSource } from '../blocking';
import { buildRules } from '../blocking/rules';
import { chunkRuleIds } from '../blocking/resource-types';
import { indexList, withSet, type IndexedList, type PharmacheckDb, type StoredList } from '../lists';

export interface Refreshed {
  readonly lists: IndexedList[];
  readonly removeRuleIds: number[];
  readonly addRules: BlockingRule[];
}

export async function refreshLists(db: PharmacheckDb, current: ReadonlyMap<string, IndexedList>, warningPageUrl: string, now: Date): Promise<Refreshed> {
  const stored = await db.lists.toArray();
  const lists: IndexedList[] = [];
  const sources: RuleSource[] = [];
  const removeRuleIds: number[] = [];
  const wantedRefs = new Set(stored.flatMap((l) => l.chunks.map((c) => c.key)));
  for (const old of current.values()) {
    // Only a list in force has rules installed (an expired allowlist has none).
    if (old.inForce) for (const chunk of old.list.chunks) if (!wantedRefs.has(chunk.key)) removeRuleIds.push(...chunkRuleIds(chunk.ruleId, old.list.meta.kind));
  }
  for (const list of stored) {
    const old = current.get(list.id);
    const same = old !== undefined && sameChunks(old.list, list);
    // Same entries: the set in memory serves (the metadata, version and dates, may still be new).
    const read = same ? null : await domainsOf(db, list, old);
    const indexed = read ? indexList(list, read.domains, now) : withSet(list, old!.set, now);
    lists.push(indexed);
    // A changed rank (publisher type or who vouches), kind or standing changes every rule's priority, action or presence:
    // rebuild them all. Otherwise only the chunks that are new get rules.
    const sameRuleShape = old !== undefined && old.rank === indexed.rank && old.list.meta.kind === list.meta.kind && old.inForce === indexed.inForce;
    if (old?.inForce && !sameRuleShape) for (const chunk of old.list.chunks) if (wantedRefs.has(chunk.key)) removeRuleIds.push(...chunkRuleIds(chunk.ruleId, old.list.meta.kind));
    if (!indexed.inForce || (same && sameRuleShape)) continue;
    if (!read) sources.push({ meta: list.meta, vouch: list.vouch, chunks: chunksOf(list, allDomains(indexed)) });
    else sources.push({ meta: list.meta, vouch: list.vouch, chunks: sameRuleShape ? read.fresh : chunksOf(list, read.domains) });
  }
  return { lists, removeRuleIds, addRules: buildRules(sources, warningPageUrl) };
}

function allDomains(indexed: IndexedList): string[] {
  return Array.from({ length: indexed.set.size }, (_, i) => indexed.set.domainAt(i));
}

function sameChunks(a: StoredList, b: StoredList): boolean {
  return a.chunks.length === b.chunks.length && a.chunks.every((c, i) => c.key === b.chunks[i]!.key);
}

function chunksOf(list: StoredList, domains: readonly string[]): { ruleId: number; domains: string[] }[] {
  let start = 0;
  return list.chunks.map((c) => {
    const part = { ruleId: c.ruleId, domains: domains.slice(start, start + c.count) };
    start += c.count;
    return part;
  });
}

/**
 * The list's domains in chunk order, read from the database (one string per chunk: reading them
 * all is faster than rebuilding strings from the index in memory), and which chunks are new.
 */
async function domainsOf(db: PharmacheckDb, list: StoredList, old: IndexedList | undefined): Promise<{ domains: string[]; fresh: { ruleId: number; domains: string[] }[] }> {
  const known = new Set(old?.list.chunks.map((c) => c.key));
  const rows = await db.domainChunks.bulkGet(list.chunks.map((c) => c.key));
  const domains: string[] = [];
  const fresh: { ruleId: number; domains: string[] }[] = [];
  list.chunks.forEach((chunk, i) => {
    const row = rows[i];
    if (!row) throw new Error(`list ${list.id}: chunk ${chunk.key} is missing`);
    const part = row.domains === '' ? [] : row.domains.split('\n');
    if (part.length !== chunk.count) throw new Error(`list ${list.id}: chunk ${chunk.key} holds ${part.length} of ${chunk.count} domains`);
    for (const d of part) domains.push(d);
    if (!known.has(chunk.key)) fresh.push({ ruleId: chunk.ruleId, domains: part });
  });
  return { domains, fresh };
}
