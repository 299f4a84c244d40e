import { describe, expect, it } from 'vitest';
import { authoritiesFromCsv, CsvError, medicrimePartiesFromCsv, parseCsv, verificationStatus } from '../../../lib/guidance';
import { csvRecords } from '../../../lib/guidance/csv';
import { euLogoApplies, registerFrom, splitSources } from '../../../lib/guidance/convert';

const AUTHORITY_HEADER =
  'iso2,country,region,authority,website,report_url,online_pharmacy_register_url,eu_common_logo,medicrime_status,source,verification';
const PARTY_HEADER = 'iso2,country,status,signature_date,ratification_or_deposit_date,entry_into_force,source,notes,verification';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    expect(parseCsv('a,b,c\r\n1,"two, three","say ""hi"""\r\n"multi\nline",,x\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, three', 'say "hi"'],
      ['multi\nline', '', 'x'],
    ]);
  });

  it('reads a last line without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it.each([
    ['a,"never closed\n', 'line 1: a quoted field never ends'],
    ['a,"closed"then\n', 'line 1: text after a closing quote'],
    ['a,b\nx"y,2\n', 'line 2: a quote inside an unquoted field'],
  ])('refuses %j', (text, message) => {
    expect(() => parseCsv(text)).toThrow(new CsvError(message));
  });
});

describe('csvRecords', () => {
  it('refuses a file whose columns are not the expected ones', () => {
    expect(() => csvRecords('iso2,name\nFR,France\n', ['iso2', 'country'])).toThrow('expected the columns iso2,country, found iso2,name');
    expect(() => csvRecords('', ['iso2'])).toThrow('found nothing');
  });

  it('refuses a row with too few or too many fields, naming the row', () => {
    expect(() => csvRecords('iso2,country\nFR,France\nDE\n', ['iso2', 'country'])).toThrow('row 3 has 1 fields, expected 2');
  });
});

describe('verificationStatus', () => {
  it.each([
    ['verified', 'verified'],
    ['verified (report_url is the Swissmedic hub page that links the reporting form)', 'verified'],
    ['verified (CoE news)', 'verified'],
    ['verified (register); ANSM website URL from researcher knowledge', 'partly-verified'],
    ['verified (authority/website only)', 'partly-verified'],
    ['verified (current BfArM-hosted register URL not captured)', 'partly-verified'],
    ['verified (register PDF URL quoted by a third-party article)', 'partly-verified'],
    ['verified (CoE news) for deposit; EIF from RAPSI', 'partly-verified'],
    ['authority role verified (secondary); website URL unverified', 'partly-verified'],
    ['partly verified', 'partly-verified'],
    ['UNVERIFIED (researcher knowledge; not confirmed against a source in this session) (Medicrime status verified)', 'unverified'],
    ['unverified', 'unverified'],
    ['secondary source', 'unverified'],
    ['authority not found', 'unverified'],
    ['', 'unverified'],
  ])('reads %j as %s', (note, status) => {
    expect(verificationStatus(note)).toBe(status);
  });
});

describe('the column helpers', () => {
  it('split sources on " ; " only', () => {
    expect(splitSources('https://a.example/x?a=1;b=2 ; https://b.example (a page) ; ')).toEqual(['https://a.example/x?a=1;b=2', 'https://b.example (a page)']);
    expect(splitSources('')).toEqual([]);
  });

  it('take the register address and keep what the source says about it', () => {
    expect(registerFrom('https://www.dimdi.de/x/ (legacy DIMDI URL; logo links resolve elsewhere)')).toEqual({
      url: 'https://www.dimdi.de/x/',
      note: 'legacy DIMDI URL; logo links resolve elsewhere',
    });
    expect(registerFrom('https://safe.pharmacy')).toEqual({ url: 'https://safe.pharmacy', note: null });
    expect(registerFrom('')).toBeNull();
  });

  it.each<[string, boolean | null]>([
    ['yes', true],
    ['yes (national logo linked to Ministry list)', true],
    ['no (mail order needs cantonal permit)', false],
    ['no longer in GB since Brexit (unverified); legacy', false],
    ['n/a', false],
    ['', null],
    ['maybe', null],
  ])('read the EU logo column %j as %s', (value, applies) => {
    expect(euLogoApplies(value)).toBe(applies);
  });
});

describe('authoritiesFromCsv', () => {
  const row = (fields: Partial<Record<string, string>>) => {
    const base: Record<string, string> = {
      iso2: 'XA', country: 'Example', region: 'EU', authority: 'Agency', website: 'https://agency.example',
      report_url: '', online_pharmacy_register_url: '', eu_common_logo: 'yes', medicrime_status: '', source: '', verification: 'verified',
    };
    const merged = { ...base, ...fields };
    return `${AUTHORITY_HEADER}\n${AUTHORITY_HEADER.split(',').map((c) => `"${merged[c]}"`).join(',')}\n`;
  };

  it('converts a row, empty fields to null', () => {
    expect(authoritiesFromCsv(row({}))).toEqual([
      {
        iso2: 'XA', country: 'Example', region: 'EU', authority: 'Agency', website: 'https://agency.example', reportUrl: null,
        register: null, euCommonLogo: 'yes', euCommonLogoApplies: true, medicrimeStatus: null, source: [], verification: 'verified',
        verificationStatus: 'verified',
      },
    ]);
  });

  it.each([
    [{ website: 'www.agency.example' }, 'authorities.csv: row 2: website is not a valid url'],
    [{ report_url: 'javascript:alert(1)' }, 'authorities.csv: row 2: reportUrl is not a valid url'],
    [{ online_pharmacy_register_url: 'see the agency' }, 'authorities.csv: row 2: register.url is not a valid url'],
    [{ iso2: 'France' }, 'authorities.csv: row 2: iso2'],
    [{ region: 'Europe' }, 'authorities.csv: row 2: region should be one of'],
    [{ verification: '' }, 'authorities.csv: row 2: verification is too short'],
  ])('refuses a bad row (%j) with its row number', (fields, message) => {
    expect(() => authoritiesFromCsv(row(fields))).toThrow(message);
  });

  it('refuses two rows for one country', () => {
    const csv = row({});
    expect(() => authoritiesFromCsv(csv + csv.split('\n')[1] + '\n')).toThrow('row 3: iso2 duplicate country XA');
  });
});

describe('medicrimePartiesFromCsv', () => {
  const row = (status: string, date: string) => `${PARTY_HEADER}\nXA,Example,${status},${date},,,https://coe.example,,verified\n`;

  it('converts a row with its dates', () => {
    expect(medicrimePartiesFromCsv(row('signed', '2011-10-28'))[0]).toMatchObject({ status: 'signed', signatureDate: '2011-10-28', ratificationDate: null });
  });

  it('refuses a status it does not know, rather than guess what it means', () => {
    expect(() => medicrimePartiesFromCsv(row('acceded', ''))).toThrow('medicrime-parties.csv: row 2: status should be one of');
  });

  it('refuses a date that is not a date', () => {
    expect(() => medicrimePartiesFromCsv(row('signed', '28/10/2011'))).toThrow('row 2: signatureDate is not a valid date');
  });
});
