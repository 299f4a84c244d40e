/**
 * A list update picked up without a restart, in Firefox ESR: the extension subscribes to version 1
 * of an authority's list served on 127.0.0.1, then updates to version 2 (a delta adding one domain
 * and removing another); the added domain is blocked before load and the removed one loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSchema, publishFiles, type List } from '../../lib/lists';
import { generateKey, type SecretKeyFile } from '../../lib/signing';
import { launchFirefoxWithExtension, visit, waitForRules, type FirefoxExtensionBrowser } from './support/firefox';
import { startListServer, type ListServer } from './support/list-server';
import { startSiteServer, type SiteServer } from './support/site-server';
import { validAroundNow } from './support/dates';

const LIST_ID = 'ff-authority-blocklist';
const LISTS_HOST = 'lists.authority.example';
const KEPT = 'kept-rogue.example';
const REMOVED = 'delisted-shop.example';
const ADDED = 'new-rogue-pharmacy.example';

function version(n: number, domains: string[]): List {
  return listSchema.parse({
    format: 1,
    id: LIST_ID,
    name: 'Test Medicines Agency blocklist',
    publisher: { name: 'Test Medicines Agency', type: 'authority', country: 'DE' },
    kind: 'block',
    version: n,
    issued: validAroundNow().issued,
    expires: validAroundNow().expires,
    entries: domains.map((domain) => ({ domain, category: 'falsified-medicines', added: validAroundNow().added, evidence: { source: 'Test Medicines Agency' } })),
  });
}

let key: SecretKeyFile;
let lists: ListServer;
let sites: SiteServer;
let ff: FirefoxExtensionBrowser;
const history: List[] = [];

async function publish(list: List): Promise<void> {
  lists.publish(await publishFiles({ list, history, key }));
  history.push(list);
}

beforeAll(async () => {
  key = await generateKey();
  lists = await startListServer(LISTS_HOST);
  sites = await startSiteServer();
  ff = await launchFirefoxWithExtension({ hosts: [LISTS_HOST, KEPT, REMOVED, ADDED] });
  await waitForRules(ff);
});

afterAll(async () => {
  await ff?.close();
  await sites?.close();
  await lists?.close();
});

async function lands(host: string): Promise<string> {
  const page = await ff.newPage();
  const url = `${sites.origin(host)}/buy`;
  const landed = await visit(page, url);
  await page.close();
  return landed === url ? 'loaded' : landed.startsWith(ff.url('warning.html?url=')) ? 'blocked' : landed;
}

describe('list updates in Firefox', () => {
  it('subscribes to version 1 and blocks its domains before load', async () => {
    await publish(version(1, [KEPT, REMOVED]));
    const answer = await ff.api(
      (api, arg) => api.runtime.sendMessage({ type: 'ui-bg-subscribe', payload: arg }),
      { url: lists.url(`${LIST_ID}/latest.json`), publicKey: key.publicKey },
    );
    expect(answer).toEqual({ ok: true, id: LIST_ID });
    expect(await lands(KEPT)).toBe('blocked');
    expect(await lands(REMOVED)).toBe('blocked');
    expect(await lands(ADDED)).toBe('loaded');
    expect(sites.requests(KEPT)).toEqual([]);
  });

  it('updates to version 2 through a delta without a restart: the added domain is blocked, the removed one loads', async () => {
    await publish(version(2, [KEPT, ADDED]));
    sites.reset();
    const before = lists.log.length;
    const results = await ff.api((api, id) => api.runtime.sendMessage({ type: 'ui-bg-update-now', payload: { id } }), LIST_ID);
    expect(results).toEqual([{ id: LIST_ID, status: 'updated', version: 2 }]);
    expect(lists.log.slice(before).map((r) => r.path)).toContain(`${LIST_ID}/delta-1-2.json`);
    expect(await lands(ADDED)).toBe('blocked');
    expect(sites.requests(ADDED)).toEqual([]);
    expect(await lands(KEPT)).toBe('blocked');
    expect(await lands(REMOVED)).toBe('loaded');
  });
});
