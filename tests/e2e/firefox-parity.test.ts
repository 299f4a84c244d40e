/**
 * What the Chromium suite proves and Firefox ESR had not yet: a browser restart keeps the lists and
 * the rules (the add-on is installed in a profile that outlives the browser, see support/firefox.ts),
 * a report reaches a real hub (server/, PGlite), and with the hub down waits in the outbox and
 * arrives once after the hub and the browser restart; and axe-core finds nothing on any page, in
 * English and in Arabic (right to left). Chromium: blocking.test.ts, report-loop.test.ts,
 * accessibility.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/src/hub';
import { launchFirefoxWithExtension, openExtensionPage, textOf, visit, waitForRules, type FirefoxExtensionBrowser } from './support/firefox';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';
import { storedReports, testHubConfig } from './support/hub';
import { startSiteServer, type SiteServer } from './support/site-server';

const REPORTED = 'reported-rogue.example';
const REPORTED_OFFLINE = 'offline-rogue.example';
const HOSTS = [LISTED, LISTED_TOO, UNLISTED, REPORTED, REPORTED_OFFLINE];

let profileDir: string;
let hubDir: string;
let hub: RunningHub;
let hubPort = 0;
let server: SiteServer;
let ff: FirefoxExtensionBrowser;

const launch = () =>
  launchFirefoxWithExtension({
    hosts: HOSTS,
    profileDir,
    // Grants a permissions.request() (the report form's data consent) without the doorhanger a headless browser cannot click.
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });

async function restartBrowser(): Promise<void> {
  await ff.close();
  ff = await launch();
  await waitForRules(ff);
}

beforeAll(async () => {
  profileDir = mkdtempSync(join(tmpdir(), 'pharmacheck-firefox-profile-'));
  hubDir = mkdtempSync(join(tmpdir(), 'pharmacheck-firefox-hub-'));
  hub = await startHub(testHubConfig(hubDir));
  hubPort = Number(new URL(hub.url).port);
  server = await startSiteServer();
  ff = await launch();
  await waitForRules(ff);
}, 120_000);

afterAll(async () => {
  await ff?.close();
  await hub?.close();
  await server?.close();
  for (const dir of [profileDir, hubDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Asks `probe` again until the expectation that follows holds (vitest's poll). */
const eventually = <T>(probe: () => Promise<T>, timeout = 20_000) => expect.poll(probe, { timeout, interval: 100 });

async function saveHub(url: string): Promise<void> {
  const page = await ff.newPage();
  await openExtensionPage(page, ff.url, 'options.html');
  await page.waitForSelector('#hub-url');
  await page.type('#hub-url', url);
  await page.click('form:has(#hub-url) button[type="submit"]');
  await eventually(() => textOf(page, '[data-testid="hub-status"]')).toContain(url);
  await page.close();
}

/** Fills the report form for a page of `host` as a person would, and gives its outcome (sent, queued…). */
async function report(host: string): Promise<string> {
  const page = await ff.newPage();
  await openExtensionPage(page, ff.url, `report.html?kind=suspicious-site&url=${server.origin(host)}/shop?item=pills`);
  await page.waitForSelector('fieldset input[type="checkbox"]');
  await page.click('fieldset input[type="checkbox"]');
  await page.click('button[type="submit"]');
  const result = () => page.$eval('[data-testid="report-result"]', (el) => el.getAttribute('data-result') ?? '');
  await eventually(result, 30_000).not.toBe('');
  const outcome = await result();
  await page.close();
  return outcome;
}

describe('a browser restart in Firefox', () => {
  it('keeps the list and the rules, and still blocks before load', async () => {
    const before = await ff.api(async (api) => (await api.declarativeNetRequest.getDynamicRules()).map((r) => r.id).sort((a, b) => a - b));
    expect(before.length).toBeGreaterThan(0);
    server.reset();
    await restartBrowser();
    expect(await ff.api(async (api) => (await api.declarativeNetRequest.getDynamicRules()).map((r) => r.id).sort((a, b) => a - b))).toEqual(before);
    expect(await ff.api(async (api) => (await api.declarativeNetRequest.getSessionRules()).length)).toBe(0);
    const page = await ff.newPage();
    for (const host of [LISTED, LISTED_TOO]) {
      const url = `${server.origin(host)}/after-restart`;
      expect(await visit(page, url)).toBe(ff.url(`warning.html?url=${url}`));
    }
    expect(await textOf(page, 'main h1')).toBe('Pharmacheck stopped this site');
    expect(server.requests(LISTED)).toEqual([]);
    expect(server.requests(LISTED_TOO)).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('reporting in Firefox, with the outbox', () => {
  it('sends a report to the hub, which stores it once', async () => {
    await saveHub(`http://127.0.0.1:${hubPort}`);
    expect(await report(REPORTED)).toBe('sent');
    expect(await storedReports(hub.db, REPORTED)).toBe(1);
  });

  it('with the hub down, keeps the report in the outbox and delivers it once after the hub and the browser restart', async () => {
    await hub.close();
    expect(await report(REPORTED_OFFLINE)).toBe('queued');
    const options = await ff.newPage();
    await openExtensionPage(options, ff.url, 'options.html');
    await eventually(() => options.$$eval('[data-status="queued"]', (items) => items.length)).toBe(1);
    await options.close();

    hub = await startHub(testHubConfig(hubDir, hubPort));
    await restartBrowser();
    await eventually(() => storedReports(hub.db, REPORTED_OFFLINE), 30_000).toBe(1);
    const after = await ff.newPage();
    await openExtensionPage(after, ff.url, 'options.html');
    await eventually(() => after.$$eval('[data-status="sent"]', (items) => items.length)).toBe(2);
    await after.close();
    expect(await storedReports(hub.db, REPORTED_OFFLINE)).toBe(1);
    expect(await storedReports(hub.db, REPORTED)).toBe(1);
    // A browser restart takes Firefox 10 to 25 s on a loaded 2-core machine.
  }, 120_000);
});

/** axe-core's violations on a page, every disclosure opened first. */
async function violations(page: Page): Promise<string[]> {
  await page.waitForSelector('main h1');
  for (let round = 0; round < 5; round++) {
    const opened = await page.$$eval('.disclosure-button[aria-expanded="false"], #warning-details-toggle[aria-expanded="false"]', (buttons) => {
      for (const b of buttons) (b as HTMLButtonElement).click();
      return buttons.length;
    });
    if (opened === 0) break;
  }
  // Evaluated by the test driver, so the page's own CSP (which forbids it) does not apply.
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe('accessibility in Firefox', () => {
  const pages = (tabId: number) => [
    `warning.html?url=http://${LISTED}/axe`,
    `popup.html?tab=${tabId}`,
    'options.html',
    'guide.html',
    `report.html?kind=suspicious-site&url=http://${UNLISTED}/axe`,
  ];

  it.each(['en', 'ar'])('axe-core finds no violation on any page, every section open (%s)', async (language) => {
    await ff.api((api, lang) => api.storage.local.set({ language: lang }), language);
    const site = await ff.newPage();
    await visit(site, `${server.origin(UNLISTED)}/axe-${language}`);
    const tabId = await ff.api(async (api, prefix) => (await api.tabs.query({})).find((t) => t.url?.startsWith(prefix))!.id!, server.origin(UNLISTED));
    const found: string[] = [];
    for (const path of pages(tabId)) {
      const page = await ff.newPage();
      await openExtensionPage(page, ff.url, path);
      // The page sets lang and dir once its catalogue has loaded, then renders its heading.
      await page.waitForSelector('main h1');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
      found.push(...(await violations(page)).map((v) => `${path}: ${v}`));
      await page.close();
    }
    await site.close();
    expect(found).toEqual([]);
  });
});
