/**
 * Access to web sites, without which declarativeNetRequest redirects silently do nothing.
 *
 * Chrome grants host_permissions at install, but a person can restrict them ("Site access: on
 * click"). Firefox shows them at install (since 127) and a person can revoke them at any time in
 * about:addons, under Permissions. Either way protection stops without a sound, so the extension
 * checks, says so on the badge, the popup and the options page, and asks again.
 */
import { browser } from 'wxt/browser';
import { SITE_ORIGINS } from './origins';

export function hasSiteAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: [...SITE_ORIGINS] });
}

/**
 * Asks the person for access. Call it directly from a click handler: browsers only show the
 * prompt for a user gesture, and Firefox forgets the gesture after the first `await`.
 */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...SITE_ORIGINS] });
}

/** Calls back with the new state whenever the person grants or revokes a permission. Returns the unsubscribe. */
export function onSiteAccessChange(listener: (granted: boolean) => void): () => void {
  const check = () => void hasSiteAccess().then(listener);
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  return () => {
    browser.permissions.onAdded.removeListener(check);
    browser.permissions.onRemoved.removeListener(check);
  };
}
