/**
 * After a report, on the review page in real headless Chromium: reports arrive with caution
 * signals; a publisher subscribes to another authority's list (a second hub); a reviewer keeps a
 * copy of the site's page (a local site on 127.0.0.1), sees the other authority's listing,
 * confirms citing both, prepares a notice from a local RDAP server's answer, records it as sent
 * and finds the domain held (a wrong key and a copy of another domain are refused on the way); the publisher publishes; the figures and the audit log show every
 * step. Strict CSP, no script of the copied page runs, axe-core finds no violation on any part.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../server/src/page/route';
import { startAfterReportWorld, SITE_PAGE, type AfterReportWorld } from './support/after-report-world';
import { databaseKinds } from './support/databases';
import { aReport, postReport } from './support/reports';
import { axeViolations, launchChromium } from './support/review-browser';
import { call } from './support/tokens';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(databaseKinds)('the review page after a report, on $name', (kind) => {
  let browser: Browser;
  let world: AfterReportWorld;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    world = await startAfterReportWorld(kind);
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
    await world.close();
  });

  async function signIn(token: string, role: string): Promise<void> {
    const response = await page.goto(`${world.ours.hub.url}/review/`);
    expect(response!.headers()['content-security-policy']).toBe(PAGE_CSP);
    await page.getByLabel('Access token').fill(token);
    await page.getByLabel('Access token').press('Enter');
    await page.getByText(`(${role})`).waitFor();
  }
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const show = async (section: string) => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
    await page.getByRole('heading', { level: 1, name: section }).waitFor();
  };
  async function download(click: () => Promise<void>): Promise<string> {
    const event = page.waitForEvent('download');
    await click();
    return readFileSync(await (await event).path(), 'utf8');
  }

  it('takes a report from arrival to a confirmed, notified, published and held domain, every step on the page and in the audit log', async () => {
    const { ours, rdap, site } = world;
    const reportIds: number[] = [];
    for (const signals of [['name.brand-lookalike', 'page.no-prescription'], ['page.no-prescription'], undefined]) {
      const response = await postReport(ours.hub.url, aReport({ page: 'https://shop.rogue.example/pills', ...(signals ? { signals } : {}) }));
      expect(response.status).toBe(201);
      reportIds.push(response.body.id);
    }
    await world.theyList('rogue.example');
    rdap.domains.set('rogue.example', { kind: 'found' });

    // The publisher subscribes to the other authority's list with its key.
    await signIn(ours.publisher, 'publisher');
    await show('Other authorities');
    const latest = `${world.theirs.hub.url}/lists/de-test/latest.json`;
    // A key that does not verify the list: refused, with the reason, and nothing kept.
    await page.getByLabel("Address of the list's latest.json").fill(latest);
    await page.getByLabel("The authority's public key", { exact: false }).fill(Buffer.alloc(32, 7).toString('base64'));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await status(/^Not done: not subscribed: /).waitFor();
    await page.getByText("This hub subscribes to no other authority's list yet.").waitFor();
    expect((await call(ours.hub.url, '/v1/review/peers', ours.reviewer)).body.peers).toEqual([]);
    // The right key.
    await page.getByLabel("The authority's public key", { exact: false }).fill(await world.theirKey());
    await page.getByRole('button', { name: 'Subscribe' }).press('Enter');
    await status('Subscribed to German test list by Test Authority DE: version 1, 1 entries.').waitFor();
    const peers = page.getByRole('table', { name: 'Lists subscribed to' });
    expect(await peers.getByRole('row').nth(1).innerText()).toMatch(/^German test list[\s\S]*\tTest Authority DE \(DE\)\t1\t1\t/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The reviewer sees the signals and the other authority's listing on the group.
    await signIn(ours.reviewer, 'reviewer');
    const group = page.getByRole('article', { name: /rogue\.example/ });
    await group.waitFor();
    expect(await group.getByRole('listitem').filter({ hasText: /^name\.brand-lookalike|^page\.no-prescription/ }).allInnerTexts()).toEqual([
      'page.no-prescription: 2 reports',
      'name.brand-lookalike: 1 report',
    ]);
    await group.getByRole('listitem').filter({ hasText: /^Test Authority DE \(DE\), “German test list”: listed since \d{4}-\d{2}-\d{2} as Illegal pharmacy, reference DE-2025-7; seen here since / }).waitFor();

    // It keeps a copy of the site's page: the redirect followed and recorded, the bytes saved as a file.
    const address = group.getByLabel('Address of a page on rogue.example to copy');
    expect(await address.inputValue()).toBe('https://shop.rogue.example/pills');
    // The hub is no proxy: an address on another domain is refused, and nothing is kept.
    await address.fill('https://elsewhere.example/');
    await address.press('Enter');
    await status('No copy kept: the address is not on rogue.example').waitFor();
    expect(await group.getByText('No copy of a page of rogue.example kept yet.').count()).toBe(1);
    await address.fill(`${site.url}/`);
    await address.press('Enter');
    await status(`kept: complete, ${SITE_PAGE.length} bytes, 1 redirect(s) to ${site.url}/shop.`).waitFor();
    const copies = group.getByRole('table', { name: 'Page copies kept by the hub, newest first' });
    await copies.getByRole('cell', { name: sha256(SITE_PAGE) }).waitFor();
    expect(await copies.getByRole('row').nth(1).innerText()).toContain(`→ 302 ${site.url}/shop`);
    const copyId = Number(/Page copy #(\d+) kept/.exec(await status('kept: complete').innerText())![1]);
    expect(await download(() => group.getByRole('button', { name: `Save page copy #${copyId} as a file` }).click())).toBe(SITE_PAGE);
    // The page's script ran neither in the hub's fetch nor in the reviewer's browser.
    expect(site.requests).toEqual(['/', '/shop']);
    expect(await axeViolations(page)).toEqual([]);

    // It confirms, citing the copy and the listing (checked with the keyboard).
    const cite = group.getByRole('group', { name: 'Evidence to cite with a confirmation' });
    await cite.getByRole('checkbox', { name: new RegExp(`^Page copy #${copyId} of ${site.url}/shop, .* \\(complete\\), SHA-256 ${sha256(SITE_PAGE).slice(0, 16)}`) }).press('Space');
    await cite.getByRole('checkbox', { name: /^Test Authority DE \(DE\)/ }).press('Space');
    expect(await cite.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await group.getByLabel('Reference (case number or decision, optional)').fill('FR-2025-1');
    await group.getByRole('button', { name: 'Confirm: add to list' }).press('Enter');
    await status(/rogue\.example: decision \d+ \(confirm\) recorded for 3 report\(s\), citing 1 page copy and 1 other authority\./).waitFor();

    // Whom to tell: the notice from RDAP's answer (the registry, then the registrar after a redirect).
    await page.getByLabel('Show reports that are').selectOption('confirmed');
    const confirmed = page.getByRole('article', { name: /rogue\.example/ });
    await confirmed.getByRole('heading', { name: 'Notices' }).waitFor();
    expect(await confirmed.getByRole('button', { name: 'Confirm: add to list' }).count()).toBe(0);
    await confirmed.getByRole('button', { name: 'Prepare a notice to the registrar' }).click();
    await status(/^Notice #\d+ prepared for Example Registrar, Inc\., abuse contact abuse@registrar\.example\.$/).waitFor();
    const noticeId = Number(/#(\d+)/.exec(await status(/^Notice #\d+ prepared/).innerText())![1]);
    expect(rdap.requests).toEqual(['/registry/domain/rogue.example', '/registrar/domain/rogue.example', '/registrar-v2/domain/rogue.example']);
    const text = await confirmed.getByLabel(`Text of notice #${noticeId} (copy it into your e-mail)`).inputValue();
    expect(text).toContain('To: abuse@registrar.example');
    expect(text).toContain(`SHA-256 ${sha256(SITE_PAGE)}`);
    expect(text).toContain('also listed by Test Authority DE (DE)');
    const json = JSON.parse(await download(() => confirmed.getByRole('button', { name: `Save notice #${noticeId} as JSON` }).click()));
    expect(json).toMatchObject({ type: 'pharmacheck-notice', domain: 'rogue.example', to: { registrar: { ianaId: '9999', abuseEmails: ['abuse@registrar.example'] }, host: { address: '127.0.0.1', snapshotId: copyId } } });
    expect(json.pageCopies).toMatchObject([{ id: copyId, sha256: sha256(SITE_PAGE) }]);
    expect(await axeViolations(page)).toEqual([]);
    const sentTo = confirmed.getByLabel('Sent to (the addresses you mailed)');
    expect(await sentTo.inputValue()).toBe('abuse@registrar.example');
    await confirmed.getByLabel('Note on sending (optional)').fill('from the unit mailbox');
    await confirmed.getByRole('button', { name: `Record notice #${noticeId} as sent` }).press('Enter');
    await status(`Notice #${noticeId} recorded as sent to abuse@registrar.example.`).waitFor();
    await confirmed.getByText(/^to abuse@registrar\.example, .* UTC, by .*Alice Reviewer/).waitFor();
    expect(await confirmed.getByRole('button', { name: `Record notice #${noticeId} as sent` }).count()).toBe(0);

    // Later the registrar holds the domain: the reviewer asks RDAP again.
    rdap.domains.set('rogue.example', { kind: 'found', status: ['client hold'] });
    await confirmed.getByRole('button', { name: 'Check the domain’s status in RDAP now' }).click();
    await status(/^RDAP check of rogue\.example: suspended \(client hold\), checked /).waitFor();
    await confirmed.getByText('Found suspended').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The publisher sees the other authority beside the draft entry, and publishes.
    await signIn(ours.publisher, 'publisher');
    await show('Draft and publish');
    await page.getByRole('cell', { name: /^Reports #\d+, #\d+, #\d+; confirmed by .*; reference FR-2025-1[\s\S]*Also: Test Authority DE \(DE\)/ }).waitFor();
    await page.getByRole('button', { name: 'Publish the next version' }).click();
    await status('Published fr-test version 1 with 1 entries.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The figures count this week's work.
    await show('The work in figures');
    expect(await page.locator('dl.week').innerText()).toMatch(
      /Reports\s+3 \(last week 0\)\s+Confirmed\s+1\s+Rejected\s+0\s+New domains in drafts\s+1\s+Versions published\s+1\s+Page copies kept\s+1\s+Notices sent\s+1\s+Domains found suspended\s+1/,
    );
    expect(await page.getByRole('table', { name: 'Domains with most reports: the figures' }).getByRole('row').allInnerTexts()).toEqual(['Domain\tReports\tOpen', 'rogue.example\t3\t0']);
    expect(await page.getByRole('table', { name: 'Decisions by week: the figures' }).getByRole('row').last().innerText()).toMatch(/\t1\t0$/);
    expect(await page.getByRole('table', { name: 'Lists published and their sizes: the figures' }).getByRole('row', { name: /^fr-test v1 .* 1$/ }).count()).toBe(1);
    await expect.poll(() => page.locator('.chart svg[role="img"]').count()).toBe(6);
    expect(await axeViolations(page)).toEqual([]);

    // Every step is in the audit log, shown on the page, with what the decision rested on.
    await show('Audit log');
    const log = page.getByRole('table', { name: /^The latest \d+ entries, newest first$/ });
    // The log loads after the section opens: wait for its newest entry before reading it.
    await log.getByRole('cell', { name: 'publish', exact: true }).waitFor();
    const actions = (await log.locator('tbody tr td:nth-child(3)').allInnerTexts()).reverse();
    // Before the first step: the list and the RDAP bootstrap the test set up.
    expect(actions.slice(actions.indexOf('subscribe-peer'))).toEqual(['subscribe-peer', 'keep-page', 'confirm', 'prepare-notice', 'notice-sent', 'rdap-check', 'publish']);
    const confirmRow = await log.getByRole('row').filter({ has: page.getByRole('cell', { name: 'confirm', exact: true }) }).innerText();
    for (const part of [sha256(SITE_PAGE), 'Test Authority DE', '"name.brand-lookalike":1', 'FR-2025-1', `${site.url}/shop`]) expect(confirmRow).toContain(part);
    expect(await axeViolations(page)).toEqual([]);
    const audit = (await call(ours.hub.url, '/v1/review/audit', ours.reviewer)).body.entries;
    expect(audit.find((e: any) => e.action === 'notice-sent').details).toEqual({ noticeId, sentTo: 'abuse@registrar.example', note: 'from the unit mailbox' });
    expect(audit.find((e: any) => e.action === 'keep-page').actor).toContain('Alice Reviewer');
    expect(audit.find((e: any) => e.action === 'confirm').details.reportIds).toEqual(reportIds);
    expect(pageErrors).toEqual([]);
  });
});
