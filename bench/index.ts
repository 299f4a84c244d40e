/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured side by side
 * in the same run (machines here are noisy; absolute figures are for orientation only).
 * `npm run bench -- --quick` runs smaller sizes.
 */
import { benchMatcher, printMatcher } from './matcher';

const quick = process.argv.includes('--quick');
const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];

console.log(`Pharmacheck benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'})`);
for (const size of sizes) printMatcher(benchMatcher(size, quick ? 200_000 : 500_000));
