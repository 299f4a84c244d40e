/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured side by side
 * in the same run (machines here are noisy; absolute figures are for orientation only).
 * `npm run bench -- --quick` runs smaller sizes; `npm run bench -- --only=apply,wake` only the
 * benchmarks named.
 */
import { benchApply, printApply } from './apply';
import { benchApplyFirefox } from './apply-firefox';
import { benchPageLoad, printPageLoad } from './page-load';
import { benchCautionName, printCautionName } from './caution-name';
import { benchHub, printHub } from './hub';
import { benchHubScale, printHubScale } from './hub-scale';
import { benchMatcher, printMatcher } from './matcher';
import { benchToolkit, printToolkit } from './toolkit';
import { benchWake, printWake } from './wake';

const quick = process.argv.includes('--quick');
// `--only=apply,wake` runs only the benchmarks named (all by default).
const NAMES = ['matcher', 'toolkit', 'caution-name', 'apply', 'apply-firefox', 'wake', 'page-load', 'hub', 'hub-scale'] as const;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const unknown = only?.filter((name) => !(NAMES as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}; the names: ${NAMES.join(', ')}`);
const runs = (name: (typeof NAMES)[number]) => !only || only.includes(name);
const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];

console.log(`Pharmacheck benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'})`);
if (runs('matcher')) for (const size of sizes) printMatcher(benchMatcher(size, quick ? 200_000 : 500_000));
if (runs('toolkit')) printToolkit(await benchToolkit(quick ? 100_000 : 1_000_000));
if (runs('caution-name')) printCautionName(benchCautionName(quick ? 20 : 100));
// Need the built extension, Chrome's and Firefox's (npm run bench builds both first).
const installed = quick ? 20_000 : 100_000;
if (runs('apply')) printApply('Chromium', await benchApply(installed, quick ? 200 : 1_000, !quick));
if (runs('apply-firefox')) printApply('Firefox', await benchApplyFirefox(installed, quick ? 200 : 1_000, !quick));
if (runs('wake')) for (const browser of ['Chromium', 'Firefox'] as const) printWake(await benchWake(browser, installed, quick ? 5 : 10));
if (runs('page-load')) for (const browser of ['Chromium', 'Firefox'] as const) printPageLoad(await benchPageLoad(quick ? 6 : 20, browser));
const hubOptions = { concurrency: 16, capacityReports: quick ? 3_000 : 10_000, rate: 500, steadyReports: quick ? 2_500 : 10_000, timeLimitMs: 30_000, warmup: 300 };
if (runs('hub')) printHub(await benchHub(hubOptions), hubOptions);
const scaleOptions = { concurrency: 16, phaseMs: quick ? 3_000 : 5_000, rounds: quick ? 2 : 3, listEntries: quick ? 2_000 : 10_000 };
if (runs('hub-scale')) printHubScale(await benchHubScale(scaleOptions), scaleOptions);
