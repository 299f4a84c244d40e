/**
 * Each language's guidance uses its glossary's terms (data/glossary/<code>.json): the Medicrime
 * Convention's title, "falsified medicinal products" as Directive 2011/62/EU says it in that
 * language, and the medical and legal words the guidance needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossarySchema, REQUIRED_TERMS } from '../../lib/guidance/glossary';
import { SPOKEN_LANGUAGES } from '../../lib/i18n/languages';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8')) as unknown;
const CODES = SPOKEN_LANGUAGES.map((l) => l.code);

/** Every string of a guidance file, joined, lowercased as the language lowercases. */
function guidanceText(code: string): string {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(read(`guidance/${code}.json`));
  return strings.join('\n').toLocaleLowerCase(code);
}

describe('the glossaries', () => {
  it('exist for every language Pharmacheck speaks, and no other', () => {
    const files = readdirSync(new URL('../../data/glossary', import.meta.url)).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual([...CODES].sort());
  });

  describe.each(CODES)('%s', (code) => {
    const parsed = glossarySchema.safeParse(read(`glossary/${code}.json`));

    it('is a valid glossary for its language, with the terms every glossary has', () => {
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.language).toBe(code);
      for (const key of REQUIRED_TERMS) expect(parsed.data?.terms).toHaveProperty(key);
    });

    it('is used by the guidance: every term, in one of its forms', () => {
      const text = guidanceText(code);
      const unused = Object.entries(parsed.data?.terms ?? {})
        .filter(([, term]) => !(term.forms ?? [term.term]).some((form) => text.includes(form.toLocaleLowerCase(code))))
        .map(([key, term]) => `${key}: ${term.term}`);
      expect(unused).toEqual([]);
    });

    it('has the Convention’s title and the Directive’s term word for word in the guidance', () => {
      const text = guidanceText(code);
      for (const key of ['medicrimeTitle', 'falsifiedMedicinalProducts'] as const) {
        expect(text, key).toContain(parsed.data!.terms[key]!.term.toLocaleLowerCase(code));
      }
    });
  });

  it('catches guidance that drops a term (the check can fail)', () => {
    const glossary = glossarySchema.parse(read('glossary/en.json'));
    const text = guidanceText('en').replaceAll('prescription', 'script');
    expect(text.includes(glossary.terms.prescription!.term)).toBe(false);
  });

  it('refuses an uncertain term without a note, and a glossary missing a required term', () => {
    const glossary = read('glossary/en.json') as { terms: Record<string, Record<string, unknown>> };
    const uncertain = structuredClone(glossary);
    uncertain.terms.prescription = { term: 'prescription', certain: false };
    expect(glossarySchema.safeParse(uncertain).success).toBe(false);
    const missing = structuredClone(glossary);
    delete missing.terms.falsifiedMedicinalProducts;
    expect(glossarySchema.safeParse(missing).success).toBe(false);
  });
});
