/**
 * Subscriptions and updates in real Chromium: a local server publishes signed versions of an
 * authority's list; the extension subscribes from its options page, then picks up version 2 as a
 * delta (through its update alarm) and blocks the added domain before load while the removed one
 * loads, without a restart; a tampered version 3 is refused, version 2 stays in force, and the
 * options page shows why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSchema, publishFiles, type Entry, type List } from '../../lib/lists';
import { generateKey, type SecretKeyFile } from '../../lib/signing';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { startListServer, type ListServer } from './support/list-server';
import { OptionsPage } from './support/options-page';
import { visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { validAroundNow } from './support/dates';

const LIST_ID = 'xx-authority-blocklist';
const KEPT = 'kept-rogue.example';
const REMOVED = 'delisted-shop.example';
const ADDED = 'new-rogue-pharmacy.example';

function entry(domain: string): Entry {
  return { domain, category: 'falsified-medicines', added: validAroundNow().added, evidence: { source: 'Test Medicines Agency', reference: 'case 2026-42' } };
}

function version(n: number, domains: string[]): List {
  return listSchema.parse({
    format: 1,
    id: LIST_ID,
    name: 'Test Medicines Agency blocklist',
    publisher: { name: 'Test Medicines Agency', type: 'authority', country: 'FR' },
    kind: 'block',
    version: n,
    issued: validAroundNow().issued,
    expires: validAroundNow().expires,
    entries: domains.map(entry),
  });
}

let key: SecretKeyFile;
let lists: ListServer;
let sites: SiteServer;
let browser: ExtensionBrowser;
const history: List[] = [];

async function publish(list: List): Promise<void> {
  lists.publish(await publishFiles({ list, history, key }));
  history.push(list);
}

/** Makes the subscription due and fires the update alarm, as the browser would after its period. */
async function fireUpdateAlarm(): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate(async (id) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('pharmacheck');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('subscriptions', 'readwrite');
        const store = tx.objectStore('subscriptions');
        const get = store.get(id);
        get.onsuccess = () => store.put({ ...get.result, nextCheck: new Date(0).toISOString() });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    await chrome.alarms.create('pharmacheck-update', { when: Date.now() + 10, periodInMinutes: 5 });
  }, LIST_ID);
}

async function expectBlocked(host: string): Promise<void> {
  const page = await browser.newPage();
  await visit(page, `${sites.origin(host)}/buy`);
  expect(WarningPage.isWarningUrl(page.url()), `${host} should be blocked`).toBe(true);
  await page.close();
  expect(sites.requests(host)).toEqual([]);
}

async function expectLoads(host: string): Promise<void> {
  const page = await browser.newPage();
  await visit(page, `${sites.origin(host)}/buy`);
  expect(page.url()).toBe(`${sites.origin(host)}/buy`);
  await page.close();
}

beforeAll(async () => {
  key = await generateKey();
  lists = await startListServer();
  sites = await startSiteServer();
  browser = await launchWithExtension();
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await lists?.close();
});

describe('subscribing and updating', () => {
  it('subscribes to version 1 from the options page and blocks its domains before load', async () => {
    await publish(version(1, [KEPT, REMOVED]));
    const options = await OptionsPage.open(browser);
    const status = await options.subscribe(lists.url(`${LIST_ID}/latest.json`), key.publicKey);
    expect(status).toBe(`Subscribed to ${LIST_ID}.`);
    await expect.poll(() => options.field(LIST_ID, 'version')).toBe('1');
    expect(await options.field(LIST_ID, 'entries')).toBe('2');
    expect(await options.list(LIST_ID).innerText()).toContain('Test Medicines Agency');
    await options.page.close();
    await expectBlocked(KEPT);
    await expectBlocked(REMOVED);
    await expectLoads(ADDED);
  });

  it('picks up version 2 through its update alarm as a delta, without a restart', async () => {
    await publish(version(2, [KEPT, ADDED]));
    sites.reset();
    const before = lists.log.length;
    await fireUpdateAlarm();
    const options = await OptionsPage.open(browser);
    await expect.poll(() => options.field(LIST_ID, 'version'), { timeout: 20_000 }).toBe('2');
    await options.page.close();
    const fetched = lists.log.slice(before).filter((r) => r.status === 200).map((r) => r.path);
    expect(fetched).toContain(`${LIST_ID}/delta-1-2.json`);
    expect(fetched).not.toContain(`${LIST_ID}/v2.json`);
    await expectBlocked(ADDED);
    await expectBlocked(KEPT);
    await expectLoads(REMOVED);
  });

  it('asks again with If-None-Match and gets a 304 when nothing changed', async () => {
    const before = lists.log.length;
    const options = await OptionsPage.open(browser);
    expect(await options.updateAll()).toBe('Lists checked.');
    const latest = lists.log.slice(before).filter((r) => r.path === `${LIST_ID}/latest.json`);
    expect(latest.map((r) => r.status)).toEqual([304]);
    expect(latest[0]!.ifNoneMatch).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await options.field(LIST_ID, 'version')).toBe('2');
    await options.page.close();
  });

  it('refuses a tampered version 3, keeps version 2 in force, and shows the error', async () => {
    await publish(version(3, [KEPT]));
    const flip = (bytes: Uint8Array) => {
      bytes[bytes.length - 20]! ^= 0x01;
      return bytes;
    };
    lists.tamper(`${LIST_ID}/v3.json`, flip);
    lists.tamper(`${LIST_ID}/delta-2-3.json`, flip);
    const options = await OptionsPage.open(browser);
    expect(await options.updateAll()).toMatch(/could not be updated/);
    expect(await options.field(LIST_ID, 'version')).toBe('2');
    expect(await options.field(LIST_ID, 'error')).toMatch(/bad.signature/);
    await options.page.close();
    sites.reset();
    await expectBlocked(ADDED);
    await expectBlocked(KEPT);
    await expectLoads(REMOVED);
  });
});
