import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OLDER_HOSTS, registersFromCsv, registersJson } from '../../lib/caution/registers/convert';
import { registersSchema } from '../../lib/caution/registers/schema';
import { parseCsv } from '../../lib/guidance';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const read = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const authoritiesCsv = read('sources/authorities.csv');
const euCsv = read('sources/eu-registers.csv');
const committed = read('caution/registers.json');
const registers = registersSchema.parse(JSON.parse(committed));

describe('data/caution/registers.json', () => {
  it('is the conversion of its CSVs, byte for byte (run npm run data:registers after changing a CSV)', () => {
    expect(committed).toBe(registersJson(registersFromCsv(authoritiesCsv, euCsv)));
  });

  it('has every register host that eu-registers.csv names, with the row’s verification', () => {
    for (const row of parseCsv(euCsv).slice(1)) {
      const [iso2, , , host, , , verification] = row as [string, string, string, string, string, string, string];
      if (!host) continue;
      const register = registers.find((r) => r.country === iso2);
      expect(register?.hosts, iso2).toContain(host);
      expect(register?.verification, iso2).toBe(verification);
    }
  });

  it('keeps the older hosts that older logos link to', () => {
    for (const [iso2, hosts] of Object.entries(OLDER_HOSTS)) {
      expect(registers.find((r) => r.country === iso2)?.hosts, iso2).toEqual(expect.arrayContaining([...hosts]));
    }
    expect(registers.find((r) => r.country === 'DE')?.hosts).toContain('versandhandel.dimdi.de');
  });

  it('refuses an older host that its source row no longer mentions', () => {
    const edited = euCsv.replace('legemiddelverket.no', 'elsewhere.example');
    expect(() => registersFromCsv(authoritiesCsv, edited)).toThrow(/NO: the sources no longer mention the older logo host legemiddelverket\.no/);
  });

  it('refuses a register row for a country the authorities file does not have', () => {
    const extra = `${euCsv.trimEnd()}\nZZ,Nowhere,https://register.example/,register.example,,,VERIFIED,2026-12-01\n`;
    expect(() => registersFromCsv(authoritiesCsv, extra)).toThrow(/ZZ is not in authorities\.csv/);
  });

  it('refuses a verification that is not VERIFIED, SECONDARY or INFERRED', () => {
    const bad = euCsv.replace(/,VERIFIED,2026-12-01/, ',PROBABLY,2026-12-01');
    expect(() => registersFromCsv(authoritiesCsv, bad)).toThrow(/verification/);
  });

  it('covers the EU and EEA countries whose register has a known host, and keeps those without one out', () => {
    const countries = registers.map((r) => r.country);
    for (const iso2 of ['AT', 'BE', 'CZ', 'DE', 'DK', 'ES', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE', 'NO']) expect(countries).toContain(iso2);
    for (const iso2 of ['GR', 'LU', 'RO', 'SI', 'LI', 'CH']) expect(countries).not.toContain(iso2);
  });
});
