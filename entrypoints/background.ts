import '../lib/platform/wake-clock';
import '../lib/platform/zod';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../lib/lists';
import { listenInBackground } from '../lib/messaging/background';
import { FOLD_ALARM, OUTBOX_ALARM, ProtectionService, UPDATE_ALARM, scheduleUpdates, watchSiteAccess } from '../lib/protection';

export default defineBackground(() => {
  const protection = new ProtectionService(openDatabase());
  listenInBackground(protection.handlers());
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void protection.updateBadge(tabId, tab.url, performance.now());
  });
  watchSiteAccess((tabId, url) => protection.updateBadge(tabId, url));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void protection.started.then(async () => {
      await protection.lists.updateDue();
      await protection.enforceExpiry();
      await protection.fold();
    });
    if (alarm.name === FOLD_ALARM) void protection.fold();
    if (alarm.name === OUTBOX_ALARM) void protection.reports.deliver();
  });
  void scheduleUpdates();
});
