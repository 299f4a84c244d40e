import { describe, expect, it } from 'vitest';
import { entriesFromRows, inputRows, listSchema, type EntryDefaults, type InputFormat, type InputProblem } from '../../../lib/lists';
import { entry, makeList } from './fixtures';

const defaults: EntryDefaults = { category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Agency' } };
const read = (text: string, format: InputFormat, options: Partial<Parameters<typeof entriesFromRows>[1]> = {}) => {
  const rows = inputRows(text, format);
  const result = entriesFromRows(rows.rows, { kind: 'block', defaults, ...options });
  return { fatal: rows.fatal, entries: result.entries, problems: [...rows.problems, ...result.problems].sort((a, b) => a.line - b.line) };
};
const brief = (problems: readonly InputProblem[]) => problems.map((p) => `line ${p.line}: ${p.problem}: ${p.detail}`);

describe('plain text input', () => {
  it('makes an entry per domain with the defaults, ignoring comments and blank lines', () => {
    const { entries, problems } = read('# list\nrogue.example\n\n  Pills.Example.  \n', 'text');
    expect(problems).toEqual([]);
    expect(entries).toEqual([entry('rogue.example', { ...defaults }), entry('pills.example', { ...defaults })]);
  });

  it('reports each bad line by number and reason, and keeps the good ones', () => {
    const { entries, problems } = read('rogue.example\nco.uk\n1.2.3.4\nhttp://x.example/\nrogue.example\nblogspot.com\n[::1]\n', 'text');
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example']);
    expect(brief(problems)).toEqual([
      'line 2: public-suffix: co.uk',
      'line 3: ip-address: 1.2.3.4',
      'line 4: not-a-domain: http://x.example/',
      'line 5: duplicate: rogue.example',
      'line 6: public-suffix: blogspot.com',
      'line 7: ip-address: [::1]',
    ]);
  });

  it('folds www. into the domain when asked, but still reports a name written twice', () => {
    const { entries, problems } = read('www.rogue.example\nrogue.example\nwww.rogue.example\n', 'text', { stripWww: true });
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example']);
    expect(brief(problems)).toEqual(['line 3: duplicate: rogue.example']);
  });
});

describe('entriesFromRows', () => {
  it('gives its problems in row order, whichever check found them, and counts a first occurrence the schema refused', () => {
    const text = 'domain,added\nco.uk,\na.example,2026-02-30\nb.example,\na.example,\n1.2.3.4,\nb.example,\nc.example,\n';
    const rows = inputRows(text, 'csv');
    const { entries, problems } = entriesFromRows(rows.rows, { kind: 'block', defaults });
    expect(entries.map((e) => e.domain)).toEqual(['b.example', 'c.example']);
    expect(problems.map((p) => `${p.line} ${p.problem}`)).toEqual(['2 public-suffix', '3 invalid', '5 duplicate', '6 ip-address', '7 duplicate']);
  });

  it('reports progress up to every row', () => {
    const rows = inputRows(Array.from({ length: 25_000 }, (_, i) => `shop-${i}.example`).join('\n'), 'text');
    const seen: number[] = [];
    entriesFromRows(rows.rows, { kind: 'block', defaults, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, 10_000, 20_000, 25_000]);
  });
});

describe('CSV input', () => {
  it('takes the fields it gives, the defaults for the rest, and columns in any order and case', () => {
    const { entries, problems } = read('Note,DOMAIN,added,reference\n,rogue.example,,\n"sells, cheap",pills.example,2026-01-02,case 7\n', 'csv');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      entry('rogue.example', { ...defaults }),
      { domain: 'pills.example', category: 'illegal-pharmacy', added: '2026-01-02', evidence: { source: 'Agency', reference: 'case 7' }, note: 'sells, cheap' },
    ]);
  });

  it('reports invalid fields and a category that does not fit the list kind', () => {
    const text = 'domain,category,added\na.example,nonsense,\nb.example,,2026-02-30\nc.example,authorised-pharmacy,\nd.example,fraud,\n';
    const { entries, problems } = read(text, 'csv');
    expect(entries.map((e) => e.domain)).toEqual(['d.example']);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
    ]);
    expect(problems[2]!.detail).toBe('category authorised-pharmacy does not belong on a blocklist');
  });

  it('reports a record with more fields than the header names', () => {
    expect(brief(read('domain\na.example,extra\n', 'csv').problems)).toEqual(['line 2: invalid: 2 fields, but the header names 1']);
  });

  it.each([
    ['no header at all', ''],
    ['no domain column', 'host,category\nrogue.example,fraud\n'],
    ['an unknown column', 'domain,colour\nrogue.example,red\n'],
    ['a column twice', 'domain,note,Note\nrogue.example,a,b\n'],
  ])('refuses the whole input for %s', (_what, text) => {
    const result = read(text, 'csv');
    expect(result.fatal).not.toBeNull();
    expect(result.entries).toEqual([]);
  });
});

describe('JSON input', () => {
  it('takes an array of domains, or of entries with some fields', () => {
    const text = '[\n "rogue.example",\n {"domain": "pills.example", "category": "fraud", "evidence": {"reference": "r1"}, "note": "n"}\n]';
    const { entries, problems } = read(text, 'json');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      entry('rogue.example', { ...defaults }),
      { domain: 'pills.example', category: 'fraud', added: '2026-11-22', evidence: { source: 'Agency', reference: 'r1' }, note: 'n' },
    ]);
  });

  it('reports bad elements on the line where each starts', () => {
    const text = '[\n "rogue.example",\n 42,\n {"domain": "co.uk"},\n {"domain": "x.example",\n  "colour": "red"},\n "rogue.example"\n]';
    const { problems } = read(text, 'json');
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [3, 'invalid'],
      [4, 'public-suffix'],
      [5, 'invalid'],
      [7, 'duplicate'],
    ]);
  });

  it('refuses input that is not JSON, or not an array', () => {
    expect(read('[\n "a.example",\n', 'json').fatal?.detail).toMatch(/^not JSON/);
    expect(read('{"domain": "a.example"}', 'json').fatal?.detail).toMatch(/array/);
  });
});

describe('entries from the previous version', () => {
  const previous = new Map([['rogue.example', entry('rogue.example', { added: '2025-01-01', evidence: { source: 'Old agency', reference: 'old case' } })]]);

  it('keep what they were for domains the input gives no fields for, so an unchanged list stays the same', () => {
    const { entries } = read('rogue.example\nnew.example\n', 'text', { previous });
    expect(entries).toEqual([previous.get('rogue.example'), entry('new.example', { ...defaults })]);
  });

  it('take the fields the input does give', () => {
    const { entries } = read('domain,reference\nrogue.example,new case\n', 'csv', { previous });
    expect(entries[0]).toEqual({ ...previous.get('rogue.example'), evidence: { source: 'Old agency', reference: 'new case' } });
  });
});

describe('entries for an allowlist', () => {
  it('refuse blocklist categories, and pass the list schema with the allowlist default', () => {
    const allowDefaults: EntryDefaults = { ...defaults, category: 'authorised-pharmacy' };
    const { entries, problems } = read('domain,category\npharmacy.example,\nrogue.example,illegal-pharmacy\n', 'csv', { kind: 'allow', defaults: allowDefaults });
    expect(brief(problems)).toEqual(['line 3: invalid: category illegal-pharmacy does not belong on an allowlist']);
    expect(listSchema.safeParse(makeList({ kind: 'allow', publisher: { name: 'Register', type: 'register' }, entries })).success).toBe(true);
  });
});
