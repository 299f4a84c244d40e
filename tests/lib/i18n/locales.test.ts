/**
 * Every language Pharmacheck speaks, in both catalogue sets (the extension's locales/ and the
 * toolkit's locales/toolkit/): the keys English has and no other, messages that parse, the same
 * arguments as English, the plural forms the language needs, and no English left behind. A new
 * language file is checked by these tests as soon as it is added (docs/translating.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEDICRIME_STATUSES, VERIFICATION_STATUSES } from '../../../lib/guidance';
import { argumentsOf, pluralBranches, type Node } from '../../../lib/i18n/format';
import { LANGUAGES, SPOKEN_LANGUAGES, type Language } from '../../../lib/i18n/languages';
import { browserLocaleFiles } from '../../../lib/i18n/manifest';
import { CATEGORIES, PUBLISHER_TYPES } from '../../../lib/lists';
import { MEDICRIME_STATUS_KEYS } from '../../../lib/ui/guidance/MedicrimeStatus';
import { allowlist, languagesIn, messages, placeholders, readJson, ROOT, SETS, source, tryParse } from './catalogues';

const CODES = (LANGUAGES as readonly Language[]).map((l) => l.code);

/** The plural categories a language uses for whole numbers people see (0 to 200). */
function categoriesFor(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  return [...new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))].sort();
}

/** Words that are English and not French, German, Italian or Spanish: one left in a translation is a leftover. */
const ENGLISH_WORDS = ['the', 'and', 'your', 'this', 'with', 'you', 'from', 'what', 'when', 'which', 'there', 'cannot', 'been', 'will', 'could'];

function englishWordsIn(text: string): string[] {
  let rest = text;
  for (const term of allowlist.terms) rest = rest.replaceAll(term, ' ');
  rest = rest.replace(/\{[^{}]*\}/g, ' ');
  const words = rest.toLowerCase().split(/[^\p{L}]+/u);
  return [...new Set(words.filter((w) => ENGLISH_WORDS.includes(w)))];
}

describe.each(SETS)('the $name catalogues', (set) => {
  const present = languagesIn(set);
  const english = messages(set, 'en');

  it('include English, and only languages lib/i18n/languages.ts knows', () => {
    expect(present).toContain('en');
    expect(present.filter((code) => !CODES.includes(code))).toEqual([]);
    // The pseudo-locale is made from English at test time, never written by hand.
    expect(present).not.toContain('en-XA');
  });

  it('describe every English message for translators, and declare exactly the placeholders each uses', () => {
    const english_ = source(set, 'en');
    const wrong = Object.entries(english).flatMap(([key, message]) => {
      const meta = english_[`@${key}`] as { description?: string } | undefined;
      const parsed = tryParse(message);
      const used = typeof parsed === 'string' ? [] : [...argumentsOf(parsed).keys()].sort();
      const declared = [...placeholders(set, key)].sort();
      return [
        ...(meta?.description?.trim() ? [] : [`${key}: no description`]),
        ...(used.join() === declared.join() ? [] : [`${key}: uses [${used.join()}], declares [${declared.join()}]`]),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('count only through plural forms: an argument named count is always a plural', () => {
    const wrong = Object.entries(english).filter(([, message]) => {
      const parsed = tryParse(message);
      return typeof parsed !== 'string' && argumentsOf(parsed).get('count') === 'text';
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  describe.each(present)('%s', (language) => {
    const own = messages(set, language);

    it('says which language it is', () => {
      expect(source(set, language)['@@locale']).toBe(language);
    });

    it("has exactly English's keys", () => {
      const missing = Object.keys(english).filter((key) => !Object.hasOwn(own, key));
      const extra = Object.keys(own).filter((key) => !Object.hasOwn(english, key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has no empty message, and every message parses', () => {
      const wrong = Object.entries(own).flatMap(([key, message]) => {
        if (message.trim() === '') return [`${key}: empty`];
        const parsed = tryParse(message);
        return typeof parsed === 'string' ? [`${key}: ${parsed}`] : [];
      });
      expect(wrong).toEqual([]);
    });

    it("uses English's arguments, each the same way (a plural stays a plural)", () => {
      const shape = (message: string) => {
        const parsed = tryParse(message);
        return typeof parsed === 'string' ? parsed : JSON.stringify([...argumentsOf(parsed)].sort());
      };
      const wrong = Object.keys(english).filter((key) => Object.hasOwn(own, key) && shape(own[key]!) !== shape(english[key]!));
      expect(wrong).toEqual([]);
    });

    it(`gives every plural the forms ${language} needs, and none it has not`, () => {
      const needed = categoriesFor(language);
      const known = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
      const wrong = Object.entries(own).flatMap(([key, message]) => {
        const parsed = tryParse(message);
        if (typeof parsed === 'string') return [];
        return pluralBranches(parsed as Node[]).flatMap((branches) => {
          const lacking = needed.filter((c) => !branches.includes(c));
          const foreign = branches.filter((b) => !b.startsWith('=') && !known.has(b as Intl.LDMLPluralRule));
          return lacking.length + foreign.length === 0 ? [] : [`${key}: lacks [${lacking.join()}], has foreign [${foreign.join()}]`];
        });
      });
      expect(wrong).toEqual([]);
    });

    if (language !== 'en') {
      it('leaves no English: no message equal to English unless allowlisted, no English words', () => {
        const allowed = { ...allowlist.everywhere, ...(set.name === 'extension' ? allowlist.languages[language] : {}) };
        const same = Object.keys(own).filter((key) => own[key] === english[key] && !Object.hasOwn(allowed, key));
        const words = Object.entries(own)
          .map(([key, message]) => [key, englishWordsIn(message)] as const)
          .filter(([, found]) => found.length > 0)
          .map(([key, found]) => `${key}: ${found.join(', ')}`);
        expect({ same, words }).toEqual({ same: [], words: [] });
      });
    }
  });
});

describe('the extension catalogues', () => {
  it('exist for every language a person can choose', () => {
    expect(SPOKEN_LANGUAGES.map((l) => l.code).filter((code) => !languagesIn(SETS[0]!).includes(code))).toEqual([]);
  });

  it('allowlist only keys English has, each with its reason', () => {
    const english = messages(SETS[0]!, 'en');
    const entries = [...Object.entries(allowlist.everywhere), ...Object.values(allowlist.languages).flatMap((l) => Object.entries(l))];
    expect(entries.filter(([key, reason]) => !Object.hasOwn(english, key) || reason.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('write the browser its manifest strings exactly as npm run i18n:sync makes them', () => {
    const expected = browserLocaleFiles(join(ROOT, 'locales'));
    const dirs = readdirSync(join(ROOT, 'public/_locales')).sort();
    expect(dirs).toEqual([...expected.keys()].sort());
    for (const [dir, file] of expected) expect(readJson(join(ROOT, 'public/_locales', dir, 'messages.json'))).toEqual(file);
  });

  it('give the browser only locales the Chrome Web Store accepts', () => {
    // developer.chrome.com/docs/webstore/i18n, "Choose locales to support"; Firefox accepts these too.
    const chrome = 'ar am bg bn ca cs da de el en en_GB en_US es es_419 et fa fi fil fr gu he hi hr hu id it ja kn ko lt lv ml mr ms nl no pl pt_BR pt_PT ro ru sk sl sr sv sw ta te th tr uk vi zh_CN zh_TW'.split(' ');
    const used = (LANGUAGES as readonly Language[]).flatMap((l) => (l.browserLocale ? [l.browserLocale] : []));
    expect(used.filter((locale) => !chrome.includes(locale))).toEqual([]);
  });

  it("fit the stores' limits for the name (75) and description (132)", () => {
    for (const code of languagesIn(SETS[0]!)) {
      const own = messages(SETS[0]!, code);
      expect(own.extName!.length, code).toBeLessThanOrEqual(75);
      expect(own.extDescription!.length, code).toBeLessThanOrEqual(132);
    }
  });
});

/** Every .ts/.tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the English extension catalogue', () => {
  const english = messages(SETS[0]!, 'en');

  it('has every key the code asks for by name', () => {
    const used = new Map<string, string>();
    for (const file of [...sourceFiles(join(ROOT, 'lib')), ...sourceFiles(join(ROOT, 'entrypoints'))]) {
      if (file.includes('/toolkit/')) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:t|tParts|startPage)\(\s*(['"`])([^'"`$]+)\1|\bk=(['"])([^'"]+)\3/g)) {
        used.set(match[2] ?? match[4]!, relative(ROOT, file));
      }
    }
    // The scan has to find the keys, or this test proves nothing.
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter(([key]) => !Object.hasOwn(english, key)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  it.each(CATEGORIES)('has a label for the category %s', (category) => {
    expect(english).toHaveProperty(`category_${category.replaceAll('-', '_')}`);
  });

  it.each(PUBLISHER_TYPES)('has a label for the publisher type %s', (type) => {
    expect(english).toHaveProperty(`publisherType_${type}`);
  });

  it.each(['listed', 'caution', 'verified', 'unknown'])('has a label for the verdict %s', (kind) => {
    expect(english).toHaveProperty(`verdictLabel_${kind}`);
  });

  // Keys the guidance builds from data, which the scan of t('…') calls above cannot see.
  it.each(VERIFICATION_STATUSES)('has a label for the verification status %s', (status) => {
    expect(english).toHaveProperty(`verification_${status.replace('-', '_')}`);
  });

  it.each(MEDICRIME_STATUSES)('has a sentence for the Medicrime status %j', (status) => {
    expect(english).toHaveProperty(MEDICRIME_STATUS_KEYS[status]);
  });
});
