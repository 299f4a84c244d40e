/**
 * The apply benchmark (apply.ts) in Firefox ESR, on the Firefox build (`wxt build -b firefox`:
 * MV3, whose background is an event page, not a service worker). The same lists and the same
 * figures: bytes arrived -> rules in force, read in the background's timings, and "update now" ->
 * answer; against Firefox alone installing the same domains as one rule and as Pharmacheck's own
 * rules (full list) and making the same session-rule change (delta), both timed from an extension page, which has the same
 * declarativeNetRequest API as the background (there is no handle on the background page itself).
 */
import { runApply, type ApplyRow } from './apply';
import { firefoxDriver } from './drivers';

export function benchApplyFirefox(size: number, changes: number, million: boolean): Promise<ApplyRow[]> {
  return runApply(firefoxDriver, size, changes, million);
}
