import { describe, expect, it } from 'vitest';
import { applyDelta, DeltaMismatch, deltaBytes, deltaSchema, diffLists, listSchema, type Entry, type List } from '../../../lib/lists';
import { random } from '../../../bench/synthetic';
import { entry, makeList } from './fixtures';

const v1 = makeList({ version: 1, entries: [entry('rogue.example'), entry('pills.example'), entry('old.example')] });
const v2 = makeList({
  version: 2,
  issued: '2026-02-01T00:00:00Z',
  entries: [entry('rogue.example'), entry('pills.example', { note: 'now sells falsified insulin' }), entry('new-shop.example')],
});
const byDomain = (entries: readonly Entry[]) => [...entries].sort((a, b) => (a.domain < b.domain ? -1 : 1));

describe('diffLists', () => {
  it('removes what went, adds what came, and removes then re-adds what changed', () => {
    const delta = diffLists(v1, v2);
    expect(delta).toMatchObject({ format: 1, type: 'delta', id: 'test-list', from: 1, to: 2 });
    expect(delta.remove.sort()).toEqual(['old.example', 'pills.example']);
    expect(delta.add.map((e) => e.domain).sort()).toEqual(['new-shop.example', 'pills.example']);
    expect(delta.add.find((e) => e.domain === 'pills.example')?.note).toBe('now sells falsified insulin');
  });

  it('carries the new version metadata, without entries', () => {
    const { entries: _entries, ...meta } = v2;
    expect(diffLists(v1, v2).meta).toEqual(meta);
  });

  it('is empty between two versions with the same entries', () => {
    const delta = diffLists(v1, { ...v1, version: 2 });
    expect(delta.remove).toEqual([]);
    expect(delta.add).toEqual([]);
  });

  it('compares entries field by field: a change in the evidence counts, another key order does not', () => {
    const base = entry('rogue.example', { evidence: { source: 'Agency', reference: 'case-1' } });
    const reordered = { evidence: { reference: 'case-1', source: 'Agency' }, added: base.added, category: base.category, domain: base.domain } as Entry;
    const from = makeList({ version: 1, entries: [base, entry('kept.example')] });
    expect(diffLists(from, makeList({ version: 2, entries: [reordered, entry('kept.example')] }))).toMatchObject({ remove: [], add: [] });
    const newCase = entry('rogue.example', { evidence: { source: 'Agency', reference: 'case-2' } });
    expect(diffLists(from, makeList({ version: 2, entries: [newCase, entry('kept.example')] }))).toMatchObject({ remove: ['rogue.example'], add: [newCase] });
    const noReference = entry('rogue.example', { evidence: { source: 'Agency' } });
    expect(diffLists(from, makeList({ version: 2, entries: [noReference, entry('kept.example')] }))).toMatchObject({ remove: ['rogue.example'], add: [noReference] });
    const withNote = { ...base, note: 'also sells insulin' };
    expect(diffLists(from, makeList({ version: 2, entries: [withNote, entry('kept.example')] }))).toMatchObject({ remove: ['rogue.example'], add: [withNote] });
  });

  it('removes in the old list\'s order and adds in the new one\'s', () => {
    const from = makeList({ version: 1, entries: ['c', 'a', 'b', 'd'].map((n) => entry(`${n}.example`)) });
    const to = makeList({ version: 2, entries: ['z', 'b', 'y', 'a'].map((n) => entry(`${n}.example`, n === 'a' ? { note: 'changed' } : {})) });
    const delta = diffLists(from, to);
    expect(delta.remove).toEqual(['c.example', 'a.example', 'd.example']);
    expect(delta.add.map((e) => e.domain)).toEqual(['z.example', 'y.example', 'a.example']);
  });

  it('gives the same delta for lists in domain order (walked side by side) as for the same lists in any order (through a Map)', () => {
    const rnd = random(11);
    for (let round = 0; round < 30; round++) {
      const names = Array.from({ length: 1 + Math.floor(rnd() * 60) }, (_, i) => `n${i.toString(36)}.example`);
      const pick = () => names.filter(() => rnd() < 0.6).map((n) => entry(n, rnd() < 0.15 ? { note: `note ${round}` } : {}));
      const sorted = (entries: Entry[]) => byDomain(entries);
      const from = makeList({ version: 1, entries: sorted(pick()) });
      const to = makeList({ version: 2, entries: sorted(pick()) });
      const walked = diffLists(from, to);
      const shuffled = (entries: readonly Entry[]) => [...entries].reverse();
      const mapped = diffLists({ ...from, entries: shuffled(from.entries) }, { ...to, entries: shuffled(to.entries) });
      expect([...walked.remove].sort(), `round ${round}`).toEqual([...mapped.remove].sort());
      expect(byDomain(walked.add), `round ${round}`).toEqual(byDomain(mapped.add));
      // Sorted in, sorted out: removed and added in the lists' own (domain) order.
      expect(walked.remove).toEqual([...walked.remove].sort());
      expect(walked.add).toEqual(byDomain(walked.add));
      expect(byDomain(applyDelta(from.entries, walked))).toEqual(to.entries);
    }
  });

  it('refuses two different lists, or a version that does not follow', () => {
    expect(() => diffLists(v1, { ...v2, id: 'another-list' })).toThrow(/different lists/);
    expect(() => diffLists(v2, v1)).toThrow(/does not follow/);
    expect(() => diffLists(v1, v1)).toThrow(/does not follow/);
  });

  it('writes bytes that parse back to the same delta and pass the delta schema', () => {
    const delta = diffLists(v1, v2);
    const parsed = deltaSchema.parse(JSON.parse(new TextDecoder().decode(deltaBytes(delta))));
    expect(parsed).toEqual(delta);
    const empty = diffLists(v1, { ...v1, version: 2 });
    expect(deltaSchema.parse(JSON.parse(new TextDecoder().decode(deltaBytes(empty))))).toEqual(empty);
  });
});

describe('applyDelta', () => {
  it('turns the old entries into the new ones', () => {
    expect(byDomain(applyDelta(v1.entries, diffLists(v1, v2)))).toEqual(byDomain(v2.entries));
  });

  it('refuses to remove a domain the stored list does not hold', () => {
    expect(() => applyDelta(v1.entries, { remove: ['absent.example'], add: [] })).toThrow(DeltaMismatch);
    expect(() => applyDelta(v1.entries, { remove: ['absent.example'], add: [] })).toThrow(/absent\.example/);
  });

  it('refuses to add a domain the stored list already holds', () => {
    expect(() => applyDelta(v1.entries, { remove: [], add: [entry('rogue.example')] })).toThrow(DeltaMismatch);
  });

  it('removes before it adds, so a changed entry replaces the old one', () => {
    const changed = entry('rogue.example', { category: 'fraud' });
    expect(applyDelta(v1.entries, { remove: ['rogue.example'], add: [changed] }).find((e) => e.domain === 'rogue.example')).toEqual(changed);
  });

  it('leaves the entries it was given untouched', () => {
    const before = structuredClone(v1.entries);
    applyDelta(v1.entries, diffLists(v1, v2));
    expect(v1.entries).toEqual(before);
  });
});

describe('diffLists then applyDelta, on random lists', () => {
  const CATEGORIES = ['illegal-pharmacy', 'falsified-medicines', 'fraud'] as const;

  function randomList(rnd: () => number, version: number, pool: readonly string[]): List {
    const entries = pool
      .filter(() => rnd() < 0.5)
      .map((domain) => entry(domain, { category: CATEGORIES[Math.floor(rnd() * 3)]!, ...(rnd() < 0.2 ? { note: `n${Math.floor(rnd() * 3)}` } : {}) }));
    return makeList({ version, entries });
  }

  it('reproduces the new list exactly, for 300 random pairs', () => {
    const rnd = random(42);
    for (let round = 0; round < 300; round++) {
      const pool = Array.from({ length: 1 + Math.floor(rnd() * 40) }, (_, i) => `d${i}.example`);
      const from = randomList(rnd, 1 + Math.floor(rnd() * 5), pool);
      const to = randomList(rnd, from.version + 1 + Math.floor(rnd() * 3), pool);
      const delta = diffLists(from, to);
      expect(deltaSchema.safeParse(delta).success, `round ${round}`).toBe(true);
      expect(byDomain(applyDelta(from.entries, delta)), `round ${round}`).toEqual(byDomain(to.entries));
      expect(listSchema.safeParse({ ...delta.meta, entries: applyDelta(from.entries, delta) }).success).toBe(true);
    }
  });
});

describe('deltaSchema', () => {
  const valid = () => diffLists(v1, v2);

  it('accepts a delta made by diffLists', () => {
    expect(deltaSchema.safeParse(valid()).success).toBe(true);
  });

  it.each([
    ['to not after from', { from: 2 }],
    ['meta.id differing from id', { id: 'another-list' }],
    ['meta.version differing from to', { to: 3 }],
    ['a removed domain that is not canonical', { remove: ['Old.Example'] }],
    ['a public suffix to remove', { remove: ['co.uk'] }],
    ['the same domain removed twice', { remove: ['old.example', 'old.example'] }],
    ['the same domain added twice', { add: [entry('new.example'), entry('new.example')] }],
    ['an allowlist category added to a blocklist', { add: [entry('new.example', { category: 'authorised-pharmacy' })] }],
    ['unknown fields', { extra: true }],
  ])('refuses %s', (_what, change) => {
    expect(deltaSchema.safeParse({ ...valid(), ...change }).success).toBe(false);
  });

  it('refuses new metadata that expires before it is issued', () => {
    const delta = valid();
    expect(deltaSchema.safeParse({ ...delta, meta: { ...delta.meta, expires: delta.meta.issued } }).success).toBe(false);
  });
});
