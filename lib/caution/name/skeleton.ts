/**
 * Unicode confusables for host labels (UTS #39): the skeleton, a Latin reading of an IDN label,
 * and mixed scripts. The mapping is Unicode's confusables.txt, cut at build time to the characters
 * whose prototype is ASCII letters, digits or "-" (`npm run data:caution-confusables`,
 * data/caution/confusables.json): a label whose skeleton keeps any other character cannot look
 * like a protected label, which is all ASCII. Normalisation, default-ignorables and scripts come
 * from the JavaScript engine's own Unicode data (String.prototype.normalize, \p{…}).
 */
import confusablesData from '../../../data/caution/confusables.json';
import { lazy } from '../lazy';

const PROTOTYPES: ReadonlyMap<string, string> = new Map(Object.entries(confusablesData.map));

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARK = /\p{M}/gu;
const NOT_ASCII = /[^\x00-\x7f]/;

/** What IDNA's mapping does to a label before it is compared (roughly UTS #46): no invisible characters, NFKC, lower case. */
export function prepareLabel(label: string): string {
  return label.replace(IGNORABLE, '').normalize('NFKC').toLowerCase();
}

function mapped(text: string, asciiToo: boolean): string {
  let out = '';
  for (const ch of text.normalize('NFD')) {
    const prototype = asciiToo || NOT_ASCII.test(ch) ? PROTOTYPES.get(ch) : undefined;
    out += prototype ?? ch;
  }
  return out.normalize('NFD');
}

/** UTS #39 skeleton (restricted to prototypes that matter here): equal skeletons look alike. */
export function skeleton(label: string): string {
  return mapped(label, true);
}

/**
 * How a person reads an IDN label if they take every look-alike letter for its Latin twin:
 * non-ASCII characters to their prototypes, accents dropped, lower case (`рfіzеr` → `pfizer`,
 * `wälgreens` → `walgreens`). ASCII stays as it is, so the result compares with plain labels.
 */
export function latinReading(label: string): string {
  return mapped(label, false).replace(MARK, '').toLowerCase();
}

/** Scripts that matter for look-alikes or for the CJK combinations that UTS #39 allows. */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Cherokee', 'Coptic', 'Deseret', 'Old_Italic', 'Gothic', 'Runic',
  'Ogham', 'Lisu', 'Vai', 'Canadian_Aboriginal', 'Tifinagh', 'Nko', 'Osage', 'Adlam', 'Han', 'Hiragana', 'Katakana',
  'Hangul', 'Bopomofo', 'Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala',
  'Ethiopic', 'Mongolian', 'Yi',
] as const;
const scriptTests = lazy(() => SCRIPTS.map((name) => ({ name, test: new RegExp(`\\p{Script_Extensions=${name}}`, 'u') })));
const SCRIPTLESS = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The scripts of one character, with UTS #39's augmentation (Han also counts as Japanese, Korean and Han with Bopomofo). */
function scriptsOf(ch: string): Set<string> | null {
  if (SCRIPTLESS.test(ch)) return null;
  const found = new Set<string>();
  for (const { name, test } of scriptTests()) if (test.test(ch)) found.add(name);
  if (found.size === 0) found.add('Other');
  if (found.has('Han')) for (const s of ['Jpan', 'Kore', 'Hanb']) found.add(s);
  if (found.has('Hiragana') || found.has('Katakana')) found.add('Jpan');
  if (found.has('Hangul')) found.add('Kore');
  if (found.has('Bopomofo')) found.add('Hanb');
  return found;
}

/** The scripts every character of `chars` belongs to; null when none has a script. */
function resolvedScripts(chars: readonly string[]): Set<string> | null {
  const each = chars.map(scriptsOf).filter((scripts): scripts is Set<string> => scripts !== null);
  if (each.length === 0) return null;
  return new Set([...each[0]!].filter((script) => each.every((scripts) => scripts.has(script))));
}

/**
 * True when one label mixes scripts beyond what UTS #39's "highly restrictive" level allows
 * (Latin with Japanese, Korean, or Han with Bopomofo): `pfіzer` with a Cyrillic "і" mixes Latin
 * and Cyrillic. Digits, hyphens and combining marks belong to no script and never count.
 */
export function mixesScripts(label: string): boolean {
  const chars = [...label];
  const all = resolvedScripts(chars);
  if (all === null || all.size > 0) return false;
  const notLatin = resolvedScripts(chars.filter((ch) => !scriptsOf(ch)?.has('Latin')));
  return !(notLatin !== null && ['Jpan', 'Kore', 'Hanb'].some((s) => notLatin.has(s)));
}
