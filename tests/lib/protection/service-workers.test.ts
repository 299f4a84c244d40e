import { describe, expect, it, vi } from 'vitest';
import { PROCEED_RULE_BASE, proceedRule } from '../../../lib/blocking/rules';
import { isProceeded, mustWarn, proceededHosts, siteDataRemoval, warnedUrl, warnOnCommit, type CommitApi } from '../../../lib/protection/service-workers';
import type { VerdictKind } from '../../../lib/verdict';

const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html';
const top = (url: string) => ({ tabId: 4, frameId: 0, url });

function fakeApi(sessionRules: CommitApi extends { sessionRules(): Promise<infer R> } ? R : never = []) {
  return {
    sessionRules: vi.fn(async () => sessionRules),
    goTo: vi.fn(async () => undefined),
    removeSiteData: vi.fn(async () => undefined),
  };
}
const listedIf = (hosts: string[]) => async (url: string): Promise<VerdictKind | null> => (hosts.some((h) => new URL(url).hostname.endsWith(h)) ? 'listed' : 'unknown');

describe('proceededHosts and isProceeded', () => {
  it('reads the hosts of the session "proceed" rules only, and matches them as requestDomains do', () => {
    const rules = [proceedRule(PROCEED_RULE_BASE, 'rogue.example'), { id: 5, action: { type: 'allow' }, condition: { requestDomains: ['other.example'] } }];
    expect(proceededHosts(rules)).toEqual(['rogue.example']);
    expect(isProceeded('rogue.example', ['rogue.example'])).toBe(true);
    expect(isProceeded('shop.rogue.example', ['rogue.example'])).toBe(true);
    expect(isProceeded('notrogue.example', ['rogue.example'])).toBe(false);
    expect(isProceeded('rogue.example', [])).toBe(false);
  });
});

describe('mustWarn', () => {
  it('warns for a listed web page in a top frame that nobody proceeded to', () => {
    expect(mustWarn(top('https://rogue.example/'), 'listed', [])).toBe(true);
  });

  it('honours a proceed decision', () => {
    expect(mustWarn(top('https://rogue.example/'), 'listed', ['rogue.example'])).toBe(false);
  });

  it('leaves an allowlisted (verified), unknown or caution host untouched', () => {
    for (const kind of ['verified', 'unknown', 'caution', null] as const) expect(mustWarn(top('https://pharmacy.example/'), kind, [])).toBe(false);
  });

  it('ignores frames, tabs that are not tabs, and every scheme but http(s)', () => {
    expect(mustWarn({ tabId: 4, frameId: 3, url: 'https://rogue.example/' }, 'listed', [])).toBe(false);
    expect(mustWarn({ tabId: -1, frameId: 0, url: 'https://rogue.example/' }, 'listed', [])).toBe(false);
    for (const url of ['ftp://rogue.example/', 'file:///etc/passwd', 'data:text/html,x', 'about:blank', `${PAGE}?url=https://rogue.example/`, 'not a url', ''])
      expect(mustWarn(top(url), 'listed', [])).toBe(false);
  });
});

describe('siteDataRemoval', () => {
  it('removes the origin\'s workers and Cache Storage in Chromium, the host\'s workers and cache in Firefox', () => {
    expect(siteDataRemoval('http://rogue.example:8080/a?b#c', 'chromium')).toEqual({ options: { origins: ['http://rogue.example:8080'] }, dataToRemove: { serviceWorkers: true, cacheStorage: true } });
    expect(siteDataRemoval('https://Shop.Rogue.example/a', 'firefox')).toEqual({ options: { hostnames: ['shop.rogue.example'] }, dataToRemove: { serviceWorkers: true, cache: true } });
  });

  it('removes nothing for a URL that is not a web page', () => {
    for (const url of ['javascript:alert(1)', 'file:///x', 'nonsense', '']) expect(siteDataRemoval(url, 'chromium')).toBeNull();
  });
});

describe('warnedUrl', () => {
  it('reads the warned URL of a top-level warning page, and nothing else', () => {
    expect(warnedUrl(top(`${PAGE}?url=https://rogue.example/a?b=1&c=2`), PAGE)).toBe('https://rogue.example/a?b=1&c=2');
    expect(warnedUrl({ tabId: 1, frameId: 2, url: `${PAGE}?url=https://rogue.example/` }, PAGE)).toBeNull();
    expect(warnedUrl(top(`${PAGE}?url=javascript:alert(1)`), PAGE)).toBeNull();
    expect(warnedUrl(top('https://rogue.example/?url=https://x.example/'), PAGE)).toBeNull();
  });
});

describe('warnOnCommit', () => {
  it('takes a listed page that committed to the warning page and removes its site data', async () => {
    const api = fakeApi();
    expect(await warnOnCommit(top('https://rogue.example/shop?x=1'), listedIf(['rogue.example']), PAGE, 'chromium', api)).toBe(true);
    expect(api.goTo).toHaveBeenCalledWith(4, `${PAGE}?url=https://rogue.example/shop?x=1`);
    expect(api.removeSiteData).toHaveBeenCalledWith({ origins: ['https://rogue.example'] }, { serviceWorkers: true, cacheStorage: true });
  });

  it('does nothing after "Proceed anyway" for the host', async () => {
    const api = fakeApi([proceedRule(PROCEED_RULE_BASE + 1, 'rogue.example')]);
    expect(await warnOnCommit(top('https://rogue.example/'), listedIf(['rogue.example']), PAGE, 'chromium', api)).toBe(false);
    expect(api.goTo).not.toHaveBeenCalled();
    expect(api.removeSiteData).not.toHaveBeenCalled();
  });

  it('does nothing for an unlisted or allowlisted page, and never asks for a verdict on a frame or another scheme', async () => {
    const api = fakeApi();
    const verdict = vi.fn(async () => 'verified' as const);
    expect(await warnOnCommit(top('https://pharmacy.example/'), verdict, PAGE, 'chromium', api)).toBe(false);
    expect(await warnOnCommit({ tabId: 4, frameId: 9, url: 'https://rogue.example/' }, verdict, PAGE, 'chromium', api)).toBe(false);
    expect(await warnOnCommit(top('chrome://settings/'), verdict, PAGE, 'chromium', api)).toBe(false);
    expect(verdict).toHaveBeenCalledTimes(1);
    expect(api.goTo).not.toHaveBeenCalled();
    expect(api.removeSiteData).not.toHaveBeenCalled();
  });

  it('on the warning page for a listed site (Firefox, whose rules act before a worker), removes the site data without navigating', async () => {
    const api = fakeApi();
    expect(await warnOnCommit(top(`${PAGE}?url=https://rogue.example/`), listedIf(['rogue.example']), PAGE, 'firefox', api)).toBe(false);
    expect(api.goTo).not.toHaveBeenCalled();
    expect(api.removeSiteData).toHaveBeenCalledWith({ hostnames: ['rogue.example'] }, { serviceWorkers: true, cache: true });
  });

  it('still takes the tab to the warning when removing the site data fails', async () => {
    const api = { ...fakeApi(), removeSiteData: vi.fn(async () => Promise.reject(new Error('not supported'))) };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await warnOnCommit(top('https://rogue.example/'), listedIf(['rogue.example']), PAGE, 'chromium', api)).toBe(true);
    expect(api.goTo).toHaveBeenCalled();
  });
});
