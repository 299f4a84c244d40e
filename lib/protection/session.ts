/**
 * Once per browser session. storage.session is emptied when the browser restarts and when the
 * extension is reloaded or updated, but survives the service worker sleeping and waking, which it
 * does many times a session. Work that only a new start calls for (checking every installed rule,
 * cleaning up after an interrupted install, retrying every queued report at once) runs on the
 * first wake of a session only.
 */
import { storage } from 'wxt/utils/storage';
import { begunEarly } from '../platform/begun-early';

const started = storage.defineItem<boolean>('session:started', { fallback: false });

const early = begunEarly(check);

/**
 * Begins the check now, for the next isFirstWakeOfSession to take: the background calls it from its
 * script's first lines (lib/protection/wake-start.ts), so the storage read runs while the rest of
 * the script is evaluated.
 */
export function startFirstWakeCheck(): void {
  early.begin('started');
}

/** The check startFirstWakeCheck began (once), or a new one. */
export function isFirstWakeOfSession(): Promise<boolean> {
  return early.take('started');
}

async function check(): Promise<boolean> {
  return !(await started.getValue());
}

export async function markSessionStarted(): Promise<void> {
  await started.setValue(true);
}
