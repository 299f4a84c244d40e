/**
 * One periodic alarm wakes the background to check which subscriptions are due (each has its own
 * next-check time, see lib/updater/schedule.ts). Created only when missing, so a service worker
 * waking up does not push the schedule back.
 */
import { browser } from 'wxt/browser';

export const UPDATE_ALARM = 'pharmacheck-update';
export const ALARM_PERIOD_MINUTES = 5;

export async function scheduleUpdates(): Promise<void> {
  if (await browser.alarms.get(UPDATE_ALARM)) return;
  await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_PERIOD_MINUTES });
}
