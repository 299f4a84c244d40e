/**
 * What the background does about access to sites (lib/platform/site-access.ts says why it can be
 * missing): every tab's badge follows a grant or a revocation at once, and a fresh install that
 * lacks access opens the options page, which explains and asks for it.
 */
import { browser } from 'wxt/browser';
import { hasSiteAccess, onSiteAccessChange } from '../platform';

type UpdateBadge = (tabId: number, url: string | undefined) => Promise<void>;

export function watchSiteAccess(updateBadge: UpdateBadge): void {
  onSiteAccessChange(() => void refreshBadges(updateBadge));
  browser.runtime.onInstalled.addListener(() => {
    void hasSiteAccess().then((granted) => (granted ? undefined : browser.runtime.openOptionsPage()));
  });
}

async function refreshBadges(updateBadge: UpdateBadge): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) await updateBadge(tab.id, tab.url);
  }
}
