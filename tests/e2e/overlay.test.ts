/**
 * Deltas in force at once, in real Chromium: a delta goes in as session rules (the dynamic rules
 * untouched); its additions stop a site's frames and subresources too, not only its pages; its
 * removals un-block only what no other list blocks, all of a removed site's requests included; after a browser restart the
 * overlay is still in force; folding moves it into the dynamic rules; compaction of a list whose
 * overlay grew large loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, type SecretKeyFile } from '../../lib/signing';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { startListServer, type ListServer } from './support/list-server';
import {
  ADDED,
  AUTHORITY,
  BOTH,
  COMMUNITY,
  communityBulk,
  ONLY_AUTHORITY,
  OVERLAY_RULE_MIN,
  PARENT,
  publisher,
  SESSION_OVERLAY_MIN,
  SUB_OF_PARENT,
  version,
} from './support/overlay-lists';
import { landsAt, messageFromPage, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';

const BULK = communityBulk(2_400);
/** An unlisted page that frames a shop and pulls its image and script. */
const DOORWAY = 'doorway-unlisted.example';

let key: SecretKeyFile;
let lists: ListServer;
let sites: SiteServer;
let browser: ExtensionBrowser;
let publish: ReturnType<typeof publisher>;

const message = <T>(type: string, payload: unknown) => messageFromPage<T>(browser, type, payload);
const lands = (host: string) => landsAt(browser, `${sites.origin(host)}/buy`);

async function overlayRules(): Promise<{ session: number; dynamic: number }> {
  return (await browser.worker()).evaluate(
    async ([min, sessionMin]) => ({
      session: (await chrome.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= sessionMin && r.id < 1_000_000_000).length,
      dynamic: (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.id >= min && r.id < sessionMin).length,
    }),
    [OVERLAY_RULE_MIN, SESSION_OVERLAY_MIN] as const,
  );
}

async function fireFoldAlarm(): Promise<void> {
  await (await browser.worker()).evaluate(() => chrome.alarms.create('pharmacheck-fold', { when: Date.now() + 10 }));
}

beforeAll(async () => {
  key = await generateKey();
  lists = await startListServer();
  sites = await startSiteServer();
  publish = publisher(lists, key);
  browser = await launchWithExtension();
  await waitForRules(browser);
  await publish(version(AUTHORITY, 1, [ONLY_AUTHORITY, BOTH, PARENT]));
  await publish(version(COMMUNITY, 1, [BOTH, SUB_OF_PARENT, ...BULK]));
  for (const id of [AUTHORITY, COMMUNITY]) {
    expect(await message('ui-bg-subscribe', { url: lists.url(`${id}/latest.json`), publicKey: key.publicKey })).toEqual({ ok: true, id });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await lists?.close();
});

describe('a delta in Chromium', () => {
  it('goes in as session rules, and its removals un-block only what no other list blocks', async () => {
    for (const host of [ONLY_AUTHORITY, BOTH, PARENT, SUB_OF_PARENT]) expect(await lands(host), host).toBe('blocked');
    const dynamicBefore = await (await browser.worker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules());

    await publish(version(AUTHORITY, 2, [ADDED]));
    expect(await message('ui-bg-update-now', { id: AUTHORITY })).toEqual([{ id: AUTHORITY, status: 'updated', version: 2 }]);

    expect(await (await browser.worker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).toEqual(dynamicBefore);
    expect((await overlayRules()).session).toBeGreaterThan(0);
    expect(await lands(ADDED)).toBe('blocked');
    expect(await lands(ONLY_AUTHORITY)).toBe('loaded');
    expect(await lands(BOTH)).toBe('blocked');
    expect(await lands(PARENT)).toBe('loaded');
    expect(await lands(SUB_OF_PARENT)).toBe('blocked');
    expect(sites.requests(ADDED)).toEqual([]);
  });

  it('stops an added site in a frame and as a subresource, and lets a removed one load in both', async () => {
    const doorway = (shop: string) => `<!doctype html><html lang="en"><title>Doorway</title><h1>Deals</h1>
<iframe title="Shop" src="${sites.origin(shop)}/framed"></iframe><img alt="" src="${sites.origin(shop)}/logo.png"><script src="${sites.origin(shop)}/widget.js"></script>`;
    sites.serve(DOORWAY, '/added', doorway(ADDED));
    sites.serve(DOORWAY, '/removed', doorway(ONLY_AUTHORITY));
    const before = sites.requests(ONLY_AUTHORITY).length;
    const page = await browser.newPage();
    await page.goto(`${sites.origin(DOORWAY)}/added`, { waitUntil: 'load' });
    // The frame shows the warning page; no request of any type reached the added site.
    await expect.poll(() => page.frames().some((f) => WarningPage.isWarningUrl(f.url()))).toBe(true);
    expect(sites.requests(ADDED)).toEqual([]);
    await page.goto(`${sites.origin(DOORWAY)}/removed`, { waitUntil: 'load' });
    await expect.poll(() => sites.requests(ONLY_AUTHORITY).slice(before).map((r) => r.path).sort()).toEqual(['/framed', '/logo.png', '/widget.js']);
    await page.close();
  });

  it('is still in force after a browser restart, and is folded into the dynamic rules', async () => {
    const { userDataDir } = browser;
    await browser.close();
    browser = await launchWithExtension({ userDataDir });
    await waitForRules(browser);
    // The base's dynamic rules outlive the restart; the overlay's session rules do not, and the
    // background puts them (or their fold) back as it starts: wait for that, not for the base.
    await expect.poll(async () => { const { session, dynamic } = await overlayRules(); return session + dynamic; }, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await lands(ADDED)).toBe('blocked');
    expect(await lands(PARENT)).toBe('loaded');
    expect(await lands(BOTH)).toBe('blocked');
    // The first wake of the session folds it: dynamic overlay rules, no session ones.
    await expect.poll(overlayRules, { timeout: 20_000 }).toEqual({ session: 0, dynamic: expect.any(Number) });
    expect((await overlayRules()).dynamic).toBeGreaterThan(0);
  });

  it('when a list’s overlay grows past its share, compacts it on the fold and loses nothing', async () => {
    await publish(version(COMMUNITY, 2, [BOTH, SUB_OF_PARENT, ...BULK.slice(2_100)]));
    expect(await message('ui-bg-update-now', { id: COMMUNITY })).toEqual([{ id: COMMUNITY, status: 'updated', version: 2 }]);
    expect(await lands(BULK[5]!)).toBe('loaded');
    await fireFoldAlarm();
    // The community overlay (2,100 removals) is compacted away; the authority's small one stays, folded.
    await expect.poll(async () => (await message<{ id: string; entryCount: number }[]>('ui-bg-subscriptions', {})).find((s) => s.id === COMMUNITY)?.entryCount, { timeout: 20_000 }).toBe(302);
    await expect.poll(overlayRules, { timeout: 20_000 }).toEqual({ session: 0, dynamic: expect.any(Number) });
    const community = await (await browser.worker()).evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.id < 900_000_000 && r.action.type !== 'block').reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0));
    // The domains of the base redirects (each chunk's block of subresources names them again).
    expect(community).toBe(302 + 3 + 4293); // the community base, the authority's (not compacted), the bundled list
    for (const [host, expected] of [
      [BULK[5]!, 'loaded'],
      [BULK[2_200]!, 'blocked'],
      [BOTH, 'blocked'],
      [SUB_OF_PARENT, 'blocked'],
      [PARENT, 'loaded'],
      [ADDED, 'blocked'],
    ] as const) {
      expect(await lands(host), host).toBe(expected);
    }
  });
});
