import { describe, expect, it } from 'vitest';
import { entriesFromPlainText, listSchema, type PlainListOptions } from '../../../lib/lists';
import { makeList } from './fixtures';

const options: PlainListOptions = {
  category: 'illegal-pharmacy',
  added: '2026-11-22',
  evidence: { source: 'Community' },
};

const domainsOf = (text: string, extra: Partial<PlainListOptions> = {}) =>
  entriesFromPlainText(text, { ...options, ...extra }).entries.map((e) => e.domain);

describe('entriesFromPlainText', () => {
  it('makes one entry per line, in order, with the given details', () => {
    const { entries, problems } = entriesFromPlainText('rogue.example\npills.example\n', options);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { domain: 'rogue.example', category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Community' } },
      { domain: 'pills.example', category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Community' } },
    ]);
  });

  it('makes entries that pass the list schema', () => {
    const { entries } = entriesFromPlainText('Rogue.Example.\nbücher.de\n  pills.example  ', options);
    expect(listSchema.safeParse(makeList({ entries })).success).toBe(true);
  });

  it('ignores comments and blank lines', () => {
    const text = '# header\n\n   \nrogue.example\n  # indented comment\n\t\npills.example\n#rogue2.example\n';
    const { entries, problems } = entriesFromPlainText(text, options);
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'pills.example']);
    expect(problems).toEqual([]);
  });

  it('canonicalises each domain', () => {
    expect(domainsOf('Rogue.Example\nbücher.de\nrogue2.example.\n')).toEqual(['rogue.example', 'xn--bcher-kva.de', 'rogue2.example']);
  });

  it('reports every bad line by number, raw text and reason, and keeps the good ones', () => {
    const text = [
      '# comment', // 1
      'rogue.example', // 2
      'co.uk', // 3
      'http://pills.example/', // 4
      '', // 5
      '1.2.3.4', // 6
      'pills.example', // 7
      '-bad-.example', // 8
      `${'a'.repeat(300)}.example`, // 9
      'rogue.example', // 10
      'localhost', // 11
    ].join('\n');
    const { entries, problems } = entriesFromPlainText(text, options);
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'pills.example']);
    expect(problems).toEqual([
      { line: 3, text: 'co.uk', problem: 'public-suffix' },
      { line: 4, text: 'http://pills.example/', problem: 'not-a-domain' },
      { line: 6, text: '1.2.3.4', problem: 'ip-address' },
      { line: 8, text: '-bad-.example', problem: 'not-a-domain' },
      { line: 9, text: `${'a'.repeat(300)}.example`, problem: 'too-long' },
      { line: 10, text: 'rogue.example', problem: 'duplicate' },
      { line: 11, text: 'localhost', problem: 'not-a-domain' },
    ]);
  });

  it('reports a duplicate that differs only in how it is written', () => {
    const { entries, problems } = entriesFromPlainText('bücher.de\nXN--BCHER-KVA.DE.\n', options);
    expect(entries.map((e) => e.domain)).toEqual(['xn--bcher-kva.de']);
    expect(problems).toEqual([{ line: 2, text: 'XN--BCHER-KVA.DE.', problem: 'duplicate' }]);
  });

  it('reads CRLF input with the same line numbers, and no stray carriage returns', () => {
    const { entries, problems } = entriesFromPlainText('# list\r\nrogue.example\r\nco.uk\r\npills.example\r\n', options);
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'pills.example']);
    expect(problems).toEqual([{ line: 3, text: 'co.uk', problem: 'public-suffix' }]);
  });

  it('gives nothing for empty input', () => {
    expect(entriesFromPlainText('', options)).toEqual({ entries: [], problems: [] });
  });

  describe('with stripWww', () => {
    it('drops a leading www.', () => {
      expect(domainsOf('www.rogue.example\nWWW.pills.example\n', { stripWww: true })).toEqual(['rogue.example', 'pills.example']);
    });

    it('folds www.x and x into one entry silently', () => {
      const text = 'www.rogue.example\nrogue.example\npills.example\nWWW.pills.example\n';
      const { entries, problems } = entriesFromPlainText(text, { ...options, stripWww: true });
      expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'pills.example']);
      expect(problems).toEqual([]);
    });

    it('still reports a name written twice the same way', () => {
      const text = 'rogue.example\nwww.pills.example\nrogue.example\nwww.pills.example\npills.example\n';
      const { entries, problems } = entriesFromPlainText(text, { ...options, stripWww: true });
      expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'pills.example']);
      expect(problems).toEqual([
        { line: 3, text: 'rogue.example', problem: 'duplicate' },
        { line: 4, text: 'www.pills.example', problem: 'duplicate' },
      ]);
    });

    it('strips every leading www., and no www inside the name', () => {
      expect(domainsOf('www.www.rogue.example\nshop.www.pills.example\nwwwrogue2.example\n', { stripWww: true })).toEqual([
        'rogue.example',
        'shop.www.pills.example',
        'wwwrogue2.example',
      ]);
    });

    it('folds every www. variant of a name silently, but reports one written twice', () => {
      const text = 'rogue.example\nwww.www.rogue.example\nWWW.rogue.example.\nwww.www.rogue.example\n';
      const { entries, problems } = entriesFromPlainText(text, { ...options, stripWww: true });
      expect(entries.map((e) => e.domain)).toEqual(['rogue.example']);
      expect(problems).toEqual([{ line: 4, text: 'www.www.rogue.example', problem: 'duplicate' }]);
    });

    it('still reports what is left when www. was the registrable part', () => {
      const { entries, problems } = entriesFromPlainText('www.co.uk\nwww.com\n', { ...options, stripWww: true });
      expect(entries).toEqual([]);
      expect(problems).toEqual([
        { line: 1, text: 'www.co.uk', problem: 'public-suffix' },
        { line: 2, text: 'www.com', problem: 'not-a-domain' },
      ]);
    });
  });

  it('keeps www. without stripWww, and reports true duplicates', () => {
    const { entries, problems } = entriesFromPlainText('www.rogue.example\nrogue.example\nrogue.example\n', options);
    expect(entries.map((e) => e.domain)).toEqual(['www.rogue.example', 'rogue.example']);
    expect(problems).toEqual([{ line: 3, text: 'rogue.example', problem: 'duplicate' }]);
  });
});
