import { describe, expect, it } from 'vitest';
import { arrayElementLines, parseCsv } from '../../../lib/lists';

describe('parseCsv', () => {
  it('reads records with the line each starts on', () => {
    expect(parseCsv('a,b\nc,d\n').records).toEqual([
      { line: 1, text: 'a,b', fields: ['a', 'b'] },
      { line: 2, text: 'c,d', fields: ['c', 'd'] },
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts lines through them', () => {
    const { records, problems } = parseCsv('domain,note\nrogue.example,"sells ""generic"", cheap"\npills.example,"two\nlines"\nlast.example,\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'domain', 'note'],
      [2, 'rogue.example', 'sells "generic", cheap'],
      [3, 'pills.example', 'two\nlines'],
      [5, 'last.example', ''],
    ]);
  });

  it('takes CRLF line ends, a byte-order mark, and no final line end', () => {
    expect(parseCsv('\uFEFFa,b\r\nc,d').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('skips blank lines and rows of empty fields', () => {
    expect(parseCsv('a\n\n,,\n  \nb\n').records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [5, 'b'],
    ]);
  });

  it('reports malformed quoting by line, and reads on', () => {
    const { records, problems } = parseCsv('a,b\n"x"y,z\nq"r,s\n"never closed,t\n');
    expect(problems).toEqual([
      { line: 2, text: '"x"y,z', detail: 'text after a closing quote' },
      { line: 3, text: 'q"r,s', detail: 'a quote inside an unquoted field' },
      { line: 4, text: '"never closed,t\n', detail: 'a quoted field is never closed' },
    ]);
    expect(records.map((r) => r.line)).toEqual([1]);
  });
  it('splits on another delimiter when told, keeping commas inside fields', () => {
    const { records, problems } = parseCsv('name;site\n"Pharmacie; SARL";a, b.example\n', { delimiter: ';' });
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      ['name', 'site'],
      ['Pharmacie; SARL', 'a, b.example'],
    ]);
    expect(parseCsv('a\tb\n', { delimiter: '\t' }).records[0]!.fields).toEqual(['a', 'b']);
  });
});

describe('arrayElementLines', () => {
  it('gives the line on which each top-level element starts', () => {
    const text = '[\n  "a.example",\n  {"domain": "b.example",\n   "note": "x, [y] {z} \\" ]"},\n  "c.example", "d.example"\n]';
    expect(arrayElementLines(text)).toEqual([2, 3, 5, 5]);
    expect(JSON.parse(text)).toHaveLength(4);
  });

  it('gives nothing for an empty array', () => {
    expect(arrayElementLines('[ \n ]')).toEqual([]);
  });
});
