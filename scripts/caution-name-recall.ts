/**
 * Indicative figures for the name family (`npx tsx scripts/caution-name-recall.ts [--list]`):
 * how many names of the old community list of rogue pharmacies get a name signal, by rule and
 * brand kind, and how many of the legitimate domains do (must be none). Old data: many of these
 * names are dead, and the list was collected by keyword, so it says little about today's names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameSignals } from '../lib/caution/name';

const data = (path: string) => readFileSync(fileURLToPath(new URL(`../data/${path}`, import.meta.url)), 'utf8');
const rogue = data('sources/community-rogue-pharmacies-2020.txt').split('\n').map((l) => l.trim()).filter(Boolean);
const legit = data('caution/sources/legit-domains.csv').split('\n').slice(1).map((l) => l.split(',')[0]!.trim()).filter(Boolean);

const byRule = new Map<string, number>();
const byBrand = new Map<string, number>();
let hit = 0;
const hits: string[] = [];
for (const host of rogue) {
  const signals = nameSignals(host);
  if (signals.length === 0) continue;
  hit++;
  hits.push(`${host}\t${signals.map((s) => `${s.id}:${s.reason.subs.slice(-2, -1).join('')}`).join(' ')}`);
  const first = signals[0]!;
  byRule.set(first.id, (byRule.get(first.id) ?? 0) + 1);
  const brand = first.id === 'name.mixed-script' ? '(mixed scripts)' : first.reason.subs.at(-2)!;
  byBrand.set(brand, (byBrand.get(brand) ?? 0) + 1);
}
const legitHits = legit.filter((host) => nameSignals(host).length > 0 || nameSignals(`www.${host}`).length > 0);
console.log(`community rogue list: ${hit} of ${rogue.length} names get a name signal (${((100 * hit) / rogue.length).toFixed(1)}%)`);
console.log(`  by strongest rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  by brand: ${[...byBrand].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`legitimate domains: ${legitHits.length} of ${legit.length} get a name signal${legitHits.length ? `: ${legitHits.join(' ')}` : ''}`);
if (process.argv.includes('--list')) console.log(hits.join('\n'));
