/**
 * Start-up that survives one bad list, in real Chromium with real IndexedDB: a list whose stored
 * copy is damaged (its snapshot and one of its entry rows gone, as a write cut short or a damaged
 * profile leaves it) is set aside at the next browser start and shown as broken on the options
 * page, while the other lists keep their verdicts and rules; it is fetched again (a subscribed
 * list by its update, once its server answers; the bundled list from the package at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, type SecretKeyFile } from '../../lib/signing';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { LISTED, LISTED_TOO } from './support/hosts';
import { startListServer, type ListServer } from './support/list-server';
import { OptionsPage } from './support/options-page';
import { publisher, version } from './support/overlay-lists';
import { landsAt, messageFromPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';

const SUBSCRIBED = 'ov-community';
const BUNDLED = 'community-rogue-pharmacies';
const ROGUE = 'subscribed-rogue.example';
const ROGUE_TOO = 'subscribed-rogue-too.example';

let key: SecretKeyFile;
let lists: ListServer;
let sites: SiteServer;
let browser: ExtensionBrowser;

const message = <T>(type: string, payload: unknown) => messageFromPage<T>(browser, type, payload);
const lands = (host: string) => landsAt(browser, `${sites.origin(host)}/buy`);

/** Deletes a list's snapshot and the first row of its entries, straight in the extension's IndexedDB. */
async function damage(listId: string): Promise<void> {
  await (await browser.worker()).evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pharmacheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['snapshots', 'entryChunks'], 'readwrite');
          tx.objectStore('snapshots').delete(id);
          const cursor = tx.objectStore('entryChunks').index('listId').openCursor(IDBKeyRange.only(id));
          cursor.onsuccess = () => void cursor.result?.delete();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    listId,
  );
}

async function restart(): Promise<void> {
  const { userDataDir } = browser;
  await browser.close();
  browser = await launchWithExtension({ userDataDir });
  await waitForRules(browser);
}

beforeAll(async () => {
  key = await generateKey();
  lists = await startListServer();
  sites = await startSiteServer();
  await publisher(lists, key)(version(SUBSCRIBED, 1, [ROGUE, ROGUE_TOO]));
  browser = await launchWithExtension();
  await waitForRules(browser);
  expect(await message('ui-bg-subscribe', { url: lists.url(`${SUBSCRIBED}/latest.json`), publicKey: key.publicKey })).toEqual({ ok: true, id: SUBSCRIBED });
}, 120_000);

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await lists?.close();
});

describe('a list whose stored copy is damaged', () => {
  it('is set aside and shown as broken while its server is down; the bundled list keeps blocking', async () => {
    expect(await lands(ROGUE)).toBe('blocked');
    await damage(SUBSCRIBED);
    lists.failWith(503);
    await restart();

    expect(await lands(LISTED)).toBe('blocked');
    expect(await lands(LISTED_TOO)).toBe('blocked');
    const options = await OptionsPage.open(browser);
    await options.list(SUBSCRIBED).locator('[data-field="broken"]').waitFor({ timeout: 30_000 });
    expect(await options.field(SUBSCRIBED, 'broken')).toMatch(/^Could not be read on .+\. Pharmacheck left this list out and is downloading it again; your other lists keep protecting you\.$/);
    // It was fetched again at start-up; the server's answer is the error shown.
    await expect.poll(() => options.field(SUBSCRIBED, 'error'), { timeout: 30_000 }).toMatch(/503/);
    expect(await options.field(SUBSCRIBED, 'entries')).toBe('0');
    expect(await options.field(BUNDLED, 'error')).toBe('None');
    await options.page.close();
    // Nothing half-read gives a verdict: the list is out until it is stored again.
    expect(await lands(ROGUE)).toBe('loaded');
  });

  it('comes back whole once its server answers, and is no longer shown as broken', async () => {
    lists.failWith(null);
    expect(await message('ui-bg-update-now', { id: SUBSCRIBED })).toEqual([{ id: SUBSCRIBED, status: 'updated', version: 1 }]);
    expect(await lands(ROGUE)).toBe('blocked');
    expect(await lands(ROGUE_TOO)).toBe('blocked');
    const options = await OptionsPage.open(browser);
    expect(await options.field(SUBSCRIBED, 'entries')).toBe('2');
    expect(await options.list(SUBSCRIBED).locator('[data-field="broken"]').count()).toBe(0);
    await options.page.close();
  });

  it('is installed again from the package at the next start when it is the bundled list, the others untouched', async () => {
    await damage(BUNDLED);
    await restart();
    expect(await lands(LISTED)).toBe('blocked');
    expect(await lands(ROGUE)).toBe('blocked');
    const options = await OptionsPage.open(browser);
    await expect.poll(() => options.list(BUNDLED).locator('[data-field="broken"]').count()).toBe(0);
    expect(Number((await options.field(BUNDLED, 'entries')).replace(/\D/g, ''))).toBeGreaterThan(1_000);
    expect(await options.field(SUBSCRIBED, 'entries')).toBe('2');
    await options.page.close();
  });
});
