/**
 * The Chromium suite's promises, kept in headless Firefox ESR with the built Firefox (MV3)
 * extension: a listed site and its subdomains never receive a request, an unlisted one loads,
 * "Proceed anyway" is exact and narrow, the warning page passes axe-core and runs under the
 * content security policy, the badge and popup agree, and losing access to sites is said, not
 * hidden. List updates without a restart: firefox-updates.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectInlineScriptAndRemoteImage } from './support/csp-probe';
import {
  badgeFor,
  paintedBadgeFor,
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  openExtensionPage,
  openPopupFor,
  textOf,
  visit,
  waitForRules,
  type FirefoxExtensionBrowser,
} from './support/firefox';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';

const SUBDOMAINS = [`www.${LISTED}`, `shop.www.${LISTED}`];
/** An unlisted page written like an illegal shop: the caution verdict's (tests/e2e/caution.test.ts). */
const ROGUE = 'cheapmeds24-online.example';

let server: SiteServer;
let ff: FirefoxExtensionBrowser;

beforeAll(async () => {
  server = await startSiteServer();
  server.serve(ROGUE, '*', readFileSync(new URL('./fixtures/caution/rogue-shop.html', import.meta.url), 'utf8'));
  ff = await launchFirefoxWithExtension({
    hosts: [LISTED, LISTED_TOO, ...SUBDOMAINS, UNLISTED, ROGUE],
    // Grants a permissions.request() without the doorhanger a headless browser cannot click.
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  await waitForRules(ff);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const warningFor = (url: string) => ff.url(`warning.html?url=${url}`);

async function waitForUrl(page: Page, url: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => location.href).catch(() => ''), { timeout: 20_000 }).toBe(url);
}

describe('blocking before load in Firefox', () => {
  it('sends a listed host to the warning page without a single request reaching it', async () => {
    const page = await ff.newPage();
    const url = `${server.origin(LISTED)}/buy?pill=1`;
    expect(await visit(page, url)).toBe(warningFor(url));
    expect(await textOf(page, 'main h1')).toBe('Pharmacheck stopped this site');
    expect(await textOf(page, '.warning-site')).toContain(LISTED);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it.each(SUBDOMAINS)('blocks %s, a subdomain of a listed domain', async (host) => {
    const page = await ff.newPage();
    const url = `${server.origin(host)}/`;
    expect(await visit(page, url)).toBe(warningFor(url));
    expect(await textOf(page, '.matches')).toContain(LISTED);
    expect(server.requests(host)).toEqual([]);
    await page.close();
  });

  it('lets an unlisted host load normally', async () => {
    const page = await ff.newPage();
    const url = `${server.origin(UNLISTED)}/shop`;
    expect(await visit(page, url)).toBe(url);
    expect(await textOf(page, 'h1')).toBe(`Site ${UNLISTED}`);
    expect(server.requests(UNLISTED).map((r) => r.path)).toContain('/shop');
    await page.close();
  });
});

describe('the warning page in Firefox', () => {
  it('"Proceed anyway" reaches the exact original URL, and only that site', async () => {
    const page = await ff.newPage();
    const original = `${server.origin(LISTED_TOO)}/p/a%20b?q=1&r=two#frag-ment`;
    expect(await visit(page, original)).toBe(warningFor(original));
    await textOf(page, '.proceed button');
    expect(server.requests(LISTED_TOO)).toEqual([]);
    // "Proceed anyway" is in the details behind the first screen.
    await page.click('#warning-details-toggle');
    await page.click('.proceed button');
    await waitForUrl(page, original);
    expect(await textOf(page, 'h1')).toBe(`Site ${LISTED_TOO}`);
    // The page itself, once (Firefox then asks for /favicon.ico, as for any site).
    expect(server.requests(LISTED_TOO).map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/p/a%20b?q=1&r=two']);

    // The same site again: allowed for this session. Another listed site: still blocked.
    expect(await visit(page, `${server.origin(LISTED_TOO)}/again`)).toBe(`${server.origin(LISTED_TOO)}/again`);
    expect(await visit(page, `${server.origin(LISTED)}/other`)).toBe(warningFor(`${server.origin(LISTED)}/other`));
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });

  it('refuses to follow a javascript: url parameter', async () => {
    const page = await ff.newPage();
    await openExtensionPage(page, ff.url, 'warning.html?url=javascript:alert(document.domain)');
    expect(await textOf(page, 'main h1')).toBe('Nothing to open');
    expect(await page.$('.proceed button')).toBeNull();
    await page.close();
  });

  it('has no accessibility violations (axe-core)', async () => {
    const page = await ff.newPage();
    await visit(page, `${server.origin(LISTED)}/axe`);
    await textOf(page, '.matches');
    // Evaluated by the test driver, so the page's own CSP (which forbids it) does not apply.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it("runs under the manifest's content security policy: no inline script, nothing remote", async () => {
    const page = await ff.newPage();
    await visit(page, `${server.origin(LISTED)}/csp`);
    await textOf(page, '.matches');
    const outcome = await page.evaluate(injectInlineScriptAndRemoteImage, `${server.origin(UNLISTED)}/pixel.png`);
    expect(outcome.ran).toBe(false);
    // The policy that refused the image is the manifest's own (Firefox adds its default as well).
    const manifest = JSON.parse(readFileSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(outcome.violations).toContainEqual({ directive: 'img-src', policy: manifest.content_security_policy.extension_pages });
    expect(outcome.violations.map((v) => v.directive)).toContain('script-src-elem');
    expect(server.requests(UNLISTED).map((r) => r.path)).not.toContain('/pixel.png');
    await page.close();
  });
});

describe('badge and popup in Firefox', () => {
  it('marks a listed tab with "!" and a title for screen readers, and the popup names the list', async () => {
    const page = await ff.newPage();
    const url = `${server.origin(SUBDOMAINS[0]!)}/badge`;
    await visit(page, url);
    await textOf(page, '.matches');
    const badge = await paintedBadgeFor(ff, warningFor(url));
    expect(badge.text).toBe('!');
    expect(badge.title).toContain(SUBDOMAINS[0]);
    expect(badge.title).toMatch(/illegal online pharmacies/);
    const popup = await openPopupFor(ff, badge.tabId);
    expect(popup.verdict).toBe('listed');
    expect(popup.text).toContain('Community list of rogue online pharmacies');
    await popup.page.close();
    await page.close();
  });

  it('leaves an unlisted tab without a badge, and the popup says it is not listed', async () => {
    const page = await ff.newPage();
    const url = `${server.origin(UNLISTED)}/badge`;
    await visit(page, url);
    const badge = await badgeFor(ff, url);
    expect(badge.text).toBe('');
    expect(badge.title).not.toMatch(/illegal/);
    const popup = await openPopupFor(ff, badge.tabId);
    expect(popup.verdict).toBe('unknown');
    expect(popup.text).toContain(`${UNLISTED} is not on any of your lists`);
    await popup.page.close();
    await page.close();
  });
});

describe('the badge through navigations in Firefox', () => {
  // Firefox puts a tab's badge back to the manifest's when a document loads in it, a reload
  // included, and leaves it on a same-document navigation; the background sets a tab's badge only
  // when what it shows changes (lib/protection/badge.ts, tabChange), so each of these must hold.
  it('keeps the amber mark through a reload and a fragment, drops it for an ordinary page, and marks a listed site again', async () => {
    const page = await ff.newPage();
    const rogue = `${server.origin(ROGUE)}/shop`;
    await visit(page, rogue);
    const amber = await paintedBadgeFor(ff, rogue);
    expect(amber.title).toContain(ROGUE);
    const { tabId } = amber;
    const badgeOf = () => ff.api(async (api, t) => ({ text: await api.action.getBadgeText({ tabId: t }), title: await api.action.getTitle({ tabId: t }) }), tabId);

    await page.reload();
    await expect.poll(async () => (await badgeOf()).text).toBe(amber.text);
    await page.evaluate(() => {
      location.hash = 'offers';
    });
    await expect.poll(async () => (await badgeOf()).text).toBe(amber.text);

    const plain = `${server.origin(UNLISTED)}/after-rogue`;
    await visit(page, plain);
    await expect.poll(async () => (await badgeOf()).text).toBe('');
    expect((await badgeOf()).title).not.toContain(ROGUE);

    const listed = `${server.origin(LISTED)}/after-plain`;
    expect(await visit(page, listed)).toBe(warningFor(listed));
    await expect.poll(async () => (await badgeOf()).text).toBe('!');
    await visit(page, rogue);
    await expect.poll(async () => (await badgeOf()).text).toBe(amber.text);
    expect((await badgeOf()).title).toBe(amber.title);
    await page.close();
  });
});

// Last: it takes the extension's access away, and gives it back.
describe('access to sites in Firefox', () => {
  it('says so everywhere when access is taken away, and blocks again once the person gives it back', async () => {
    const origins = ['http://*/*', 'https://*/*'];
    // The tab's id while its address is still visible: without access, tabs have no URL for us.
    const page = await ff.newPage();
    const before = `${server.origin(UNLISTED)}/before-revoke`;
    await visit(page, before);
    const { tabId } = await badgeFor(ff, before);
    expect(await ff.api((api, o) => api.permissions.remove({ origins: o }), origins)).toBe(true);

    // Why it matters: without access the browser ignores the redirect rules, and the request
    // reaches the site. (Once the page has committed, webNavigation may still take the tab to the
    // warning, lib/protection/service-workers.ts: where the visit lands races with that.)
    const exposed = `${server.origin(LISTED)}/no-access`;
    expect([exposed, warningFor(exposed)]).toContain(await visit(page, exposed));
    expect(server.requests(LISTED).map((r) => r.path)).toContain('/no-access');

    const badgeOf = (id: number) =>
      ff.api(async (api, t) => ({ text: await api.action.getBadgeText({ tabId: t }), title: await api.action.getTitle({ tabId: t }) }), id);
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('off');
    // The text and the title are set side by side: the title may land a moment after the text.
    await expect.poll(async () => (await badgeOf(tabId)).title).toMatch(/not protecting you/);

    const popup = await ff.newPage();
    await openExtensionPage(popup, ff.url, `popup.html?tab=${tabId}`);
    expect(await textOf(popup, '.site-access h2')).toBe('Pharmacheck cannot check sites');
    expect(await popup.$('[data-verdict]')).toBeNull();
    await popup.close();

    const options = await ff.newPage();
    await openExtensionPage(options, ff.url, 'options.html');
    await textOf(options, '.site-access button');
    await options.click('.site-access button');
    await expect.poll(() => options.$('.site-access')).toBeNull();
    expect(await ff.api((api, o) => api.permissions.contains({ origins: o }), origins)).toBe(true);
    await options.close();

    const again = `${server.origin(LISTED)}/access-back`;
    expect(await visit(page, again)).toBe(warningFor(again));
    expect(server.requests(LISTED).map((r) => r.path)).not.toContain('/access-back');
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('!');
    await page.close();
  });
});
