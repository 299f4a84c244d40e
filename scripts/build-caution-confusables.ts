/**
 * Writes data/caution/confusables.json from Unicode's confusables.txt as the `unhomoglyph` package
 * ships it (data.json, version in its CHANGELOG). Run `npm run data:caution-confusables` after
 * upgrading that package; a unit test fails when the committed file and this conversion disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compactConfusables, serializeConfusables } from '../lib/caution/name/build/confusables';

export const CONFUSABLES_SOURCE = 'Unicode confusables.txt (UTS #39), as shipped in the npm package unhomoglyph 1.0.6 (data.json)';
export const CONFUSABLES_UNICODE_VERSION = '13.0.0';

export function confusablesFromPackage(): string {
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(readFileSync(require.resolve('unhomoglyph/data.json'), 'utf8')) as Record<string, string>;
  return serializeConfusables(compactConfusables(raw, CONFUSABLES_SOURCE, CONFUSABLES_UNICODE_VERSION));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../data/caution/confusables.json', import.meta.url));
  const text = confusablesFromPackage();
  writeFileSync(out, text);
  console.log(`wrote ${Object.keys((JSON.parse(text) as { map: object }).map).length} confusable characters to data/caution/confusables.json`);
}
