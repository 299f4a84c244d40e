import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authoritiesFromCsv, medicrimePartiesFromCsv, parseCsv, toDataJson, type Authority, type MedicrimeParty } from '../../lib/guidance';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const read = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const authoritiesCsv = read('sources/authorities.csv');
const partiesCsv = read('sources/medicrime-parties.csv');
const authorities = JSON.parse(read('authorities.json')) as Authority[];
const parties = JSON.parse(read('medicrime-parties.json')) as MedicrimeParty[];

describe('data/authorities.json and data/medicrime-parties.json', () => {
  it('are the conversion of their CSVs, byte for byte (run npm run data:guidance after changing a CSV)', () => {
    expect(read('authorities.json')).toBe(toDataJson(authoritiesFromCsv(authoritiesCsv)));
    expect(read('medicrime-parties.json')).toBe(toDataJson(medicrimePartiesFromCsv(partiesCsv)));
  });

  it('keep one record for each row of the sources', () => {
    expect(authorities.map((a) => a.iso2)).toEqual(parseCsv(authoritiesCsv).slice(1).map((row) => row[0]));
    expect(parties.map((p) => p.iso2)).toEqual(parseCsv(partiesCsv).slice(1).map((row) => row[0]));
  });

  it('keep the sources and the verification note of every row, word for word', () => {
    const rows = parseCsv(authoritiesCsv).slice(1);
    authorities.forEach((authority, i) => {
      expect(authority.verification).toBe(rows[i]![10]);
      expect(authority.source.join(' ; ')).toBe(rows[i]![9]);
    });
  });

  it('never mark a row verified that its note calls UNVERIFIED, or that it reserves', () => {
    for (const record of [...authorities, ...parties]) {
      if (/^unverified/i.test(record.verification)) expect(record.verificationStatus).toBe('unverified');
      if (/unverified|not captured|not found|secondary/i.test(record.verification)) expect(record.verificationStatus).not.toBe('verified');
    }
    // The two reporting pages in the data: one reserved (GB's note doubts the EU logo), one verified (CH).
    const withReportPage = authorities.filter((a) => a.reportUrl).map((a) => [a.iso2, a.verificationStatus]);
    expect(withReportPage).toEqual([['GB', 'partly-verified'], ['CH', 'verified']]);
  });
});
