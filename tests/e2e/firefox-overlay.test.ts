/**
 * Deltas in force at once, in Firefox ESR: the same lists as overlay.test.ts. A delta goes in as
 * session rules (the dynamic rules untouched); its additions stop a site's frames and
 * subresources too; its removals un-block only what no other list blocks, all of a removed site's
 * requests included; folding moves it into the dynamic rules; compaction loses nothing. (A restart is tested
 * in Chromium only: Firefox removes a temporary add-on when it closes.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, type SecretKeyFile } from '../../lib/signing';
import { launchFirefoxWithExtension, visit, waitForRules, type FirefoxExtensionBrowser } from './support/firefox';
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
import { startSiteServer, type SiteServer } from './support/site-server';

const LISTS_HOST = 'lists.authority.example';
const BULK = communityBulk(2_400);
/** An unlisted page that frames a shop and pulls its image and script. */
const DOORWAY = 'doorway-unlisted.example';

let key: SecretKeyFile;
let lists: ListServer;
let sites: SiteServer;
let ff: FirefoxExtensionBrowser;
let publish: ReturnType<typeof publisher>;

const send = <T>(type: string, payload: unknown) => ff.api((api, arg) => api.runtime.sendMessage(arg), { type, payload }) as Promise<T>;

async function lands(host: string): Promise<'blocked' | 'loaded'> {
  const page = await ff.newPage();
  const url = `${sites.origin(host)}/buy`;
  const landed = await visit(page, url);
  await page.close();
  return landed === url ? 'loaded' : landed.startsWith(ff.url('warning.html?url=')) ? 'blocked' : (landed as never);
}

const overlayRules = () =>
  ff.api(
    async (api, [min, sessionMin]) => ({
      session: (await api.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= sessionMin && r.id < 1_000_000_000).length,
      dynamic: (await api.declarativeNetRequest.getDynamicRules()).filter((r) => r.id >= min && r.id < sessionMin).length,
    }),
    [OVERLAY_RULE_MIN, SESSION_OVERLAY_MIN] as const,
  );

beforeAll(async () => {
  key = await generateKey();
  lists = await startListServer(LISTS_HOST);
  sites = await startSiteServer();
  publish = publisher(lists, key);
  ff = await launchFirefoxWithExtension({ hosts: [LISTS_HOST, DOORWAY, ONLY_AUTHORITY, BOTH, PARENT, SUB_OF_PARENT, ADDED, BULK[5]!, BULK[2_200]!] });
  await waitForRules(ff);
  await publish(version(AUTHORITY, 1, [ONLY_AUTHORITY, BOTH, PARENT]));
  await publish(version(COMMUNITY, 1, [BOTH, SUB_OF_PARENT, ...BULK]));
  for (const id of [AUTHORITY, COMMUNITY]) {
    expect(await send('ui-bg-subscribe', { url: lists.url(`${id}/latest.json`), publicKey: key.publicKey })).toEqual({ ok: true, id });
  }
}, 120_000);

afterAll(async () => {
  await ff?.close();
  await sites?.close();
  await lists?.close();
});

describe('a delta in Firefox', () => {
  it('goes in as session rules, and its removals un-block only what no other list blocks', async () => {
    for (const host of [ONLY_AUTHORITY, BOTH, PARENT, SUB_OF_PARENT]) expect(await lands(host), host).toBe('blocked');
    const dynamicBefore = await ff.api((api) => api.declarativeNetRequest.getDynamicRules());

    await publish(version(AUTHORITY, 2, [ADDED]));
    expect(await send('ui-bg-update-now', { id: AUTHORITY })).toEqual([{ id: AUTHORITY, status: 'updated', version: 2 }]);

    expect(await ff.api((api) => api.declarativeNetRequest.getDynamicRules())).toEqual(dynamicBefore);
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
    const page = await ff.newPage();
    const added = `${sites.origin(DOORWAY)}/added`;
    expect(await visit(page, added)).toBe(added);
    // The frame shows the warning page; no request of any type reached the added site.
    const warningFrame = () =>
      ff.api(async (api, url) => {
        const tab = (await api.tabs.query({})).find((t) => t.url === url);
        const frames = tab?.id === undefined ? [] : ((await api.webNavigation.getAllFrames({ tabId: tab.id })) ?? []);
        return frames.some((f) => f.frameId !== 0 && f.url.startsWith(api.runtime.getURL('/warning.html?url=')));
      }, added);
    await expect.poll(warningFrame, { timeout: 20_000 }).toBe(true);
    expect(sites.requests(ADDED)).toEqual([]);
    const removed = `${sites.origin(DOORWAY)}/removed`;
    expect(await visit(page, removed)).toBe(removed);
    await expect.poll(() => sites.requests(ONLY_AUTHORITY).slice(before).map((r) => r.path).sort(), { timeout: 20_000 }).toEqual(['/framed', '/logo.png', '/widget.js']);
    await page.close();
  });

  it('is folded into the dynamic rules, and a list whose overlay grew large is compacted, losing nothing', async () => {
    await publish(version(COMMUNITY, 2, [BOTH, SUB_OF_PARENT, ...BULK.slice(2_100)]));
    expect(await send('ui-bg-update-now', { id: COMMUNITY })).toEqual([{ id: COMMUNITY, status: 'updated', version: 2 }]);
    await ff.api((api) => api.alarms.create('pharmacheck-fold', { when: Date.now() + 10 }));
    await expect.poll(async () => (await send<{ id: string; entryCount: number }[]>('ui-bg-subscriptions', {})).find((s) => s.id === COMMUNITY)?.entryCount, { timeout: 20_000 }).toBe(302);
    await expect.poll(overlayRules, { timeout: 20_000 }).toEqual({ session: 0, dynamic: expect.any(Number) });
    expect((await overlayRules()).dynamic).toBeGreaterThan(0);
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
