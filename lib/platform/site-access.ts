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

/** The last answer of knownSiteAccess, until a permission changes. */
let known: Promise<boolean> | null = null;

/**
 * hasSiteAccess, asked once and then remembered until the person grants or revokes a permission.
 * For what runs at every navigation (the badge): in Firefox each `permissions.contains` is a
 * round trip to the parent process, which also carries the pages' loads (README, "Page load").
 * A failed answer is not remembered. Only where onSiteAccessChange listens, which forgets the
 * answer at each change (the background: lib/protection/site-access.ts).
 */
export function knownSiteAccess(): Promise<boolean> {
  if (known) return known;
  const asked = hasSiteAccess();
  known = asked;
  asked.catch(() => {
    if (known === asked) known = null;
  });
  return asked;
}

/** Drops knownSiteAccess's answer: the next call asks the browser again. */
export function forgetSiteAccess(): void {
  known = null;
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
  const check = () => {
    forgetSiteAccess();
    void hasSiteAccess().then(listener);
  };
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  return () => {
    browser.permissions.onAdded.removeListener(check);
    browser.permissions.onRemoved.removeListener(check);
  };
}
