import { describe, expect, it } from 'vitest';
import { CATEGORIES, listSchema, PUBLISHER_TYPES, type List } from '../../../lib/lists';
import { entry, makeAllowList, makeList } from './fixtures';

/** The paths of every issue zod reports, as "a.b.0.c" strings. */
function issuePaths(input: unknown): string[] {
  const result = listSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

function refuses(input: unknown): void {
  expect(listSchema.safeParse(input).success).toBe(false);
}

describe('listSchema', () => {
  it('accepts a good block list', () => {
    const list = makeList();
    expect(listSchema.parse(list)).toEqual(list);
  });

  it('accepts a good allow list', () => {
    const list = makeAllowList('register', ['pharmacy.example']);
    expect(listSchema.parse(list)).toEqual(list);
  });

  it('accepts every optional field', () => {
    const list = makeList({
      description: 'A list',
      publisher: { name: 'Agency', type: 'authority', country: 'FR', website: 'https://agency.example/' },
      updateIntervalMinutes: 60,
      entries: [entry('rogue.example', { note: 'Seen in spam', evidence: { source: 'Agency' } })],
    });
    expect(listSchema.parse(list)).toEqual(list);
  });

  it('accepts an empty list', () => {
    expect(listSchema.safeParse(makeList({ entries: [] })).success).toBe(true);
  });

  it.each(CATEGORIES.filter((c) => c !== 'authorised-pharmacy'))('accepts the block category %s on a block list', (category) => {
    expect(listSchema.safeParse(makeList({ entries: [entry('rogue.example', { category })] })).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'rogue.example'],
    ['an array', [makeList()]],
    ['an empty object', {}],
  ])('refuses %s', (_, input) => {
    refuses(input);
  });

  it.each<[string, unknown]>([
    ['2', 2],
    ['0', 0],
    ['the string "1"', '1'],
    ['missing', undefined],
  ])('refuses format %s', (_, format) => {
    expect(issuePaths({ ...makeList(), format })).toContain('format');
  });

  it.each(['', 'Test-list', 'test_list', '-test', 'test-', 'test list', 'tést', 'a'.repeat(65), '../etc', 'test.list'])(
    'refuses the list id %j',
    (id) => {
      expect(issuePaths(makeList({ id }))).toContain('id');
    },
  );

  it.each(['a', '0', 'fr-ansm', 'a'.repeat(64)])('accepts the list id %j', (id) => {
    expect(listSchema.safeParse(makeList({ id })).success).toBe(true);
  });

  it.each([
    ['com', 'a top-level domain'],
    ['co.uk', 'a public suffix'],
    ['blogspot.com', 'a private suffix'],
    ['1.2.3.4', 'an IP address'],
    ['http://rogue.example/', 'a URL'],
    ['rogue.example/path', 'a path'],
    ['', 'an empty domain'],
    ['Rogue.example', 'an uppercase (non-canonical) domain'],
    ['rogue.example.', 'a trailing dot (non-canonical)'],
    ['bücher.de', 'an IDN not in punycode (non-canonical)'],
    [' rogue.example', 'a leading space (non-canonical)'],
  ])('refuses the entry %j (%s)', (domain) => {
    expect(issuePaths(makeList({ entries: [entry('ok.example'), entry(domain)] }))).toContain('entries.1.domain');
  });

  it('says how to write a non-canonical entry', () => {
    const result = listSchema.safeParse(makeList({ entries: [entry('bücher.de')] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('not canonical: bücher.de (write xn--bcher-kva.de)');
  });

  it('refuses duplicate entries, pointing at the second', () => {
    const list = makeList({ entries: [entry('rogue.example'), entry('pills.example'), entry('rogue.example')] });
    expect(issuePaths(list)).toEqual(['entries.2.domain']);
  });

  it('refuses the allow category on a block list', () => {
    const list = makeList({ entries: [entry('rogue.example', { category: 'authorised-pharmacy' })] });
    expect(issuePaths(list)).toEqual(['entries.0.category']);
  });

  it('refuses a block category on an allow list', () => {
    const list = makeAllowList('register', ['pharmacy.example', 'rogue.example']);
    list.entries[1] = entry('rogue.example', { category: 'illegal-pharmacy' });
    expect(issuePaths(list)).toEqual(['entries.1.category']);
  });

  it('refuses an unknown category', () => {
    expect(issuePaths(makeList({ entries: [entry('rogue.example', { category: 'spam' as never })] }))).toContain('entries.0.category');
  });

  it('refuses a list that expires before it is issued', () => {
    expect(issuePaths(makeList({ issued: '2026-01-15T00:00:00Z', expires: '2026-01-14T23:59:59Z' }))).toEqual(['expires']);
  });

  it('refuses a list that expires the moment it is issued', () => {
    expect(issuePaths(makeList({ issued: '2026-01-15T00:00:00Z', expires: '2026-01-15T01:00:00+01:00' }))).toEqual(['expires']);
  });

  it.each<[string, (list: List) => unknown]>([
    ['at the top level', (list) => ({ ...list, signature: 'x' })],
    ['in an entry', (list) => ({ ...list, entries: [{ ...entry('rogue.example'), score: 9 }] })],
    ['in the publisher', (list) => ({ ...list, publisher: { ...list.publisher, email: 'a@b.example' } })],
    ['in the evidence', (list) => ({ ...list, entries: [{ ...entry('rogue.example'), evidence: { source: 'x', url: 'y' } }] })],
    ['named __proto__', (list) => JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(list).slice(1)}`)],
  ])('refuses an unknown key %s', (_, build) => {
    refuses(build(makeList()));
  });

  it.each<[string, Partial<List>]>([
    ['an issued date without time', { issued: '2026-01-15' }],
    ['an issued time without offset', { issued: '2026-01-15T00:00:00' }],
    ['an issued date in words', { issued: 'yesterday' }],
    ['an impossible month', { issued: '2026-13-01T00:00:00Z' }],
    ['an expiry date as a number', { expires: 1800000000000 as unknown as string }],
  ])('refuses %s', (_, overrides) => {
    refuses(makeList(overrides));
  });

  it.each(['2026-13-01', '2026-01-32', '2026-1-5', '15/01/2026', '2026-01-15T00:00:00Z', ''])('refuses the added date %j', (added) => {
    expect(issuePaths(makeList({ entries: [entry('rogue.example', { added })] }))).toContain('entries.0.added');
  });

  it.each<[string, unknown]>([
    ['1.5', 1.5],
    ['0', 0],
    ['-1', -1],
    ['the string "2"', '2'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond the safe integers', 2 ** 53],
  ])('refuses the version %s', (_, version) => {
    expect(issuePaths({ ...makeList(), version })).toContain('version');
  });

  it.each(['fr', 'FRA', 'F1', 'F', ''])('refuses the publisher country %j', (country) => {
    expect(issuePaths(makeList({ publisher: { name: 'Agency', type: 'authority', country } }))).toContain('publisher.country');
  });

  it.each(['javascript:alert(1)', 'ftp://agency.example/', 'agency.example', 'not a url', 'data:text/html,x', ''])(
    'refuses the publisher website %j',
    (website) => {
      expect(issuePaths(makeList({ publisher: { name: 'Agency', type: 'authority', website } }))).toContain('publisher.website');
    },
  );

  it('refuses an unknown publisher type', () => {
    expect(issuePaths(makeList({ publisher: { name: 'x', type: 'government' as never } }))).toContain('publisher.type');
  });

  it('refuses an unknown list kind', () => {
    expect(issuePaths({ ...makeList(), kind: 'warn' })).toContain('kind');
  });

  it.each([0, 14, 1.5, 7 * 24 * 60 + 1])('refuses the update interval %j', (updateIntervalMinutes) => {
    expect(issuePaths(makeList({ updateIntervalMinutes }))).toContain('updateIntervalMinutes');
  });

  it('refuses an empty evidence source', () => {
    expect(issuePaths(makeList({ entries: [entry('rogue.example', { evidence: { source: '' } })] }))).toContain('entries.0.evidence.source');
  });
});
