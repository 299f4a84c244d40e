/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured side by side
 * in the same run (machines here are noisy; absolute figures are for orientation only).
 * `npm run bench -- --quick` runs smaller sizes.
 */
import { benchApply, printApply } from './apply';
import { benchPageLoad, printPageLoad } from './page-load';
import { benchCautionName, printCautionName } from './caution-name';
import { benchHub, printHub } from './hub';
import { benchHubScale, printHubScale } from './hub-scale';
import { benchMatcher, printMatcher } from './matcher';
import { benchToolkit, printToolkit } from './toolkit';

const quick = process.argv.includes('--quick');
const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];

console.log(`Pharmacheck benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'})`);
for (const size of sizes) printMatcher(benchMatcher(size, quick ? 200_000 : 500_000));
printToolkit(await benchToolkit(quick ? 100_000 : 1_000_000));
printCautionName(benchCautionName(quick ? 20 : 100));
// Needs the built extension (npm run bench builds it first).
printApply('Chromium', await benchApply(quick ? 20_000 : 100_000, quick ? 200 : 1_000, !quick));
printPageLoad(await benchPageLoad(quick ? 6 : 20));
const hubOptions = { concurrency: 16, capacityReports: quick ? 3_000 : 10_000, rate: 500, steadyReports: quick ? 2_500 : 10_000, timeLimitMs: 30_000, warmup: 300 };
printHub(await benchHub(hubOptions), hubOptions);
const scaleOptions = { concurrency: 16, phaseMs: quick ? 3_000 : 5_000, rounds: quick ? 2 : 3, listEntries: quick ? 2_000 : 10_000 };
printHubScale(await benchHubScale(scaleOptions), scaleOptions);
