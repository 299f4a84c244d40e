/**
 * Once per browser session. storage.session is emptied when the browser restarts and when the
 * extension is reloaded or updated, but survives the service worker sleeping and waking, which it
 * does many times a session. Work that only a new start calls for (checking every installed rule,
 * cleaning up after an interrupted install, retrying every queued report at once) runs on the
 * first wake of a session only.
 */
import { storage } from 'wxt/utils/storage';

const started = storage.defineItem<boolean>('session:started', { fallback: false });

/** The check startFirstWakeCheck began, not yet taken. */
let early: Promise<boolean> | null = null;

/**
 * Begins the check now, for the next isFirstWakeOfSession to take: the background calls it from its
 * script's first lines (lib/protection/wake-start.ts), so the storage read runs while the rest of
 * the script is evaluated.
 */
export function startFirstWakeCheck(): void {
  if (early) return;
  early = check();
  // Whoever takes it sees a failure; a check nobody takes is no reason for an unhandled rejection.
  early.catch(() => undefined);
}

/** The check startFirstWakeCheck began (once), or a new one. */
export function isFirstWakeOfSession(): Promise<boolean> {
  const begun = early;
  early = null;
  return begun ?? check();
}

async function check(): Promise<boolean> {
  return !(await started.getValue());
}

export async function markSessionStarted(): Promise<void> {
  await started.setValue(true);
}
