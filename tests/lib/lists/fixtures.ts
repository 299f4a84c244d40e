/** Small, valid lists for tests: override only what a test is about. */
import { CHUNK_SIZE, type ChunkRef, type Delta, type Entry, type List, type ListMeta, type Publisher, type StoredList } from '../../../lib/lists';

/** A day inside the fixtures' validity (issued 2026-01-15, expires 2027-01-15): lists are in force. */
export const IN_FORCE_DAY = new Date('2026-06-01T00:00:00Z');

export function entry(domain: string, overrides: Partial<Entry> = {}): Entry {
  return {
    domain,
    category: 'illegal-pharmacy',
    added: '2026-01-15',
    evidence: { source: 'Test authority', reference: 'https://authority.example/case/1' },
    ...overrides,
  };
}

export function makeMeta(overrides: Partial<ListMeta> = {}): ListMeta {
  return {
    format: 1,
    id: 'test-list',
    name: 'Test list',
    publisher: { name: 'Test publisher', type: 'community' },
    kind: 'block',
    version: 1,
    issued: '2026-01-15T00:00:00Z',
    expires: '2027-01-15T00:00:00Z',
    ...overrides,
  };
}

export function makeList(overrides: Partial<List> = {}): List {
  return { ...makeMeta(), entries: [entry('rogue.example'), entry('pills.example')], ...overrides };
}

/** An allow list of a register: its entries are authorised pharmacies. */
export function makeAllowList(id: string, domains: readonly string[], overrides: Partial<List> = {}): List {
  return makeList({
    id,
    kind: 'allow',
    publisher: { name: 'Register', type: 'register' },
    entries: domains.map((d) => entry(d, { category: 'authorised-pharmacy' })),
    ...overrides,
  });
}

export function makeBlockList(id: string, type: Publisher['type'], domains: readonly string[], overrides: Partial<List> = {}): List {
  return makeList({ id, publisher: { name: `${type} publisher`, type }, entries: domains.map((d) => entry(d)), ...overrides });
}

/**
 * The row installList would store for a list, with chunk keys and rule ids made up from its id and
 * position (`test-list:0`, rule 1, …), for tests that need a row but no database.
 */
export function stored(list: List): StoredList {
  const { entries, ...meta } = list;
  const chunks: ChunkRef[] = [];
  for (let start = 0; start < entries.length; start += CHUNK_SIZE) {
    const i = chunks.length;
    chunks.push({ key: `${list.id}:${i}`, count: Math.min(CHUNK_SIZE, entries.length - start), ruleId: i + 1 });
  }
  return {
    id: list.id,
    meta,
    source: { type: 'bundled', file: `lists/${list.id}.json` },
    base: `${list.id}-base`,
    chunks,
    baseCount: entries.length,
    entryCount: entries.length,
    installedAt: '2026-01-15T00:00:00.000Z',
    // Shipped with the extension, so ranked as it declares (lib/lists/standing.ts).
    vouch: { by: 'bundled' },
  };
}

/** A delta of the test list from version `from` to `from + 1`, as deltaSchema accepts it. */
export function makeDelta(from: number, change: { remove?: string[]; add?: Entry[] }, overrides: Partial<ListMeta> = {}): Delta {
  const meta = makeMeta({ version: from + 1, ...overrides });
  return { format: 1, type: 'delta', id: meta.id, from, to: meta.version, meta, remove: change.remove ?? [], add: change.add ?? [] };
}

/** n distinct, valid domains: d0.example, d1.example, … */
export function manyDomains(n: number, suffix = 'example'): string[] {
  return Array.from({ length: n }, (_, i) => `d${i}.${suffix}`);
}
