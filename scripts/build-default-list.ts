/**
 * Converts the community source list (data/sources/…txt, provenance in data/README.md) into the
 * bundled list file. Run `npm run data:default-list` after changing the source; a unit test fails
 * when the committed JSON and this conversion disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultListFromSource } from '../data/default-list';
import { serializeList } from '../lib/lists';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = readFileSync(`${root}data/sources/community-rogue-pharmacies-2020.txt`, 'utf8');
const { list, problems } = defaultListFromSource(source);
for (const p of problems) console.warn(`line ${p.line}: ${p.problem}: ${p.text}`);
writeFileSync(`${root}data/lists/community-rogue-pharmacies.json`, serializeList(list));
console.log(`wrote ${list.entries.length} entries (${problems.length} lines skipped)`);
