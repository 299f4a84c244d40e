/**
 * The caution verdict in real Chromium with the built extension: an unlisted page written like an
 * illegal shop gets the amber badge, the popup's reasons and the notice on the page (closed shadow
 * root, accessible, keyboard-dismissible for the session); a legitimate pharmacy with a correct EU
 * logo link and a drug leaflet get neither; a listed site still gets the full warning before load.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractFeatures } from '../../lib/caution/extract';
import { parseDocument } from '../../lib/caution/node/html';
import { FEATURES_SCRIPT } from '../../lib/protection/page-look';
import { EXTENSION_DIR, launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { LISTED } from './support/hosts';
import { noticeAxeViolations, readNotice } from './support/notice';
import { badgeFor, openPopupFor, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { message, screenshot } from './support/guidance';
import type { Page } from 'playwright-core';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/caution/${name}`, import.meta.url), 'utf8');

const ROGUE = 'cheapmeds24-online.example';
const LEGIT = 'apotheke-am-markt.example';
const LEAFLET = 'medicines-leaflets.example';
const PLAIN = 'gardening-news.example';

let server: SiteServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startSiteServer();
  server.serve(ROGUE, '*', fixture('rogue-shop.html'));
  server.serve(LEGIT, '*', fixture('legit-pharmacy.html'));
  server.serve(LEAFLET, '*', fixture('leaflet.html'));
  browser = await launchWithExtension();
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await server?.close();
});

/** Polls until the background has judged the tab's page (the content script works after load, in idle time). */
async function settledBadge(page: Page, origin: string, want: (text: string) => boolean): Promise<{ tabId: number; text: string; title: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const badge = await badgeFor(browser, origin);
    if (want(badge.text) || Date.now() > deadline) return badge;
    await page.waitForTimeout(100);
  }
}

/**
 * How the background's look at the tab's page ended (lib/protection/caution-tabs.ts keeps it in
 * session storage until the tab navigates), once it has: so absence is judged after the look, not
 * after a guessed wait.
 */
async function lookOutcome(tabId: number, host: string): Promise<string | null> {
  const worker = await browser.worker();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const look = await worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { host: string; outcome: string } | undefined, `caution:look:${tabId}`);
    if (look?.host === host) return look.outcome;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the content script has had its idle-time look and the background has answered. */
async function noticeAfterLook(page: Page) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const notice = await readNotice(page);
    if (notice || Date.now() > deadline) return notice;
    await page.waitForTimeout(100);
  }
}

describe('axe-core through a closed shadow root, as the notice test runs it', () => {
  it('finds a planted violation inside a closed root', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(PLAIN)}/`);
    await page.evaluate(() => {
      const host = document.createElement('pharmacheck-notice');
      host.attachShadow({ mode: 'closed' }).innerHTML = '<section role="region" aria-label="x"><h2>x</h2><p>x</p><button></button></section>';
      document.body.prepend(host);
    });
    expect((await noticeAxeViolations(page)).join('\n')).toMatch(/^button-name/m);
    await page.close();
  });
});

describe('an unlisted page written like an illegal shop', () => {
  it('gets the amber badge with a title for screen readers', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(ROGUE)}/`);
    const badge = await settledBadge(page, server.origin(ROGUE), (t) => t !== '');
    expect(badge.text).toBe(message('en', 'badgeCautionText'));
    expect(badge.title).toBe(message('en', 'badgeCautionTitle').replace('{host}', `\u2066${ROGUE}\u2069`));
    await page.close();
  });

  it('shows the caution verdict in the popup with the reasons in plain words, and offers to report it with the signal names', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(ROGUE)}/`);
    const { tabId } = await settledBadge(page, server.origin(ROGUE), (t) => t !== '');
    const popup = await openPopupFor(browser, tabId);
    expect(popup.verdict).toBe('caution');
    expect(popup.text).toContain(message('en', 'popupCaution').replace('{host}', ROGUE));
    const reasons = popup.page.getByTestId('caution-reasons').locator('li');
    expect(await reasons.count()).toBeGreaterThanOrEqual(2);
    for (const text of await reasons.allInnerTexts()) expect(text).not.toMatch(/^\s*$|^caution[A-Z]|\$[A-Z_]+\$/);
    const signals = await reasons.evaluateAll((items) => items.map((li) => li.getAttribute('data-signal')));
    // The reasons are on the first screen; "Report this site" is behind "More about this site".
    await popup.page.locator('#popup-details').click();
    expect(await popup.page.getByText(message('en', 'popupCautionOnDevice')).isVisible()).toBe(true);
    const report = await popup.page.getByRole('link', { name: message('en', 'reportSiteLink') }).getAttribute('href');
    expect(report).toContain(`signals=${signals.join(',')}`);
    expect(await popup.page.locator('[data-guidance-verdict="caution"]').count()).toBe(1);
    await popup.page.close();
    await page.close();
  });

  it('shows an accessible notice on the page, which the keyboard dismisses for this site for the session', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(ROGUE)}/`);
    const notice = await noticeAfterLook(page);
    expect(notice).toMatchObject({
      heading: message('en', 'cautionNoticeHeading'),
      buttons: [message('en', 'cautionNoticeGuide'), message('en', 'cautionNoticeDismiss')],
      region: { role: 'region', label: message('en', 'cautionNoticeLabel'), lang: expect.stringMatching(/^en(-|$)/) },
    });
    expect(notice!.reasons.length).toBeGreaterThanOrEqual(1);
    expect(await noticeAxeViolations(page)).toEqual([]);
    await screenshot(page, 'en-light-caution-notice');
    // The page cannot reach into the notice.
    expect(await page.evaluate(() => document.querySelector('pharmacheck-notice')?.shadowRoot ?? null)).toBeNull();

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('pharmacheck-notice') === null)).toBe(true);

    const { tabId } = await badgeFor(browser, server.origin(ROGUE));
    const worker = await browser.worker();
    await worker.evaluate((key) => chrome.storage.session.remove(key), `caution:look:${tabId}`);
    await page.reload({ waitUntil: 'load' });
    // Judged again after the reload, and this time no notice is injected.
    expect(await lookOutcome(tabId, ROGUE)).toBe('judged');
    expect(await readNotice(page)).toBeNull();
    // Dismissing hides the notice, not the verdict.
    expect((await badgeFor(browser, server.origin(ROGUE))).text).toBe(message('en', 'badgeCautionText'));
    await page.close();
  });
});

describe('pages that must not get the caution verdict', () => {
  it.each([
    ['a legitimate pharmacy with an EU logo that links to its register', LEGIT],
    ['a drug leaflet', LEAFLET],
    ['an ordinary page', PLAIN],
  ])('%s gets no badge and no notice', async (_, host) => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(host)}/`);
    const { tabId } = await badgeFor(browser, server.origin(host));
    // The background's look has ended (after load, in idle time) before absence is judged.
    expect(await lookOutcome(tabId, host)).toBe(host === PLAIN ? 'passed-by' : 'judged');
    expect(await readNotice(page)).toBeNull();
    const badge = await badgeFor(browser, server.origin(host));
    expect(badge.text).toBe('');
    const popup = await openPopupFor(browser, badge.tabId);
    expect(popup.verdict).toBe('unknown');
    await popup.page.close();
    await page.close();
  });
});

describe('the features script', () => {
  // The built file the background runs in the page's own world, run here in the same world: the
  // browser's DOM must give the features the toolkit and the evaluation get from linkedom.
  const source = readFileSync(join(EXTENSION_DIR, FEATURES_SCRIPT.slice(1)), 'utf8');

  it.each([['rogue-shop.html', ROGUE], ['legit-pharmacy.html', LEGIT], ['leaflet.html', LEAFLET]])('gives the same features for %s in Chromium as in Node', async (file, host) => {
    const page = await browser.newPage();
    const url = `${server.origin(host)}/`;
    await visit(page, url);
    const inBrowser = await page.evaluate(source);
    const inNode = extractFeatures(parseDocument(fixture(file)), { url });
    expect(inBrowser).toEqual(inNode);
    expect(inNode.text.length).toBeGreaterThan(100); // the pages have something to compare
    await page.close();
  });
});

describe('the EU common logo of a legitimate pharmacy', () => {
  it('is a claim the popup lets the person check in the register in one click, sending nothing itself', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(LEGIT)}/`);
    const { tabId } = await badgeFor(browser, server.origin(LEGIT));
    const deadline = Date.now() + 20_000;
    let link: string | null = null;
    while (link === null && Date.now() < deadline) {
      const popup = await openPopupFor(browser, tabId);
      expect(popup.verdict).toBe('unknown');
      const check = popup.page.getByTestId('register-check');
      if ((await check.count()) > 0) link = await check.getAttribute('href');
      await popup.page.close();
      if (link === null) await page.waitForTimeout(250);
    }
    expect(link).toBe('https://versandhandel.dimdi.de/dimdi/ws/aponline/de?id=12345');
    expect(server.requests().filter((r) => r.host.endsWith('dimdi.de'))).toEqual([]);
    await page.close();
  });
});

describe('a list verdict wins', () => {
  it('still sends a listed site to the warning page before load, whatever its page would say', async () => {
    server.serve(LISTED, '*', fixture('rogue-shop.html'));
    const page = await browser.newPage();
    await visit(page, `${server.origin(LISTED)}/`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    expect(server.requests(LISTED)).toEqual([]);
    await page.close();
  });
});
