/**
 * From the signals of every family to the caution verdict. The weights are on one scale, where
 * 1.0 is as much as one clear sign (a page that offers a prescription-only medicine "without
 * prescription", a fake EU logo) and the caution threshold is 1.0: one clear sign, or several
 * weaker ones together. Strong (a notice on the page too) needs twice that and at least one clear
 * sign. The rules of the design (DESIGN.md, "Caution"), and the reasons for the figures, are in
 * docs/caution.md:
 * - a pharmacy word in a name never decides (the name family gives no signal for one);
 * - name signals of the weak kind (the brand's label on another domain, mixed scripts) count only
 *   when the page gives evidence too; a look-alike by characters (`name.homoglyph`) is deliberate
 *   and gives caution alone;
 * - a list verdict always wins over caution (decided outside lib/caution, by the caller).
 */
import { logoSignals } from './logo';
import { pageSignals, readPage } from './page';
import type { Register } from './registers';
import { allRegisters } from './registers';
import type { CautionAssessment, CautionLevel, PageFeatures, Signal } from './types';

export const THRESHOLDS = {
  caution: 1,
  strong: 2,
  /** A signal at least this heavy is a clear sign; strong needs one. */
  clear: 1,
  /** Name signals lighter than this count only with evidence from the page. */
  nameAlone: 0.5,
} as const;

/** Name rules that give caution on their own: look-alike characters are chosen to deceive. */
export const DECISIVE_NAME_RULES: ReadonlySet<string> = new Set(['name.homoglyph']);

export interface AssessInput {
  readonly name: readonly Signal[];
  /** The page's features, or null when the first look skipped it (then the name alone is judged). */
  readonly page: PageFeatures | null;
  readonly registers?: readonly Register[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function score(signals: readonly Signal[]): number {
  return round(signals.reduce((sum, s) => sum + s.weight, 0));
}

export function levelOf(signals: readonly Signal[]): CautionLevel {
  const total = score(signals);
  const decisive = signals.some((s) => DECISIVE_NAME_RULES.has(s.id));
  const clear = signals.some((s) => s.weight >= THRESHOLDS.clear);
  if (total >= THRESHOLDS.strong && (clear || decisive)) return 'strong';
  if (total >= THRESHOLDS.caution || decisive) return 'caution';
  return 'none';
}

export function assess({ name, page, registers = allRegisters() }: AssessInput): CautionAssessment {
  let pageFound: Signal[] = [];
  let register: CautionAssessment['register'] = null;
  if (page) {
    const read = readPage(page);
    const logo = logoSignals(read, registers);
    pageFound = [...pageSignals(read), ...logo.signals];
    register = logo.register;
  }
  const namesCounted = name.filter((s) => s.family === 'name' && (s.weight >= THRESHOLDS.nameAlone || DECISIVE_NAME_RULES.has(s.id) || pageFound.length > 0));
  const signals = [...namesCounted, ...pageFound].sort((a, b) => b.weight - a.weight);
  return { level: levelOf(signals), signals, register };
}
