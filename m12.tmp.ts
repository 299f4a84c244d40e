import { benchApply, printApply } from './bench/apply';
printApply('Chromium', await benchApply(100_000, 1_000, false));
