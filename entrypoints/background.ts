import '../lib/platform/wake-clock';
// The reads a woken worker's first verdict waits for begin here, while the rest is evaluated.
import '../lib/protection/wake-start';
import '../lib/platform/zod';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onBackgroundLanguageChange } from '../lib/i18n/background';
import { openDatabase } from '../lib/lists';
import { listenInBackground } from '../lib/messaging/background';
import { FOLD_ALARM, OUTBOX_ALARM, ProtectionService, UPDATE_ALARM, badgeReset, committedResetsBadge, forgetBadge, scheduleUpdates, tabChange, watchSiteAccess } from '../lib/protection';

export default defineBackground(() => {
  const protection = new ProtectionService(openDatabase());
  listenInBackground(protection.handlers(), protection.contentHandlers());
  const tabUpdated: Parameters<typeof browser.tabs.onUpdated.addListener>[0] = (tabId, change, tab) => {
    const eventAt = performance.now();
    const { update, reset, sameDocument } = tabChange(change, import.meta.env.FIREFOX);
    if (reset) badgeReset(tabId, reset);
    if (update === 'navigated') void protection.navigated(tabId, tab.url, eventAt, sameDocument);
    else if (update === 'badge') void protection.updateBadge(tabId, tab.url, eventAt);
  };
  // Without a filter Firefox sends a listener every change of every tab (title, favicon, sound...),
  // each through its parent process, which also dispatches the pages' network events; only the
  // address and the loading state matter here. (In bench/page-load.ts this listener's work is what
  // holds Firefox page loads back; README, "Page load".) Chrome takes no filter.
  type FilteredEvent = { addListener(listener: typeof tabUpdated, filter: { properties: string[] }): void };
  if (import.meta.env.FIREFOX) (browser.tabs.onUpdated as unknown as FilteredEvent).addListener(tabUpdated, { properties: ['url', 'status'] });
  else browser.tabs.onUpdated.addListener(tabUpdated);
  // A listed site served without a request (a service worker's cache): lib/protection/service-workers.ts.
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => {
    // Chrome has just put the tab's badge back to the manifest's (lib/protection/badge.ts).
    if (committedResetsBadge(frameId, import.meta.env.FIREFOX)) {
      badgeReset(tabId, 'reset');
      void protection.updateBadge(tabId, url);
    }
    void protection.committed({ tabId, frameId, url });
  });
  // A page loaded in a tab's top frame: the caution verdict's first look (lib/protection/page-look.ts).
  browser.webNavigation.onCompleted.addListener(({ tabId, frameId, url }) => {
    if (frameId === 0) void protection.pageLoaded(tabId, url);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetBadge(tabId);
    void protection.caution.forget(tabId);
    void protection.embedded.forget(tabId);
  });
  watchSiteAccess((tabId, url) => protection.updateBadge(tabId, url));
  // A new language in the options: every tab's badge title in that language.
  onBackgroundLanguageChange(() => void browser.tabs.query({}).then((tabs) => tabs.forEach((tab) => tab.id !== undefined && void protection.updateBadge(tab.id, tab.url))));
  // An organisation changed its policy: its subscriptions follow, in the queue updates run in.
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') void protection.started.catch(() => undefined).then(() => protection.applyManagedPolicy());
  });
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
