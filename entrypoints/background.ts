import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../lib/lists';
import { listenInBackground } from '../lib/messaging/background';
import { ProtectionService } from '../lib/protection';

export default defineBackground(() => {
  const protection = new ProtectionService(openDatabase());
  listenInBackground(protection.handlers());
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void protection.updateBadge(tabId, tab.url);
  });
});
