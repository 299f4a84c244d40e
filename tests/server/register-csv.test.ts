/** Reading a national register's CSV export: tolerant of layout, strict about every line. */
import { describe, expect, it } from 'vitest';
import { columnOf, mapColumns } from '../../server/src/registers/columns';
import { parseRegisterDate, readRegisterExport, websiteDomain } from '../../server/src/registers/csv';

const NOW = new Date('2026-06-01T12:00:00Z');
const read = (text: string | Uint8Array, columns = {}) => readRegisterExport(typeof text === 'string' ? new TextEncoder().encode(text) : text, { now: NOW, columns });

describe('a register export', () => {
  it('reads an English export with commas: website, number, name, date', () => {
    const file = read('Name,Website,Registration number,Date\nGood Pharmacy,https://www.good-pharmacy.example/shop,GB-123,2024-03-01\n');
    expect(file.problems).toEqual([]);
    expect(file.delimiter).toBe(',');
    expect(file.columns).toEqual({ name: 'Name', website: 'Website', number: 'Registration number', date: 'Date' });
    expect(file.rows).toEqual([{ line: 2, domain: 'good-pharmacy.example', number: 'GB-123', name: 'Good Pharmacy', date: '2024-03-01' }]);
  });

  it('reads a French export with semicolons, quotes, a byte-order mark and day-first dates', () => {
    const text = '\uFEFFRaison sociale;Site internet;N° d\'autorisation;Date d\'enregistrement\r\n"Pharmacie du Centre; SARL";pharmacie-centre.example;"FR-2019-001";31/12/2019\r\n';
    const file = read(text);
    expect(file.problems).toEqual([]);
    expect(file.delimiter).toBe(';');
    expect(file.rows).toEqual([{ line: 2, domain: 'pharmacie-centre.example', number: 'FR-2019-001', name: 'Pharmacie du Centre; SARL', date: '2019-12-31' }]);
  });

  it('reads a German export with tabs and dotted dates, and a Windows-1252 file', () => {
    const text = 'Apotheke\tWebseite\tRegistrierungsnummer\tDatum\nM\xfcller Apotheke\twww.mueller-apotheke.example\tDE-77\t01.02.2021\n';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const file = read(bytes);
    expect(file.problems).toEqual([]);
    expect(file.encoding).toBe('windows-1252');
    expect(file.delimiter).toBe('\t');
    expect(file.rows[0]).toEqual({ line: 2, domain: 'mueller-apotheke.example', number: 'DE-77', name: 'Müller Apotheke', date: '2021-02-01' });
  });

  it('needs no name or date column, but a website and a registration number', () => {
    expect(read('url|id\nshop.example|7\n').rows).toEqual([{ line: 2, domain: 'shop.example', number: '7', name: null, date: null }]);
    expect(read('Name,Registration number\nX,1\n').problems).toEqual([{ line: 1, message: 'no website column; the header has: "Name", "Registration number"' }]);
    expect(read('Name,Website\nX,x.example\n').problems).toEqual([{ line: 1, message: 'no registration number column; the header has: "Name", "Website"' }]);
    expect(read('').problems).toEqual([{ line: 0, message: 'the file is empty: a register export starts with a header line' }]);
    expect(read('Website,Number\n').problems).toEqual([{ line: 0, message: 'no pharmacy in the file: a register export lists at least one' }]);
  });

  it('reports every bad line with its number and what is wrong, keeping the good ones apart', () => {
    const text = [
      'Name,Website,Number,Date',
      'Good,good.example,1,2024-01-01',
      'Suffix,co.uk,2,2024-01-01',
      'Address,http://192.0.2.1/,3,2024-01-01',
      'No site,,4,2024-01-01',
      'No number,nonumber.example,,2024-01-01',
      'Bad date,baddate.example,6,2024-02-30',
      'Future,future.example,7,2027-01-01',
      'Twice,www.good.example,8,2024-01-01',
      'Broken,"unclosed.example,9,2024-01-01',
    ].join('\n');
    const file = read(text);
    expect(file.rows.map((r) => r.domain)).toEqual(['good.example']);
    expect(file.problems).toEqual([
      { line: 3, message: 'website: public-suffix: co.uk' },
      { line: 4, message: 'website: ip-address: http://192.0.2.1/' },
      { line: 5, message: 'no website' },
      { line: 6, message: 'no registration number' },
      { line: 7, message: 'date: not a date (write 2024-03-31 or 31/03/2024): 2024-02-30' },
      { line: 8, message: 'date: in the future: 2027-01-01' },
      { line: 9, message: 'duplicate: good.example is also on line 2' },
      { line: 10, message: 'a quoted field is never closed' },
    ]);
  });

  it('takes a column named exactly when the header is not recognised, and says when two headers could be one column', () => {
    expect(read('Adresse,Kennung\nshop.example,A1\n', { website: 'adresse', number: 'Kennung' }).rows).toEqual([
      { line: 2, domain: 'shop.example', number: 'A1', name: null, date: null },
    ]);
    expect(read('Website,URL,Number\na.example,b.example,1\n').problems).toEqual([
      { line: 1, message: 'both "Website" and "URL" could be the website column; name the one to use' },
    ]);
    expect(read('Website,URL,Number\na.example,b.example,1\n', { website: 'URL' }).rows[0]?.domain).toBe('b.example');
    expect(read('Website,Number\na.example,1\n', { date: 'Since' }).problems[0]?.message).toMatch(/^no column "Since" \(the date column asked for\)/);
  });
});

describe('register columns, dates and websites', () => {
  it.each([
    ['Site internet', 'website'],
    ['Nom de domaine', 'website'],
    ['Pharmacy website', 'website'],
    ['Sito web', 'website'],
    ['Date d’enregistrement', 'date'],
    ['Registration date', 'date'],
    ['Fecha de inscripción', 'date'],
    ['N°', 'number'],
    ['Numéro de licence', 'number'],
    ['Número de registro', 'number'],
    ['Registrierungsnummer', 'number'],
    ['Eintragungsdatum', 'date'],
    ['Apothekenname', 'name'],
    ['Internetseite', 'website'],
    ['Dénomination', 'name'],
    ['Nome farmacia', 'name'],
    ['Notes', null],
  ])('reads the header %s as %s', (header, column) => {
    expect(columnOf(header)).toBe(column);
  });

  it('maps a header with no usable column to the problems it has', () => {
    expect(mapColumns(['Notes', 'Comment']).problems).toHaveLength(2);
  });

  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024-03-01T10:00:00Z', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['1/3/2024', '2024-03-01'],
    ['01.03.2024', '2024-03-01'],
    ['01-03-2024', '2024-03-01'],
    ['29/02/2023', null],
    ['03/2024', null],
    ['yesterday', null],
  ])('reads the date %s as %s', (text, date) => {
    expect(parseRegisterDate(text)).toBe(date);
  });

  it.each([
    ['https://www.shop.example/products?x=1', { domain: 'shop.example' }],
    ['SHOP.Example', { domain: 'shop.example' }],
    ['shop.example.', { domain: 'shop.example' }],
    ['https://online.shop.example', { domain: 'online.shop.example' }],
    ['mailto:a@shop.example', { problem: 'website: not a web address: mailto:a@shop.example' }],
    ['blogspot.com', { problem: 'website: public-suffix: blogspot.com' }],
  ])('reads the website %s as %o', (website, expected) => {
    expect(websiteDomain(website)).toEqual(expected);
  });
});
