/**
 * showBadge sets a tab's badge only when its look changes, and tabChange tells when the browser has
 * put a tab's badge back (what Firefox ESR was seen to send: tests/e2e/firefox.test.ts, "badge").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostFromUrl } from '../../../lib/domain';
import { t } from '../../../lib/i18n';
import { forgetSiteAccess, onSiteAccessChange } from '../../../lib/platform';
import { badgeReset, committedResetsBadge, forgetBadge, showBadge, tabChange } from '../../../lib/protection';
import type { Verdict, VerdictKind } from '../../../lib/verdict';
import { serveCatalogues } from '../i18n/catalogues';

const verdict = (kind: VerdictKind, host = 'rogue.example'): Verdict => ({ kind, host: hostFromUrl(`https://${host}/`)!, hits: [] });
const TAB = 7;

describe('tabChange', () => {
  it.each([
    // Firefox: the first "loading" comes before the browser resets the badge; setting it then is wasted.
    [{ status: 'loading' }, true, { update: null, reset: null, sameDocument: false }],
    // A new document or a reload: the badge was reset to the manifest's.
    [{ status: 'loading', url: 'https://a.example/' }, true, { update: 'navigated', reset: 'reset', sameDocument: false }],
    // A fragment or pushState: the badge was left alone, and the page with its caution stays.
    [{ status: 'complete', url: 'https://a.example/#x' }, true, { update: 'navigated', reset: null, sameDocument: true }],
    // An address without a state: it may have been reset.
    [{ url: 'https://a.example/' }, true, { update: 'navigated', reset: 'unknown', sameDocument: false }],
    [{ status: 'complete' }, true, { update: null, reset: null, sameDocument: false }],
    // Chrome keeps a tab's badge; a reload is told only by "loading".
    [{ status: 'loading' }, false, { update: 'badge', reset: null, sameDocument: false }],
    [{ url: 'https://a.example/' }, false, { update: 'navigated', reset: null, sameDocument: false }],
    [{ status: 'loading', url: 'https://a.example/' }, false, { update: 'navigated', reset: null, sameDocument: false }],
    [{ status: 'complete' }, false, { update: null, reset: null, sameDocument: false }],
    [{}, false, { update: null, reset: null, sameDocument: false }],
  ] as const)('%j in Firefox %s: %j', (change, firefox, expected) => {
    expect(tabChange(change, firefox)).toEqual(expected);
  });
});

describe('committedResetsBadge', () => {
  it("is Chrome's main frame only: Firefox's tab events tell of its reset, and a frame resets nothing", () => {
    expect(committedResetsBadge(0, false)).toBe(true);
    expect(committedResetsBadge(3, false)).toBe(false);
    expect(committedResetsBadge(0, true)).toBe(false);
  });
});

describe('showBadge', () => {
  let setText: ReturnType<typeof vi.spyOn>;
  let setTitle: ReturnType<typeof vi.spyOn>;
  let contains: ReturnType<typeof vi.spyOn>;
  let stopListening: () => void;

  beforeEach(() => {
    fakeBrowser.reset();
    serveCatalogues();
    forgetSiteAccess();
    forgetBadge(TAB);
    contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    // The background listens for permission changes, so site access is remembered (the fake browser has no such events).
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
      vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
    }
    stopListening = onSiteAccessChange(() => undefined);
    // The manifest's title, as the browser gives it in its own language (English here, as the background's).
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => t(key as 'actionTitle'));
    setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    setTitle = vi.spyOn(fakeBrowser.action, 'setTitle');
  });

  afterEach(() => {
    stopListening();
    vi.restoreAllMocks();
  });

  it('sets a look once, and again only when it changes', async () => {
    await showBadge(TAB, verdict('caution'));
    await showBadge(TAB, verdict('caution'));
    expect(setText).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('?');
    await showBadge(TAB, verdict('caution', 'other.example'));
    expect(setTitle).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toContain('other.example');
    await showBadge(TAB, verdict('unknown'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect(setText).toHaveBeenCalledTimes(3);
  });

  it('keeps each tab apart', async () => {
    await showBadge(TAB, verdict('listed'));
    await showBadge(TAB + 1, verdict('listed'));
    expect(setText).toHaveBeenCalledTimes(2);
    forgetBadge(TAB + 1);
  });

  it('after a reset, sets nothing for the manifest look and everything for any other', async () => {
    await showBadge(TAB, verdict('caution'));
    badgeReset(TAB, 'reset');
    await showBadge(TAB, verdict('unknown'));
    expect(setText).toHaveBeenCalledTimes(1);
    await showBadge(TAB, verdict('caution'));
    expect(setText).toHaveBeenCalledTimes(2);
    // The same caution again after a reset: the browser no longer shows it, so it is set again.
    badgeReset(TAB, 'reset');
    await showBadge(TAB, verdict('caution'));
    expect(setText).toHaveBeenCalledTimes(3);
  });

  it('after a reset that may not have happened, sets the look whatever it is', async () => {
    await showBadge(TAB, verdict('unknown'));
    badgeReset(TAB, 'unknown');
    await showBadge(TAB, verdict('unknown'));
    expect(setText).toHaveBeenCalledTimes(2);
  });

  it('does not take a look whose calls a reset overtook as shown', async () => {
    // The reset comes while the look is set: the browser may have put the badge back after the calls.
    setText.mockImplementationOnce(async () => badgeReset(TAB, 'reset'));
    await showBadge(TAB, verdict('caution'));
    await showBadge(TAB, verdict('caution'));
    expect(setText).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('?');
  });

  it('sets the look again after a failed call', async () => {
    setText.mockRejectedValueOnce(new Error('no such tab'));
    await expect(showBadge(TAB, verdict('listed'))).rejects.toThrow('no such tab');
    await showBadge(TAB, verdict('listed'));
    expect(setText).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
  });

  it('asks for access to sites once, and again after a permission changed', async () => {
    await showBadge(TAB, verdict('listed'));
    await showBadge(TAB, verdict('unknown'));
    expect(contains).toHaveBeenCalledTimes(1);
    contains.mockResolvedValue(false);
    forgetSiteAccess();
    await showBadge(TAB, verdict('unknown'));
    expect(contains).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('off');
  });
});
