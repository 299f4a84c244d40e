/**
 * The ways around the warning that issue 11 found, in real Chromium with the built extension: a
 * listed shop framed by an unlisted page (and its script, image and API pulled by that page), a form
 * posting to it, a window.open to it, and a listed shop whose service worker was installed before
 * Pharmacheck. Each ends on the warning (or, in a frame, its short explanation) with no request
 * reaching the shop, and the worker is gone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { FRAME_HEADING, serveEmbeddingPages, serveShopWithServiceWorker, SHOP_WORKER_READY } from './support/embedding';
import { axeSource } from './support/guidance';
import { badgeFor, openPopupFor, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';

let server: SiteServer;

beforeAll(async () => {
  server = await startSiteServer();
  serveEmbeddingPages(server, UNLISTED, LISTED);
});

afterAll(async () => {
  await server?.close();
});

async function warningFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => WarningPage.isWarningUrl(f.url())), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => WarningPage.isWarningUrl(f.url()))!;
  await frame.locator('main h1').waitFor();
  return frame;
}

describe('a listed shop inside a page', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await waitForRules(browser);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('never loads in a frame, nor its script, image or API: the frame explains, and no request reaches it', async () => {
    server.reset();
    const page = await browser.newPage();
    await page.goto(`${server.origin(UNLISTED)}/doorway`, { waitUntil: 'load' });
    const frame = await warningFrame(page);
    expect(new URL(frame.url()).search).toBe(`?url=${server.origin(LISTED)}/embedded-shop`);
    expect(await frame.locator('main h1').innerText()).toBe(FRAME_HEADING);
    expect(await frame.locator('main p').innerText()).toContain(LISTED);
    // Nothing to click in a frame: no "Proceed anyway", no "Back to safety".
    expect(await frame.locator('button, a').count()).toBe(0);
    await expect.poll(() => page.locator('#api').innerText()).toBe('blocked');
    expect(server.requests(LISTED)).toEqual([]);
    expect(server.requests(UNLISTED).map((r) => r.path)).toContain('/doorway');

    // The framing page's badge and popup say it tried to show a listed site.
    await expect.poll(async () => (await badgeFor(browser, `${server.origin(UNLISTED)}/doorway`)).title).toContain(LISTED);
    const badge = await badgeFor(browser, `${server.origin(UNLISTED)}/doorway`);
    expect(badge.text).toBe('!');
    const popup = await openPopupFor(browser, badge.tabId);
    expect(popup.verdict).toBe('unknown');
    await expect.poll(() => popup.page.locator('[data-testid="embedded"]').innerText()).toContain(LISTED);
    expect(await popup.page.locator('[data-testid="embedded"]').innerText()).toContain('tried to show');
    await popup.page.close();
    await page.close();
  });

  it('has no accessibility violations in the frame explanation (axe-core)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin(UNLISTED)}/doorway?axe`, { waitUntil: 'load' });
    const frame = await warningFrame(page);
    await frame.evaluate(axeSource);
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(await frame.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', FRAME_HEADING]);
    await page.close();
  });

  it('a page of an unlisted site without any listed site keeps its plain badge and popup', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin(UNLISTED)}/plain`, { waitUntil: 'load' });
    const badge = await badgeFor(browser, `${server.origin(UNLISTED)}/plain`);
    expect(badge.text).toBe('');
    const popup = await openPopupFor(browser, badge.tabId);
    expect(await popup.page.locator('[data-testid="embedded"]').count()).toBe(0);
    await popup.page.close();
    await page.close();
  });

  it('a form on an unlisted page posting to a listed shop ends on the warning, and the shop gets nothing', async () => {
    server.reset();
    const page = await browser.newPage();
    await page.goto(`${server.origin(UNLISTED)}/form`, { waitUntil: 'load' });
    await page.click('#buy');
    await page.waitForURL((url) => WarningPage.isWarningUrl(url.href));
    const warning = await new WarningPage(page).ready();
    expect(await warning.heading()).toBe('Pharmacheck stopped this site');
    expect(warning.originalUrl()).toBe(`${server.origin(LISTED)}/checkout`);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it('a window.open to a listed shop ends on the warning, and the shop gets nothing', async () => {
    server.reset();
    const page = await browser.newPage();
    await page.goto(`${server.origin(UNLISTED)}/opener`, { waitUntil: 'load' });
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), page.click('#open')]);
    await opened.waitForURL((url) => WarningPage.isWarningUrl(url.href));
    expect(new WarningPage(opened).originalUrl()).toBe(`${server.origin(LISTED)}/opened?from=opener`);
    await new WarningPage(opened).ready();
    expect(server.requests(LISTED)).toEqual([]);
    await opened.close();
    await page.close();
  });
});

describe('a listed shop whose service worker was installed before Pharmacheck', () => {
  const profile = mkdtempSync(join(tmpdir(), 'pharmacheck-sw-profile-'));
  const secureOrigin = () => `--unsafely-treat-insecure-origin-as-secure=${server.origin(LISTED_TOO)}`;

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('ends on the warning page with no request, its worker is gone, and the next visit reaches the network', async () => {
    serveShopWithServiceWorker(server, LISTED_TOO);
    // First without the extension, in the same profile: the worker installs and serves the shop from its cache.
    const plain = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * 127.0.0.1', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', secureOrigin()],
    });
    const before = await plain.newPage();
    await before.goto(`${server.origin(LISTED_TOO)}/`, { waitUntil: 'load' });
    expect(await before.evaluate(SHOP_WORKER_READY)).toBe(true);
    server.reset();
    await before.reload({ waitUntil: 'load' });
    expect(await before.locator('h1').innerText()).toBe('Shop home');
    // The proof that the worker answers: the page shows without a request for it.
    expect(server.requests(LISTED_TOO).filter((r) => r.path === '/')).toEqual([]);
    await plain.close();

    // Then with Pharmacheck: the cached page commits, and the tab is taken to the warning at once.
    const browser = await launchWithExtension({ userDataDir: profile, extraArgs: [secureOrigin()] });
    try {
      await waitForRules(browser);
      server.reset();
      const page = await browser.newPage();
      await page.goto(`${server.origin(LISTED_TOO)}/`).catch(() => undefined);
      await page.waitForURL((url) => WarningPage.isWarningUrl(url.href), { timeout: 15_000 });
      expect(new WarningPage(page).originalUrl()).toBe(`${server.origin(LISTED_TOO)}/`);
      await new WarningPage(page).ready();
      // Not a byte either from the worker's update check: the block rule stops the worker's requests.
      expect(server.requests(LISTED_TOO)).toEqual([]);

      // The worker is gone: the browser lists no live registration for the shop.
      const cdp = await browser.context.newCDPSession(page);
      // Enabling the domain makes the browser send every stored and live registration as its first
      // workerRegistrationUpdated event (content/browser/service_worker/service_worker_context_watcher.cc,
      // OnStoredRegistrations: one batch, sent even when empty), so that first event is the whole answer.
      type Registration = { scopeURL: string; isDeleted: boolean };
      const snapshot = new Promise<Registration[]>((resolve) =>
        cdp.once('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Registration[] }) => resolve(e.registrations)),
      );
      await cdp.send('ServiceWorker.enable');
      const registrations = await snapshot;
      // The snapshot is the whole set: it holds the extension's own worker.
      expect(registrations.some((r) => r.scopeURL.startsWith('chrome-extension://') && !r.isDeleted)).toBe(true);
      expect(registrations.filter((r) => r.scopeURL.startsWith(server.origin(LISTED_TOO)) && !r.isDeleted)).toEqual([]);

      // "Proceed anyway": the page now comes from the network (a worker would have answered from its cache).
      const warning = await new WarningPage(page).openDetails();
      await warning.proceedButton().click();
      await page.waitForURL(`${server.origin(LISTED_TOO)}/`);
      expect(await page.locator('h1').innerText()).toBe('Shop home');
      expect(server.requests(LISTED_TOO).filter((r) => r.path === '/')).not.toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
