import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuidanceDataError, loadCountryData, loadGuidance, type FetchJson } from '../../../lib/guidance';
import { copy, readJson } from './helpers';

/** Serves the repository's data/ files, with some replaced or missing. */
function fetchFrom(overrides: Record<string, unknown> = {}, missing: string[] = []): FetchJson & { asked: string[] } {
  const asked: string[] = [];
  const fetchJson = async (path: string) => {
    asked.push(path);
    if (missing.includes(path)) throw new Error('HTTP 404');
    return Object.hasOwn(overrides, path) ? overrides[path] : readJson(path);
  };
  return Object.assign(fetchJson, { asked });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadGuidance', () => {
  it("reads only the person's language", async () => {
    const fetchJson = fetchFrom();
    const guidance = await loadGuidance('fr', fetchJson);
    expect(guidance.language).toBe('fr');
    expect(guidance.guide.title).toBe('Acheter des médicaments en ligne en toute sécurité');
    expect(fetchJson.asked).toEqual(['guidance/fr.json']);
  });

  it("falls back to English when the language's file is broken, and says why in the console", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = copy(readJson('guidance/de.json')) as { risks?: unknown };
    delete broken.risks;
    const guidance = await loadGuidance('de', fetchFrom({ 'guidance/de.json': broken }));
    expect(guidance.language).toBe('en');
    expect(String(error.mock.calls[0]?.[0])).toContain('guidance/de.json is invalid: risks is missing');
  });

  it("falls back to English when the language's file cannot be read", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await loadGuidance('it', fetchFrom({}, ['guidance/it.json']))).language).toBe('en');
  });

  it('fails with the reason when English itself is broken', async () => {
    const broken = { ...copy(readJson('guidance/en.json') as object), language: 'fr' };
    await expect(loadGuidance('en', fetchFrom({ 'guidance/en.json': broken }))).rejects.toThrow(
      new GuidanceDataError('guidance/en.json is invalid: language is fr, expected en'),
    );
    await expect(loadGuidance('en', fetchFrom({}, ['guidance/en.json']))).rejects.toThrow('guidance/en.json could not be read: HTTP 404');
  });
});

describe('loadCountryData', () => {
  it('reads and checks the authorities and the Medicrime records', async () => {
    const data = await loadCountryData(fetchFrom());
    expect(data.authorities.find((a) => a.iso2 === 'FR')?.authority).toMatch(/^ANSM/);
    expect(data.parties.find((p) => p.iso2 === 'CH')?.entryIntoForce).toBe('2019-02-01');
  });

  it('refuses an authorities file with a reporting link that is not a web address', async () => {
    const authorities = copy(readJson('authorities.json')) as { reportUrl: string | null }[];
    authorities[0]!.reportUrl = 'javascript:alert(1)';
    await expect(loadCountryData(fetchFrom({ 'authorities.json': authorities }))).rejects.toThrow(
      'authorities.json is invalid: 0.reportUrl is not a valid url',
    );
  });

  it('refuses a record without its verification status, so nothing unverified can pass as checked', async () => {
    const parties = copy(readJson('medicrime-parties.json')) as { verificationStatus?: string }[];
    delete parties[3]!.verificationStatus;
    await expect(loadCountryData(fetchFrom({ 'medicrime-parties.json': parties }))).rejects.toThrow(
      'medicrime-parties.json is invalid: 3.verificationStatus is missing',
    );
  });

  it('refuses two records for one country', async () => {
    const authorities = copy(readJson('authorities.json')) as object[];
    authorities.push(authorities[0]!);
    await expect(loadCountryData(fetchFrom({ 'authorities.json': authorities }))).rejects.toThrow('duplicate country AT');
  });

  it('fails with the file name when a file is missing', async () => {
    await expect(loadCountryData(fetchFrom({}, ['medicrime-parties.json']))).rejects.toThrow('medicrime-parties.json could not be read');
  });
});
