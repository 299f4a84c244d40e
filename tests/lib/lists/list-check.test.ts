/** The two-step check of a list (list-check.ts) accepts exactly what listSchema accepts. */
import { describe, expect, it } from 'vitest';
import { checkDomains, checkedList, ListInvalid, listSchema, serializeList } from '../../../lib/lists';
import { entry, makeAllowList, makeList } from './fixtures';

type Json = Record<string, unknown>;
const valid = (): Json => JSON.parse(serializeList(makeList({ entries: [entry('rogue.example'), entry('pills.example', { note: 'n' })] })));
const withEntry = (change: (e: Json) => unknown, at = 0) => {
  const list = valid();
  const entries = list.entries as Json[];
  entries[at] = change(entries[at]!) as Json;
  return list;
};

const cases: [string, () => unknown][] = [
  ['a valid list', valid],
  ['a valid allowlist', () => JSON.parse(serializeList(makeAllowList('register', ['pharmacy.example'])))],
  ['an empty list', () => ({ ...valid(), entries: [] })],
  ['not an object', () => 'a list'],
  ['an array', () => [valid()]],
  ['null', () => null],
  ['an unknown top-level key', () => ({ ...valid(), extra: 1 })],
  ['no entries', () => ({ ...valid(), entries: undefined })],
  ['entries not an array', () => ({ ...valid(), entries: { 0: entry('a.example') } })],
  ['a missing name', () => ({ ...valid(), name: undefined })],
  ['expires before issued', () => ({ ...valid(), expires: '2025-01-01T00:00:00Z' })],
  ['a wrong format', () => ({ ...valid(), format: 2 })],
  ['an entry that is null', () => withEntry(() => null)],
  ['an entry that is a string', () => withEntry(() => 'rogue.example')],
  ['an entry that is an array', () => withEntry(() => ['rogue.example'])],
  ['an entry without a domain', () => withEntry(({ domain: _d, ...rest }) => rest)],
  ['a domain that is a number', () => withEntry((e) => ({ ...e, domain: 42 }))],
  ['a domain in capitals', () => withEntry((e) => ({ ...e, domain: 'Rogue.example' }))],
  ['a domain in Unicode', () => withEntry((e) => ({ ...e, domain: 'bücher.de' }))],
  ['a public suffix', () => withEntry((e) => ({ ...e, domain: 'co.uk' }))],
  ['an IP address', () => withEntry((e) => ({ ...e, domain: '192.168.0.1' }))],
  ['a URL', () => withEntry((e) => ({ ...e, domain: 'https://rogue.example/' }))],
  ['a repeated domain', () => withEntry((e) => ({ ...e, domain: 'rogue.example' }), 1)],
  ['an unknown category', () => withEntry((e) => ({ ...e, category: 'spam' }))],
  ['an allowlist category on a blocklist', () => withEntry((e) => ({ ...e, category: 'authorised-pharmacy' }))],
  ['a date that is not one', () => withEntry((e) => ({ ...e, added: '2026-13-01' }))],
  ['a date with a time', () => withEntry((e) => ({ ...e, added: '2026-01-01T00:00:00Z' }))],
  ['no evidence', () => withEntry(({ evidence: _e, ...rest }) => rest)],
  ['evidence with an unknown key', () => withEntry((e) => ({ ...e, evidence: { source: 's', url: 'x' } }))],
  ['an empty source', () => withEntry((e) => ({ ...e, evidence: { source: '' } }))],
  ['a reference too long', () => withEntry((e) => ({ ...e, evidence: { source: 's', reference: 'r'.repeat(501) } }))],
  ['a note too long', () => withEntry((e) => ({ ...e, note: 'n'.repeat(501) }))],
  ['a note that is a number', () => withEntry((e) => ({ ...e, note: 5 }))],
  ['an unknown key in an entry', () => withEntry((e) => ({ ...e, severity: 'high' }))],
  ['a __proto__ key in an entry', () => withEntry((e) => JSON.parse(JSON.stringify(e).replace('{', '{"__proto__":{"x":1},')))],
  ['an allowlist with a block category', () => {
    const list = JSON.parse(serializeList(makeAllowList('register', ['pharmacy.example'])));
    list.entries[0].category = 'illegal-pharmacy';
    return list;
  }],
];

function outcome(check: () => unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof ListInvalid) return { ok: false };
    throw error;
  }
}

describe('checkedList', () => {
  it.each(cases)('decides %s as listSchema does', (_, make) => {
    const schema = listSchema.safeParse(make());
    const ours = outcome(() => checkedList(make()));
    expect(ours.ok).toBe(schema.success);
    if (ours.ok && schema.success) expect(ours.value).toEqual(schema.data);
  });

  it('says where and why, in the schema’s words', () => {
    expect(() => checkedList(withEntry((e) => ({ ...e, domain: 'co.uk' }), 1))).toThrow('entries.1.domain public-suffix: co.uk');
    expect(() => checkedList(withEntry((e) => ({ ...e, domain: 'rogue.example' }), 1))).toThrow('entries.1.domain duplicate: rogue.example');
    expect(() => checkedList(withEntry((e) => ({ ...e, category: 'authorised-pharmacy' }), 1))).toThrow('entries.1.category authorised-pharmacy does not belong on a block list');
  });
});

describe('checkDomains', () => {
  it('gives the metadata and every domain before looking at the entries’ other fields', () => {
    const list = withEntry((e) => ({ ...e, added: 'soon' }), 1);
    const checked = checkDomains(list);
    expect(checked.meta.id).toBe('test-list');
    expect(checked.domains).toEqual(['rogue.example', 'pills.example']);
    expect(() => checked.entries()).toThrow(/entries\.1\.added/);
  });

  it('leaves repeats to whoever indexes the domains', () => {
    expect(checkDomains(withEntry((e) => ({ ...e, domain: 'rogue.example' }), 1)).domains).toEqual(['rogue.example', 'rogue.example']);
  });
});
