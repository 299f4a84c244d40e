/**
 * frames.test.ts in headless Firefox ESR with the built Firefox extension: a listed shop framed by
 * an unlisted page (with its script, image and API) gets no request and the frame explains; a form
 * posting to it and a window.open to it end on the warning; a shop whose service worker was
 * installed before Pharmacheck, in the same profile, ends on the warning and its worker is gone.
 * axe-core on the frame explanation runs in Chromium only (frames.test.ts): WebDriver BiDi cannot
 * reach an extension frame inside a web page in Firefox, and the markup is the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveEmbeddingPages, serveShopWithServiceWorker, SHOP_WORKER_READY } from './support/embedding';
import { badgeFor, FIREFOX, launchFirefoxWithExtension, openExtensionPage, textOf, visit, waitForRules, type FirefoxExtensionBrowser } from './support/firefox';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';

const HOSTS = [LISTED, LISTED_TOO, UNLISTED];
// Service workers on plain http, for the local site server (Firefox's counterpart of Chromium's flag).
const SW_PREFS = { 'dom.serviceWorkers.testing.enabled': true };

let server: SiteServer;

beforeAll(async () => {
  server = await startSiteServer();
  serveEmbeddingPages(server, UNLISTED, LISTED);
});

afterAll(async () => {
  await server?.close();
});

const href = (page: Page) => page.evaluate(() => location.href).catch(() => '');

/**
 * The address of the warning page in a frame of the tab at `pageUrl`, from webNavigation: WebDriver
 * BiDi shows an extension frame inside a web page as about:blank, and cannot read it.
 */
async function warningFrameUrl(ff: FirefoxExtensionBrowser, pageUrl: string): Promise<string | undefined> {
  return ff.api(async (api, page) => {
    const tab = (await api.tabs.query({})).find((t) => t.url === page);
    const frames = tab?.id === undefined ? [] : ((await api.webNavigation.getAllFrames({ tabId: tab.id })) ?? []);
    return frames.find((f) => f.frameId !== 0 && f.url.startsWith(api.runtime.getURL('/warning.html?url=')))?.url;
  }, pageUrl);
}

describe('a listed shop inside a page, in Firefox', () => {
  let ff: FirefoxExtensionBrowser;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension({ hosts: HOSTS });
    await waitForRules(ff);
  });

  afterAll(async () => {
    await ff?.close();
  });

  it('never loads in a frame, nor its script, image or API: the frame explains, and no request reaches it', async () => {
    server.reset();
    const page = await ff.newPage();
    const doorway = `${server.origin(UNLISTED)}/doorway`;
    expect(await visit(page, doorway)).toBe(doorway);
    await expect.poll(() => warningFrameUrl(ff, doorway), { timeout: 20_000 }).toBe(ff.url(`warning.html?url=${server.origin(LISTED)}/embedded-shop`));
    await expect.poll(() => page.evaluate(() => document.getElementById('api')?.textContent)).toBe('blocked');
    expect(server.requests(LISTED)).toEqual([]);

    // The frame's explanation rendered and the background confirmed the site is listed: it marked
    // the framing tab (its text and axe-core are checked in Chromium, frames.test.ts).
    await expect.poll(async () => (await badgeFor(ff, doorway)).title, { timeout: 20_000 }).toContain(LISTED);
    const badge = await badgeFor(ff, doorway);
    expect(badge.text).toBe('!');
    const popup = await ff.newPage();
    await openExtensionPage(popup, ff.url, `popup.html?tab=${badge.tabId}`);
    expect(await textOf(popup, '[data-testid="embedded"]')).toContain(LISTED);
    await popup.close();
    await page.close();
  });

  it('a form on an unlisted page posting to a listed shop ends on the warning, and the shop gets nothing', async () => {
    server.reset();
    const page = await ff.newPage();
    await visit(page, `${server.origin(UNLISTED)}/form`);
    await page.click('#buy');
    await expect.poll(() => href(page), { timeout: 20_000 }).toBe(ff.url(`warning.html?url=${server.origin(LISTED)}/checkout`));
    expect(await textOf(page, 'main h1')).toBe('Pharmacheck stopped this site');
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it('a window.open to a listed shop ends on the warning, and the shop gets nothing', async () => {
    server.reset();
    const page = await ff.newPage();
    await visit(page, `${server.origin(UNLISTED)}/opener`);
    const target = ff.url(`warning.html?url=${server.origin(LISTED)}/opened?from=opener`);
    await page.click('#open');
    await expect.poll(async () => (await ff.api(async (api) => (await api.tabs.query({})).map((t) => t.url ?? ''))).includes(target), { timeout: 20_000 }).toBe(true);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });
});

describe('a listed shop whose service worker was installed before Pharmacheck, in Firefox', () => {
  const profile = mkdtempSync(join(tmpdir(), 'pharmacheck-ff-sw-profile-'));

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('ends on the warning page with no request, its worker is gone, and the next visit reaches the network', { timeout: 150_000 }, async () => {
    serveShopWithServiceWorker(server, LISTED_TOO);
    const shop = `${server.origin(LISTED_TOO)}/`;
    // First without the extension, in the same profile: the worker installs and serves the shop from its cache.
    const plain = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: { 'network.dns.localDomains': HOSTS.join(','), ...SW_PREFS },
    });
    const before = await plain.newPage();
    await before.goto(shop);
    expect(await before.evaluate(SHOP_WORKER_READY)).toBe(true);
    server.reset();
    await before.reload();
    expect(await before.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Shop home');
    expect(server.requests(LISTED_TOO).filter((r) => r.path === '/')).toEqual([]);
    await plain.close();

    const ff = await launchFirefoxWithExtension({ hosts: HOSTS, userDataDir: profile, prefs: SW_PREFS });
    try {
      await waitForRules(ff);
      server.reset();
      const page = await ff.newPage();
      await page.evaluate((u) => void (location.href = u), shop).catch(() => undefined);
      await expect.poll(() => href(page), { timeout: 20_000 }).toBe(ff.url(`warning.html?url=${shop}`));
      expect(await textOf(page, 'main h1')).toBe('Pharmacheck stopped this site');
      expect(server.requests(LISTED_TOO)).toEqual([]);

      // "Proceed anyway": the page now comes from the network (a worker would have answered from its cache).
      await page.click('#warning-details-toggle');
      await page.click('.proceed button');
      await expect.poll(() => href(page), { timeout: 20_000 }).toBe(shop);
      expect(await textOf(page, 'h1')).toBe('Shop home');
      expect(server.requests(LISTED_TOO).filter((r) => r.path === '/')).not.toEqual([]);
      await page.close();
    } finally {
      await ff.close();
    }
  });
});
