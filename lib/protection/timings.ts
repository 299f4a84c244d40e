/**
 * How long the background took for what a person waits on, kept for the benchmark (bench/) in
 * storage.session: on this device only, never sent, gone when the browser closes. Times are
 * performance.now() spans within one worker's life.
 */
import { storage } from 'wxt/utils/storage';
import { SCRIPT_START } from '../platform/wake-clock';

export interface Timings {
  /** The worker's first verdict: from its first line (and from its start) to the answer. */
  readonly wake?: { readonly scriptStartMs: number; readonly scriptToVerdictMs: number; readonly marks: Readonly<Record<string, number>> };
  /** The first badge a worker set: from the tab event, and from the script's first line. */
  readonly badge?: { readonly eventToBadgeMs: number; readonly scriptToBadgeMs: number };
  /** The last update: from its bytes' arrival to the rules in force. */
  readonly apply?: { readonly kind: 'delta' | 'full'; readonly downloadToForceMs: number; readonly steps: Readonly<Record<string, number>> };
}

export const timingsItem = storage.defineItem<Timings>('session:timings', { fallback: {} });

let held: Timings | null = null;

export function recordTiming(patch: Timings): void {
  held = { ...(held ?? {}), ...patch };
  void timingsItem.setValue(held).catch(() => undefined);
}

const marks: Record<string, number> = {};
let applySteps: Record<string, number> = {};
let applyStart = 0;

/** A list's or a delta's bytes arrived: the clock of `applyStep` starts. */
export function applyStarted(): void {
  applyStart = performance.now();
  applySteps = {};
}

/** Notes a step of the update in progress (ms since its bytes arrived). */
export function applyStep(name: string): void {
  applySteps[name] = performance.now() - applyStart;
}

/** Records the update as in force now. */
export function applyInForce(kind: 'delta' | 'full'): void {
  recordTiming({ apply: { kind, downloadToForceMs: performance.now() - applyStart, steps: { ...applySteps } } });
}

/** Notes when a step of the wake happened (ms since the script's first line), for `wake.marks`. */
export function mark(name: string): void {
  marks[name] ??= performance.now() - SCRIPT_START;
}

export function wakeMarks(): Readonly<Record<string, number>> {
  return { ...marks };
}

export function sinceScriptStart(): number {
  return performance.now() - SCRIPT_START;
}

export { SCRIPT_START };
