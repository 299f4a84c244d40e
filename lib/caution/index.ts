/**
 * The caution verdict: unlisted sites judged from their name and their page, on the device
 * (DESIGN.md, "Caution"; how and why in docs/caution.md). `judge` runs every family; the caller
 * gives the list verdict precedence (a listed or verified site is never "caution").
 */
import { assess } from './combine';
import { nameSignals } from './name';
import type { CautionAssessment, PageFeatures } from './types';

export { assess, DECISIVE_NAME_RULES, levelOf, score, THRESHOLDS, type AssessInput } from './combine';
export { extractFeatures, NODE_BUDGET, type ExtractOptions } from './extract';
export { FIRST_LOOK_LIMITS, firstLook, firstLookPasses, readFirstLook, type FirstLookText } from './first-look';
export { logoSignals } from './logo';
export { pageSignals, readPage, type PageRead } from './page';
export { allRegisters, registerForUrl, type Register } from './registers';
export { pageFeaturesSchema } from './schema';
export { REASON_KEYS, type ReasonKey } from './signal';
export * from './types';

/** Every family's signals for a host and, when the features script extracted one, its page. */
export function judge(host: string, page: PageFeatures | null): CautionAssessment {
  return assess({ name: nameSignals(host), page });
}
