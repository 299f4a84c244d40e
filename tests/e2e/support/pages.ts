/** Page objects: what a test can see and do on the extension's pages. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export class WarningPage {
  constructor(readonly page: Page) {}

  static isWarningUrl(url: string): boolean {
    return /^chrome-extension:\/\/[a-p]{32}\/warning\.html\?url=/.test(url);
  }

  /** Waits until the page shows its verdict (or its "nothing to open" state). */
  async ready(): Promise<this> {
    await this.page.locator('main h1').first().waitFor();
    return this;
  }

  heading(): Promise<string> {
    return this.page.locator('main h1').first().innerText();
  }

  /** Opens the details behind the first screen ("Details"), where "Proceed anyway" and the guidance are. */
  async openDetails(): Promise<this> {
    const toggle = this.page.locator('#warning-details-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this;
  }

  proceedButton() {
    return this.page.getByRole('button', { name: /proceed anyway|continuer quand même/i });
  }

  backButton() {
    return this.page.getByRole('button', { name: /back to safety|retour en lieu sûr/i });
  }

  /** The URL the warning was shown for, as the page received it. */
  originalUrl(): string {
    const href = this.page.url();
    return href.slice(href.indexOf('?url=') + '?url='.length);
  }
}

/** The popup, opened in a tab and told which tab to describe. */
export async function openPopupFor(browser: ExtensionBrowser, tabId: number): Promise<{ page: Page; verdict: string; text: string }> {
  const page = await browser.newPage();
  await page.goto(browser.url(`popup.html?tab=${tabId}`));
  const section = page.locator('[data-verdict]');
  await section.waitFor();
  return { page, verdict: (await section.getAttribute('data-verdict')) ?? '', text: await section.innerText() };
}

/** The id of the tab showing a URL, and its badge as the background set it. */
export async function badgeFor(browser: ExtensionBrowser, urlPrefix: string): Promise<{ tabId: number; text: string; title: string }> {
  const worker = await browser.worker();
  return worker.evaluate(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (!tab?.id) throw new Error(`no tab at ${prefix}: ${tabs.map((t) => t.url).join(', ')}`);
    return { tabId: tab.id, text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, urlPrefix);
}

/**
 * The badge once the background has painted it: the page's load event can come before the
 * background finishes its check, so a test that expects a mark waits for one (20 s at most).
 */
export async function paintedBadgeFor(browser: ExtensionBrowser, urlPrefix: string): Promise<{ tabId: number; text: string; title: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const badge = await badgeFor(browser, urlPrefix);
    if (badge.text !== '' || Date.now() > deadline) return badge;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends a runtime message from a fresh extension page (as the options page would) and returns the answer. */
export async function messageFromPage<T>(browser: ExtensionBrowser, type: string, payload: unknown): Promise<T> {
  const page = await browser.newPage();
  await page.goto(browser.url('options.html'));
  const answer = await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  await page.close();
  return answer as T;
}

/** Where a visit to `url` in a new tab ends: on the warning page ("blocked") or on the site. */
export async function landsAt(browser: ExtensionBrowser, url: string): Promise<'blocked' | 'loaded'> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const landed = page.url();
  await page.close();
  return WarningPage.isWarningUrl(landed) ? 'blocked' : 'loaded';
}

/** Navigates and waits for the warning page or the site to have loaded. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
}

/** Opens everything behind a disclosure on a page (the warning's details, every section). */
export async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const toggle = document.getElementById('warning-details-toggle');
    if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
  });
  for (let round = 0; round < 5; round++) {
    const closed = await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.disclosure-button[aria-expanded="false"]')];
      buttons.forEach((b) => b.click());
      return buttons.length;
    });
    if (closed === 0) return;
    await page.waitForTimeout(50);
  }
}
