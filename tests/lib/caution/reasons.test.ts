import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASON_KEYS } from '../../../lib/caution';
import { englishReason } from '../../../lib/caution/node/english';

const locale = (lang: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;

describe('caution reasons', () => {
  it.each(['en', 'fr', 'de', 'it', 'es', 'ar'])('are all translated in %s, each its own text', (lang) => {
    const messages = locale(lang);
    const missing = REASON_KEYS.filter((key) => !messages[key]?.trim());
    expect(missing).toEqual([]);
    if (lang !== 'en') expect(REASON_KEYS.filter((key) => messages[key] === locale('en')[key])).toEqual([]);
  });

  it('read as English sentences with their substitutions', () => {
    expect(englishReason({ key: 'cautionLogoNotARegister', subs: ['verify.example'] })).toBe('Its EU common logo links to verify.example, which is not a national register of online pharmacies.');
    expect(englishReason({ key: 'cautionPageManyClasses', subs: ['5', 'a, b'] })).toBe('It offers 5 different kinds of prescription-only medicines at once (a, b).');
    expect(englishReason({ key: 'cautionPagePricePerPill', subs: ['$1 per pill'] })).toBe('It prices medicines per pill, as pharmacy spam does: “$1 per pill”.');
    expect(englishReason({ key: 'noSuchKey', subs: ['x'] })).toBe('noSuchKey: x');
  });
});
