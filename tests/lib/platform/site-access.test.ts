import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actionApi, forgetSiteAccess, hasSiteAccess, knownSiteAccess, onSiteAccessChange, requestSiteAccess, SITE_ORIGINS } from '../../../lib/platform';

type Listener = () => void;

/** Records the listeners given to permissions.onAdded / onRemoved (the fake browser has no permissions API). */
function permissionEvents() {
  const added: Listener[] = [];
  const removed: Listener[] = [];
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((l) => void added.push(l as Listener));
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((l) => void removed.push(l as Listener));
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation((l) => void added.splice(added.indexOf(l as Listener), 1));
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'removeListener').mockImplementation((l) => void removed.splice(removed.indexOf(l as Listener), 1));
  return { added, removed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('site access', () => {
  it('covers every http and https site, and nothing else', () => {
    expect([...SITE_ORIGINS]).toEqual(['http://*/*', 'https://*/*']);
  });

  it.each([true, false])('asks the browser whether it holds access to every site (%s)', async (granted) => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
    expect(await hasSiteAccess()).toBe(granted);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
  });

  it.each([true, false])('asks the person for access to every site, and says whether it was given (%s)', async (given) => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(given);
    expect(await requestSiteAccess()).toBe(given);
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
  });

  it('reports the new state when a permission is granted or revoked, until unsubscribed', async () => {
    const events = permissionEvents();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const seen: boolean[] = [];
    const stop = onSiteAccessChange((granted) => seen.push(granted));

    events.removed.forEach((l) => l());
    await vi.waitFor(() => expect(seen).toEqual([false]));
    contains.mockResolvedValue(true);
    events.added.forEach((l) => l());
    await vi.waitFor(() => expect(seen).toEqual([false, true]));

    stop();
    expect(events.added).toEqual([]);
    expect(events.removed).toEqual([]);
  });
});

describe('knownSiteAccess', () => {
  it('asks the browser once, and again after a grant or revocation that onSiteAccessChange heard', async () => {
    forgetSiteAccess();
    const events = permissionEvents();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const stop = onSiteAccessChange(() => undefined);
    expect(await knownSiteAccess()).toBe(true);
    expect(await knownSiteAccess()).toBe(true);
    expect(contains).toHaveBeenCalledTimes(1);

    contains.mockResolvedValue(false);
    events.removed.forEach((l) => l());
    expect(await knownSiteAccess()).toBe(false);
    stop();
  });

  it('does not remember a failed answer', async () => {
    forgetSiteAccess();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValueOnce(new Error('context invalidated')).mockResolvedValue(true);
    await expect(knownSiteAccess()).rejects.toThrow('context invalidated');
    expect(await knownSiteAccess()).toBe(true);
    expect(contains).toHaveBeenCalledTimes(2);
  });
});

describe('actionApi', () => {
  it('is `action` in a Manifest V3 build', () => {
    expect(actionApi()).toBe(fakeBrowser.action);
  });

  it('falls back to `browserAction` in a Manifest V2 build, where `action` is missing', () => {
    const browserAction = fakeBrowser.action;
    const original = Object.getOwnPropertyDescriptor(fakeBrowser, 'action')!;
    Object.defineProperty(fakeBrowser, 'action', { value: undefined, configurable: true });
    Object.defineProperty(fakeBrowser, 'browserAction', { value: browserAction, configurable: true });
    try {
      expect(actionApi()).toBe(browserAction);
    } finally {
      Object.defineProperty(fakeBrowser, 'action', original);
      delete (fakeBrowser as { browserAction?: unknown }).browserAction;
    }
  });
});
