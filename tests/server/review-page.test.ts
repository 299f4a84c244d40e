/**
 * The review page in real headless Chromium (Debian's): a reviewer signs in with the keyboard, sees
 * a report whose comment and address hold HTML and script as plain visible text (no script runs),
 * decides with the keyboard, and a publisher publishes. Strict CSP; axe-core finds no violation.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db';
import { PAGE_CSP } from '../../server/src/page/route';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { axeViolations, launchChromium, tabTo } from './support/review-browser';
import { call, tokenFor } from './support/tokens';

const HOSTILE_COMMENT = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script><b>bold?</b> & "quotes"';
const HOSTILE_PAGE = 'https://rogue.example/?q=<script>window.__xss=3</script>';
const LIST = { meta: { id: 'fr-test', name: 'Test blocklist', publisher: { name: 'Test Authority', type: 'authority' }, kind: 'block' }, validityDays: 30 };

describe.each(databaseKinds)('review page in Chromium on $name', (kind) => {
  let browser: Browser;
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let page: Page;
  let pageErrors: string[];
  let dialogs: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    page = await browser.newPage();
    pageErrors = [];
    dialogs = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    await page.close();
    await hub.close();
    await db.close();
    await database.dispose();
  });

  async function signIn(token: string): Promise<void> {
    const response = await page.goto(`${hub.url}/review/`);
    expect(response!.headers()['content-security-policy']).toBe(PAGE_CSP);
    await page.getByLabel('Access token').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard only: Tab to the field, type, press Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
  }

  it('shows HTML and script in a report as text, runs none of it, and lets a reviewer confirm by keyboard', async () => {
    const publisher = await tokenFor(db, 'publisher');
    await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: LIST });
    const reviewer = await tokenFor(db, 'reviewer', 'Rita Reviewer');
    expect((await postReport(hub.url, aReport({ page: HOSTILE_PAGE, comment: HOSTILE_COMMENT }))).status).toBe(201);

    await signIn(reviewer);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /rogue\.example/ }).waitFor();
    await expect.poll(() => page.getByText(HOSTILE_COMMENT, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(HOSTILE_PAGE, { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img, main script:not([src]), main b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Publish the next version' }).count()).toBe(0);

    await tabTo(page, 'Confirm: add to list');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /decision \d+ \(confirm\) recorded for 1 report/ }).waitFor();
    const draft = (await call(hub.url, '/v1/review/lists/fr-test/draft', reviewer)).body.entries;
    expect(draft).toEqual([expect.objectContaining({ domain: 'rogue.example', category: 'illegal-pharmacy' })]);
    expect(pageErrors).toEqual([]);
  });

  it('lets a publisher publish the draft from the page', async () => {
    const publisher = await tokenFor(db, 'publisher', 'Paul Publisher');
    await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: LIST });
    const id = (await postReport(hub.url, aReport({ page: 'https://rogue.example/' }))).body.id;
    await call(hub.url, '/v1/review/decisions', publisher, {
      method: 'POST',
      body: { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id], listId: 'fr-test', category: 'fraud' },
    });

    await signIn(publisher);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await tabTo(page, 'Draft and publish');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Draft and publish' }).waitFor();
    await page.getByRole('cell', { name: 'rogue.example' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Publish the next version');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Published fr-test version 1 with 1 entries.' }).waitFor();
    expect((await fetch(`${hub.url}/lists/fr-test/v1.json`)).status).toBe(200);

    await tabTo(page, 'Audit log', 120);
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: 'publish', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the work in figures: charts drawn as SVG images, each with its table and a CSV download, no axe violation', async () => {
    const publisher = await tokenFor(db, 'publisher', 'Paul Publisher');
    await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: LIST });
    const ids = [];
    for (const reasons of [['no-prescription'], ['no-prescription', 'came-from-spam'], ['prices-too-low']]) ids.push((await postReport(hub.url, aReport({ page: 'https://rogue.example/', reasons: reasons as any }))).body.id);
    await postReport(hub.url, aReport({ page: 'https://other.example/', reasons: ['other'] }));
    await call(hub.url, '/v1/review/decisions', publisher, {
      method: 'POST',
      body: { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: ids, listId: 'fr-test', category: 'illegal-pharmacy' },
    });
    expect((await call(hub.url, '/v1/lists/fr-test/publish', publisher, { method: 'POST', body: {} })).status).toBe(201);

    await signIn(publisher);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await tabTo(page, 'The work in figures');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Reports by week' }).waitFor();
    const charts = page.locator('.chart svg[role="img"]');
    await expect.poll(() => charts.count()).toBe(6);
    expect(await charts.first().getAttribute('aria-label')).toBe('Bar chart of reports received in each of the last 12 weeks: 4 in all.');
    // Each chart has its figures in a table.
    const reasons = page.getByRole('table', { name: 'Reports by reason: the figures' });
    expect(await reasons.getByRole('row', { name: /Sells prescription medicines without prescription 2 2/ }).count()).toBe(1);
    const domains = page.getByRole('table', { name: 'Domains with most reports: the figures' });
    expect(await domains.getByRole('row').allInnerTexts()).toEqual(['Domain\tReports\tOpen', 'rogue.example\t3\t0', 'other.example\t1\t1']);
    expect(await page.getByRole('table', { name: 'Lists published and their sizes: the figures' }).getByRole('row', { name: /fr-test v1 .* 1$/ }).count()).toBe(1);
    const week = page.locator('dl.week');
    expect(await week.innerText()).toMatch(/Reports\s+4 \(last week 0\)[\s\S]*Confirmed\s+1[\s\S]*Versions published\s+1/);
    // The CSV holds the table's rows.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download “Domains with most reports” as CSV' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toBe('Domain,Reports,Open\r\nrogue.example,3,0\r\nother.example,1,1\r\n');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a wrong token with a message, and keeps the reports hidden', async () => {
    await postReport(hub.url, aReport({ comment: 'private comment' }));
    await signIn('phc_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('alert').filter({ hasText: 'This token was not accepted.' }).waitFor();
    expect(await page.getByText('private comment').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
