/**
 * Imported second by the background script, right after the wake clock (lib/platform/wake-clock.ts):
 * begins, at the script's first lines, the two reads a woken worker's first verdict waits for, so
 * that the browser does them while the rest of the script (about half a megabyte) is evaluated:
 * - the wake read's IndexedDB open (lib/lists/wake-read.ts; its reads follow the open);
 * - the session's first-wake flag (session.ts), in storage.session.
 * The protection service takes both when it is constructed (service.ts, `restore`), instead of
 * beginning its own. Nothing here writes anything.
 */
import { startWakeRead } from '../lists/wake-read';
import { startFirstWakeCheck } from './session';

startWakeRead();
startFirstWakeCheck();
