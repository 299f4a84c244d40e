/**
 * The caution verdict's name family (nameSignals) against two baselines measured side by side in
 * one run, on the same hosts: the registrable domain looked up in a Set (tldts, then Set.has: the
 * least any per-host check does) and Set.has(host) alone. Host mixes: ordinary sites (the test
 * fixture), the old community list of rogue pharmacies, IDN lookalikes, and hostile hosts (63-letter
 * labels of shop words, long hosts). Rounds alternate between contenders so machine noise hits all
 * alike; each round gets fresh copies of the host strings. Run alone with
 * `node --import tsx bench/caution-name.ts [--quick]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'tldts';
import { nameSignals, bundledBrandIndex } from '../lib/caution/name';
import { median } from './stats';
import { freshCopies, random } from './synthetic';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function lines(path: string): string[] {
  return readFileSync(`${ROOT}${path}`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function idnHosts(count: number): string[] {
  const rnd = random(11);
  const brands = ['pfizer', 'walgreens', 'ozempic', 'novartis', 'sanofi', 'example', 'pharmacy', 'apotheke'];
  const swaps: Record<string, string> = { a: 'а', e: 'е', o: 'о', i: 'і', p: 'р', c: 'с' };
  const out: string[] = [];
  while (out.length < count) {
    const word = brands[Math.floor(rnd() * brands.length)]!;
    const letters = [...word].map((ch) => (swaps[ch] && rnd() < 0.4 ? swaps[ch] : ch)).join('');
    out.push(new URL(`http://${letters}${rnd() < 0.5 ? '-shop' : ''}.com/`).hostname);
  }
  return out;
}

function hostileHosts(): string[] {
  return [
    `${'shop'.repeat(15)}rx.com`,
    `${'pharmacy-'.repeat(5)}walgreens-rx-shop1.com`,
    `${'e-'.repeat(31)}e.com`,
    `${'a'.repeat(63)}.com`,
    `${'abcdefghi.'.repeat(24)}example.com`,
    `${'rx24'.repeat(15)}.net`,
    new URL(`http://${'аеоісх'.repeat(10)}.com/`).hostname,
  ];
}

type Contender = { name: string; run: (host: string) => number };

function timeRound(run: Contender['run'], hosts: readonly string[]): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const host of hosts) sink += run(host);
  const ns = Number(process.hrtime.bigint() - start);
  if (sink < 0) throw new Error('unreachable');
  return (hosts.length / ns) * 1e9;
}

export interface CautionNameResult {
  rows: { mix: string; hosts: number; flagged: number; perSecond: Record<string, number> }[];
}

export function benchCautionName(repeat: number, rounds = 7): CautionNameResult {
  const index = bundledBrandIndex();
  const allow = index.allow;
  const contenders: Contender[] = [
    { name: 'nameSignals', run: (h) => nameSignals(h).length },
    { name: 'tldts + Set.has(domain)', run: (h) => (allow.has(parse(h, { allowPrivateDomains: true, extractHostname: false }).domain ?? '') ? 1 : 0) },
    { name: 'Set.has(host)', run: (h) => (allow.has(h) ? 1 : 0) },
  ];
  const mixes: [string, string[]][] = [
    ['ordinary sites', lines('tests/lib/caution/name/fixtures/ordinary-domains.txt')],
    ['rogue list (2020)', lines('data/sources/community-rogue-pharmacies-2020.txt')],
    ['IDN lookalikes', idnHosts(2_000)],
    ['hostile hosts', hostileHosts()],
  ];
  const rows: CautionNameResult['rows'] = [];
  for (const [mix, base] of mixes) {
    const hosts = Array.from({ length: Math.max(1, Math.ceil((repeat * 1000) / base.length)) }, () => base).flat();
    const speeds = contenders.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      contenders.forEach((c, i) => speeds[i]!.push(timeRound(c.run, freshCopies(hosts))));
    }
    rows.push({
      mix,
      hosts: base.length,
      flagged: base.filter((h) => nameSignals(h).length > 0).length,
      perSecond: Object.fromEntries(contenders.map((c, i) => [c.name, median(speeds[i]!)])),
    });
  }
  return { rows };
}

export function printCautionName(result: CautionNameResult): void {
  console.log('\nCaution name signals (median of rounds, fresh host strings)');
  for (const row of result.rows) {
    const ours = row.perSecond.nameSignals!;
    const domain = row.perSecond['tldts + Set.has(domain)']!;
    const exact = row.perSecond['Set.has(host)']!;
    console.log(
      `  ${row.mix.padEnd(18)} ${String(row.hosts).padStart(5)} hosts, ${String(row.flagged).padStart(4)} flagged   ` +
        `nameSignals ${(ours / 1e3).toFixed(0).padStart(5)} k hosts/s (${(1e6 / ours).toFixed(1)} µs/host)   ` +
        `ratio to tldts + Set.has ${(ours / domain).toFixed(3)}, to Set.has(host) ${(ours / exact).toFixed(4)}`,
    );
  }
  console.log('  target: well under 1 ms per host (1,000 hosts/s) on every mix');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printCautionName(benchCautionName(process.argv.includes('--quick') ? 20 : 100));
}
