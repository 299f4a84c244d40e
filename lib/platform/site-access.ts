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
import { remembered } from './remembered';

export function hasSiteAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: [...SITE_ORIGINS] });
}

const siteAccess = remembered(hasSiteAccess);

/**
 * hasSiteAccess, asked once and then remembered until the person grants or revokes a permission,
 * where onSiteAccessChange listens (the background: lib/protection/site-access.ts); asked at each
 * call elsewhere. For the badge, at every navigation (remembered.ts says why).
 */
export const knownSiteAccess = (): Promise<boolean> => siteAccess.get();

/** Drops knownSiteAccess's answer: the next call asks the browser again. */
export const forgetSiteAccess = (): void => siteAccess.forget();

/**
 * Asks the person for access. Call it directly from a click handler: browsers only show the
 * prompt for a user gesture, and Firefox forgets the gesture after the first `await`.
 */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...SITE_ORIGINS] });
}

/** Calls back with the new state whenever the person grants or revokes a permission. Returns the unsubscribe. */
export function onSiteAccessChange(listener: (granted: boolean) => void): () => void {
  const check = () => {
    siteAccess.forget();
    void hasSiteAccess().then(listener);
  };
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  const ended = siteAccess.listening();
  return () => {
    browser.permissions.onAdded.removeListener(check);
    browser.permissions.onRemoved.removeListener(check);
    ended();
  };
}
