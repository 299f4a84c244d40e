/**
 * The foundation, in real Chromium with the built extension: a listed site never receives a
 * request, an unlisted one loads, "Proceed anyway" is exact and narrow, hostile warning-page
 * parameters go nowhere, the badge and popup agree, and a restart keeps everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { badgeFor, openPopupFor, paintedBadgeFor, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';


let server: SiteServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchWithExtension();
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await server?.close();
});

describe('blocking before load', () => {
  it('sends a listed host to the warning page without a single request reaching it', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(LISTED)}/buy?pill=1`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    const warning = await new WarningPage(page).ready();
    expect(await warning.heading()).toBe('Pharmacheck stopped this site');
    expect(await page.locator('.warning-site').innerText()).toContain(LISTED);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it('blocks a subdomain of a listed domain', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(`shop.www.${LISTED}`)}/`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    await new WarningPage(page).ready();
    expect(await page.locator('.matches').innerText()).toContain(LISTED);
    expect(server.requests(`shop.www.${LISTED}`)).toEqual([]);
    await page.close();
  });

  it('blocks a listed host reached through a redirect from an unlisted one', async () => {
    const page = await browser.newPage();
    const target = `${server.origin(LISTED)}/after-redirect`;
    await visit(page, `${server.origin(UNLISTED)}/redirect?to=${encodeURIComponent(target)}`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    expect(new WarningPage(page).originalUrl()).toBe(target);
    expect(server.requests(UNLISTED).map((r) => r.path)).toContain(`/redirect?to=${encodeURIComponent(target)}`);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it('lets an unlisted host load normally', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(UNLISTED)}/shop`);
    expect(page.url()).toBe(`${server.origin(UNLISTED)}/shop`);
    expect(await page.locator('h1').innerText()).toBe(`Site ${UNLISTED}`);
    expect(server.requests(UNLISTED).some((r) => r.path === '/shop')).toBe(true);
    await page.close();
  });
});

describe('the warning page', () => {
  it('puts the focus on "Back to safety", which leaves the warning', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(UNLISTED)}/before`);
    await visit(page, `${server.origin(LISTED)}/x`);
    const warning = await new WarningPage(page).ready();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Back to safety');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin(UNLISTED)}/before`);
    expect(server.requests(LISTED)).toEqual([]);
    expect(await warning.page.locator('h1').innerText()).toBe(`Site ${UNLISTED}`);
    await page.close();
  });

  it('"Proceed anyway" reaches the exact original URL, and only that site', async () => {
    const page = await browser.newPage();
    const original = `${server.origin(LISTED_TOO)}/p/a%20b?q=1&r=two#frag-ment`;
    await visit(page, original);
    const warning = await new WarningPage(page).ready();
    expect(warning.originalUrl()).toBe(original);
    expect(server.requests(LISTED_TOO)).toEqual([]);
    await (await warning.openDetails()).proceedButton().click();
    await page.waitForURL(original);
    expect(page.url()).toBe(original);
    // The page itself, once (the browser then asks for /favicon.ico, as for any site).
    expect(server.requests(LISTED_TOO).map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/p/a%20b?q=1&r=two']);

    // The same site again: allowed for this session.
    await visit(page, `${server.origin(LISTED_TOO)}/again`);
    expect(page.url()).toBe(`${server.origin(LISTED_TOO)}/again`);
    // Another listed site: still blocked.
    await visit(page, `${server.origin(LISTED)}/other`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it.each([
    ['javascript:', 'javascript:alert(document.domain)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a listed host hidden after javascript:', `javascript:location='http://${LISTED}/'`],
    ['nothing', ''],
  ])('refuses to follow a hostile url parameter (%s)', async (_name, hostile) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(browser.url(`warning.html?url=${hostile}`));
    const warning = await new WarningPage(page).ready();
    expect(await warning.heading()).toBe('Nothing to open');
    expect(await warning.proceedButton().count()).toBe(0);
    // Asking the background directly is refused too, and adds no exception.
    const answer = await page.evaluate((url) => chrome.runtime.sendMessage({ type: 'ui-bg-proceed', payload: { url } }), hostile || 'x');
    expect(answer).toEqual({ ok: false, reason: 'not-web-url' });
    const sessionRules = await (await browser.worker()).evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    expect(sessionRules.some((r) => JSON.stringify(r).includes('alert'))).toBe(false);
    expect(dialogs).toEqual([]);
    expect(page.url().startsWith('chrome-extension://')).toBe(true);
    await page.close();
  });

  it('refuses to lift the block of a host that is not listed', async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(`warning.html?url=${server.origin(UNLISTED)}/`));
    const answer = await page.evaluate(
      (url) => chrome.runtime.sendMessage({ type: 'ui-bg-proceed', payload: { url } }),
      `${server.origin(UNLISTED)}/`,
    );
    expect(answer).toEqual({ ok: false, reason: 'not-listed' });
    await page.close();
  });
});

describe('badge and popup', () => {
  it('marks a listed tab red with a title for screen readers, and the popup names the list', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(`www.${LISTED}`)}/`);
    await new WarningPage(page).ready();
    const badge = await paintedBadgeFor(browser, browser.url('warning.html'));
    expect(badge.text).toBe('!');
    expect(badge.title).toContain(`www.${LISTED}`);
    expect(badge.title).toMatch(/illegal online pharmacies/);
    const popup = await openPopupFor(browser, badge.tabId);
    expect(popup.verdict).toBe('listed');
    expect(popup.text).toContain('Community list of rogue online pharmacies');
    const details = popup.page.getByRole('link', { name: 'See why and what to do' });
    expect(await details.getAttribute('href')).toBe(browser.url(`warning.html?url=${server.origin(`www.${LISTED}`)}/`));
    await popup.page.close();
    await page.close();
  });

  it('leaves an unlisted tab without a badge, and the popup says it is not listed', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(UNLISTED)}/badge`);
    const badge = await badgeFor(browser, `${server.origin(UNLISTED)}/badge`);
    expect(badge.text).toBe('');
    expect(badge.title).not.toMatch(/illegal/);
    const popup = await openPopupFor(browser, badge.tabId);
    expect(popup.verdict).toBe('unknown');
    expect(popup.text).toContain(`${UNLISTED} is not on any of your lists`);
    await popup.page.close();
    await page.close();
  });
});

describe('a browser restart', () => {
  it('keeps the list and the rules, forgets "Proceed anyway", and still blocks before load', async () => {
    const before = await (await browser.worker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
    expect(before.length).toBeGreaterThan(0);
    const { userDataDir } = browser;
    await browser.close();
    server.reset();

    browser = await launchWithExtension({ userDataDir });
    const worker = await browser.worker();
    const after = await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
    expect(after).toEqual(before);
    expect(await worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules())).toEqual([]);

    const page = await browser.newPage();
    for (const host of [LISTED, LISTED_TOO]) {
      await visit(page, `${server.origin(host)}/after-restart`);
      expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    }
    const warning = await new WarningPage(page).ready();
    expect(await page.locator('.matches').innerText()).toContain('Community list of rogue online pharmacies');
    expect(await warning.heading()).toBe('Pharmacheck stopped this site');
    expect(server.requests(LISTED)).toEqual([]);
    expect(server.requests(LISTED_TOO)).toEqual([]);
    await page.close();
  });
});
