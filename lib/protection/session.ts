/**
 * Once per browser session. storage.session is emptied when the browser restarts and when the
 * extension is reloaded or updated, but survives the service worker sleeping and waking, which it
 * does many times a session. Work that only a new start calls for (checking every installed rule,
 * cleaning up after an interrupted install, retrying every queued report at once) runs on the
 * first wake of a session only.
 */
import { storage } from 'wxt/utils/storage';

const started = storage.defineItem<boolean>('session:started', { fallback: false });

export async function isFirstWakeOfSession(): Promise<boolean> {
  return !(await started.getValue());
}

export async function markSessionStarted(): Promise<void> {
  await started.setValue(true);
}
