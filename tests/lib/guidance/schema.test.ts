import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDANCE_CATEGORIES, parseGuidance, VERDICTS, type Guidance, type GuidanceLanguage, type GuidanceVerdict } from '../../../lib/guidance';
import { SPOKEN_LANGUAGES } from '../../../lib/i18n/languages';
import { CATEGORIES } from '../../../lib/lists';
import type { VerdictKind } from '../../../lib/verdict';
import { copy, readJson, ROOT } from './helpers';

const english = readJson('guidance/en.json') as Guidance;
// Every language a person can choose; the pseudo-locale's guidance is made from English by the tests.
const SHIPPED = SPOKEN_LANGUAGES.map((l) => l.code) as GuidanceLanguage[];

// Does not compile when the verdicts and lib/verdict's kinds drift apart.
const sameVerdicts: [VerdictKind, GuidanceVerdict] extends [GuidanceVerdict, VerdictKind] ? true : never = true;

/** Every string a person reads, with where it is. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
  return [];
}

const URL_OR_CODE = /^(https:|[a-z]{2}$)/;

describe('the shipped guidance files', () => {
  it('exist for exactly the languages the extension has message catalogues for', () => {
    const files = readdirSync(`${ROOT}data/guidance`).map((f) => f.replace(/\.json$/, '')).sort();
    const locales = readdirSync(`${ROOT}locales`).filter((f) => /^[a-zA-Z-]+\.json$/.test(f) && f !== 'allowlist.json').map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual([...SHIPPED].sort());
    expect(locales).toEqual(files);
  });

  it.each(SHIPPED)('accepts %s', (language) => {
    expect(parseGuidance(readJson(`guidance/${language}.json`), language).language).toBe(language);
  });

  it.each(SHIPPED)('gives every category in %s the same Medicrime articles as English (facts do not change with the language)', (language) => {
    const guidance = parseGuidance(readJson(`guidance/${language}.json`), language);
    for (const category of GUIDANCE_CATEGORIES) expect(guidance.categories[category].articles).toEqual(english.categories[category].articles);
  });

  it.each(SHIPPED)('links %s to the Council of Europe only', (language) => {
    const { law } = parseGuidance(readJson(`guidance/${language}.json`), language);
    expect(law.conventionUrl).toMatch(/^https:\/\/www\.coe\.int\/(en|fr)\/web\/medicrime$/);
    expect(law.treatyUrl).toMatch(/^https:\/\/www\.coe\.int\/(en|fr)\/web\/conventions\/full-list\?module=treaty-detail&treatynum=211$/);
  });

  it.each(SHIPPED)('writes %s in short sentences (plain language: at most 30 words)', (language) => {
    const guidance = readJson(`guidance/${language}.json`);
    const long = texts(guidance)
      .filter(([path, text]) => path !== 'law.conventionName' && !URL_OR_CODE.test(text))
      .flatMap(([path, text]) => text.split(/(?<=[.!?:])\s+/).map((sentence) => [path, sentence] as const))
      .filter(([, sentence]) => sentence.split(/\s+/).length > 30);
    expect(long).toEqual([]);
  });

  it.each(SHIPPED)('quotes the Medicrime article numbers the issue names in %s', (language) => {
    const { law } = parseGuidance(readJson(`guidance/${language}.json`), language);
    expect(Object.keys(law.articles).sort()).toEqual(['13', '19', '20', '5', '6', '7', '8']);
    expect(law.conventionName).toMatch(/211/);
  });
});

describe('the guidance schema', () => {
  it('knows the same list categories as the list format', () => {
    expect([...GUIDANCE_CATEGORIES]).toEqual([...CATEGORIES]);
    expect(sameVerdicts).toBe(true);
    expect([...VERDICTS].sort()).toEqual(['caution', 'listed', 'unknown', 'verified']);
  });

  it('refuses a file with a missing field, and names the field', () => {
    const broken = copy(english) as unknown as { verdicts: { caution: Partial<Guidance['verdicts']['caution']> } };
    delete broken.verdicts.caution.action;
    expect(() => parseGuidance(broken, 'en')).toThrow('guidance/en.json is invalid: verdicts.caution.action is missing');
  });

  it('refuses a file that lacks a whole category', () => {
    const broken = copy(english) as unknown as { categories: Partial<Guidance['categories']> };
    delete broken.categories.fraud;
    expect(() => parseGuidance(broken, 'en')).toThrow('categories.fraud is missing');
  });

  it('refuses an unknown field rather than ignore it', () => {
    const broken = { ...copy(english), extra: 'surprise' };
    expect(() => parseGuidance(broken, 'en')).toThrow('(the file) has unknown field(s) extra');
  });

  it('refuses a file in another language than the one asked for', () => {
    expect(() => parseGuidance(readJson('guidance/fr.json'), 'en')).toThrow('language is fr, expected en');
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://www.coe.int/en/web/medicrime'],
    ['not a url'],
  ])('refuses a Convention link that is not an https address (%s)', (url) => {
    const broken = copy(english);
    broken.law.conventionUrl = url;
    expect(() => parseGuidance(broken, 'en')).toThrow('law.conventionUrl is not a valid url');
  });

  it('refuses an article the Convention guidance does not cover', () => {
    const broken = copy(english) as unknown as { categories: { fraud: { articles: string[] } } };
    broken.categories.fraud.articles = ['9'];
    expect(() => parseGuidance(broken, 'en')).toThrow('categories.fraud.articles.0 should be one of');
  });

  it('refuses empty texts and empty lists', () => {
    const empty = copy(english);
    empty.alreadyBought.steps = [];
    expect(() => parseGuidance(empty, 'en')).toThrow('alreadyBought.steps is too short');
    const blank = copy(english);
    blank.risks.heading = '';
    expect(() => parseGuidance(blank, 'en')).toThrow('risks.heading is too short');
  });

  it('refuses a wall of text', () => {
    const long = copy(english);
    long.report.emergency = 'word '.repeat(200);
    expect(() => parseGuidance(long, 'en')).toThrow('report.emergency is too long');
  });

  it.each([[null], ['guidance'], [[]], [42]])('refuses %j as a guidance file', (value) => {
    expect(() => parseGuidance(value, 'en')).toThrow('guidance/en.json is invalid: (the file) should be object');
  });
});
