/**
 * Reporting, the whole loop, in real Chromium against a real hub (server/, PGlite) on 127.0.0.1:
 * the extension reports a site; a reviewer confirms it through the API; the hub publishes version
 * N+1, signed; the extension updates and now blocks the site before load. Then, with the hub down,
 * a report waits in the outbox and is delivered, once, after the hub and the browser restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/src/hub';
import { call, tokenFor } from '../server/support/tokens';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { OptionsPage } from './support/options-page';
import { badgeFor, openPopupFor, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { storedReports as storedReportsIn, testHubConfig } from './support/hub';

const LIST_ID = 'loop-authority';
// Reports go over https, or plain http only to a hub on this machine (lib/reports/hub-url.ts).
const HUB_HOST = '127.0.0.1';
const REPORTED = 'reported-rogue.example';
const REPORTED_OFFLINE = 'offline-rogue.example';

let hubDir: string;
let hub: RunningHub;
let hubPort = 0;
let sites: SiteServer;
let browser: ExtensionBrowser;
let reviewer: string;
let publisher: string;

const hubUrl = () => `http://${HUB_HOST}:${hubPort}`;

const hubConfig = (port: number) => testHubConfig(hubDir, port);

async function reportFromThePopup(host: string): Promise<string> {
  const page = await browser.newPage();
  await visit(page, `${sites.origin(host)}/shop?item=pills`);
  const { tabId } = await badgeFor(browser, sites.origin(host));
  const popup = await openPopupFor(browser, tabId);
  // "Report this site" is behind "More about this site".
  await popup.page.locator('#popup-details').click();
  const href = await popup.page.getByRole('link', { name: 'Report this site' }).getAttribute('href');
  await popup.page.close();
  const form = await browser.newPage();
  await form.goto(href!);
  await form.getByLabel('Sells prescription medicines without a prescription').check();
  await form.getByRole('button', { name: 'Send report' }).click();
  const result = form.locator('[data-testid="report-result"]:not([data-result=""])');
  await result.waitFor({ timeout: 30_000 });
  const outcome = (await result.getAttribute('data-result'))!;
  await form.close();
  await page.close();
  return outcome;
}

const storedReports = (domain: string) => storedReportsIn(hub.db, domain);

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'pharmacheck-loop-hub-'));
  hub = await startHub(hubConfig(0));
  hubPort = Number(new URL(hub.url).port);
  reviewer = await tokenFor(hub.db, 'reviewer', 'Rita Reviewer');
  publisher = await tokenFor(hub.db, 'publisher', 'Paul Publisher');
  const list = {
    meta: { id: LIST_ID, name: 'Loop authority blocklist', publisher: { name: 'Loop Medicines Agency', type: 'authority', country: 'FR' }, kind: 'block' },
    validityDays: 30,
  };
  expect((await call(hub.url, `/v1/lists/${LIST_ID}`, publisher, { method: 'PUT', body: list })).status).toBe(201);
  expect((await call(hub.url, `/v1/lists/${LIST_ID}/publish`, publisher, { method: 'POST', body: {} })).body.version).toBe(1);
  sites = await startSiteServer();
  browser = await launchWithExtension();
  await waitForRules(browser);
}, 120_000);

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await hub?.close();
});

describe('reporting, the whole loop', () => {
  it('a reported site, confirmed and published by the hub, is blocked before load after the update', async () => {
    const key = await (await fetch(`${hub.url}/v1/public-key`)).json();
    const options = await OptionsPage.open(browser);
    expect(await options.subscribe(`${hubUrl()}/lists/${LIST_ID}/latest.json`, key.publicKey)).toBe(`Subscribed to ${LIST_ID}.`);
    await options.page.getByLabel('Reporting service address').fill(hubUrl());
    await options.page.getByRole('button', { name: 'Save', exact: true }).click();
    await options.page.getByTestId('hub-status').filter({ hasText: hubUrl() }).waitFor();
    await options.page.close();

    expect(await reportFromThePopup(REPORTED)).toBe('sent');
    expect(await storedReports(REPORTED)).toBe(1);

    const groups = (await call(hub.url, '/v1/review/groups', reviewer)).body.groups as { domain: string; kind: string; count: number; reportIds: number[] }[];
    const group = groups.find((g) => g.domain === REPORTED)!;
    expect(group).toMatchObject({ kind: 'suspicious-site', count: 1 });
    const decision = await call(hub.url, '/v1/review/decisions', reviewer, {
      method: 'POST',
      body: { action: 'confirm', domain: REPORTED, kind: 'suspicious-site', reportIds: group.reportIds, listId: LIST_ID, category: 'illegal-pharmacy' },
    });
    expect(decision.status).toBe(200);
    const published = await call(hub.url, `/v1/lists/${LIST_ID}/publish`, publisher, { method: 'POST', body: {} });
    expect(published.body.version).toBe(2);

    const again = await OptionsPage.open(browser);
    expect(await again.updateAll()).toBe('Lists checked.');
    expect(await again.field(LIST_ID, 'version')).toBe('2');
    await again.page.close();
    sites.reset();
    const page = await browser.newPage();
    await visit(page, `${sites.origin(REPORTED)}/shop?item=pills`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    expect(await page.locator('.matches').innerText()).toContain('Loop authority blocklist');
    expect(sites.requests(REPORTED)).toEqual([]);
    await page.close();
  });

  it('with the hub down, a report waits in the outbox and arrives once after the hub and the browser restart', async () => {
    await hub.close();
    expect(await reportFromThePopup(REPORTED_OFFLINE)).toBe('queued');
    const options = await OptionsPage.open(browser);
    await expect.poll(() => options.page.locator('[data-status="queued"]').count()).toBe(1);
    await options.page.close();

    const { userDataDir } = browser;
    await browser.close();
    hub = await startHub(hubConfig(hubPort));
    browser = await launchWithExtension({ userDataDir });
    await expect.poll(() => storedReports(REPORTED_OFFLINE), { timeout: 30_000 }).toBe(1);
    const after = await OptionsPage.open(browser);
    await expect.poll(() => after.page.locator(`[data-status="sent"]`).count(), { timeout: 15_000 }).toBe(2);
    await after.page.close();
    expect(await storedReports(REPORTED_OFFLINE)).toBe(1);
  });
});
