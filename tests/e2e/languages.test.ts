/**
 * The language setting, right to left, and the warning in one screen, in real Chromium:
 *   - Arabic: dir="rtl", a mirrored layout (the warning sign and a list's colour bar on the right,
 *     disclosure triangles pointing left), and a domain name isolated left to right;
 *   - the pseudo-locale (English 40% longer, accented, made at test time): nothing clipped or
 *     overlapping at 320 px on any page;
 *   - the warning's first screen at 1280×720 and 360×640 holds the heading, the site, the reason
 *     and both buttons, "Back to safety" focused (screenshots in artifacts/screenshots/);
 *   - the keyboard alone opens every detail, and an open section stays open when the guidance
 *     reloads for another country.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SPOKEN_LANGUAGES } from '../../lib/i18n/languages';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { guidanceReady, message, screenshot, setCountry, setLanguage } from './support/guidance';
import { LISTED } from './support/hosts';
import { badgeFor, openAll, visit, WarningPage } from './support/pages';
import { pseudoBuild } from './support/pseudo-build';
import { startSiteServer, type SiteServer } from './support/site-server';

let server: SiteServer;

beforeAll(async () => {
  server = await startSiteServer();
});

afterAll(async () => {
  await server?.close();
});

async function openWarning(browser: ExtensionBrowser, path: string, size = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(size);
  await visit(page, `${server.origin(LISTED)}${path}`);
  await new WarningPage(page).ready();
  await guidanceReady(page);
  return page;
}

describe('one browser, every language', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await waitForRules(browser);
    await setCountry(browser, 'FR');
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  describe('in Arabic', () => {
    let page: Page;

    beforeAll(async () => {
      await setLanguage(browser, 'ar');
      page = await openWarning(browser, '/rtl');
      await openAll(page);
    });

    afterAll(async () => {
      await page?.close();
    });

    it('sets dir="rtl" and lang="ar" on the document, and writes Arabic', async () => {
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
      expect(await page.locator('h1').innerText()).toBe(message('ar', 'warningHeading'));
      expect(await page.title()).toBe(message('ar', 'warningDocumentTitle'));
    });

    it('mirrors the layout: the sign right of the heading, the colour bar on the right, triangles pointing left', async () => {
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      expect((await box('.warning-header .verdict-tag')).x).toBeGreaterThan((await box('.warning-header h1')).x);
      expect((await box('#warning-details-toggle')).x).toBeLessThan((await box('.first-screen .button.primary')).x);
      const bars = await page.locator('.match').first().evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
      expect(bars).toEqual(['6px', '1px']);
      const closed = await page.evaluate(() => {
        const button = document.createElement('button');
        button.className = 'disclosure-button';
        button.setAttribute('aria-expanded', 'false');
        document.querySelector('main')!.append(button);
        const style = getComputedStyle(button, '::before');
        const widths = [style.borderRightWidth, style.borderLeftWidth];
        button.remove();
        return widths;
      });
      // The triangle is the inline-start border: on the right in Arabic, so it points left, toward the text's end.
      expect(Number.parseFloat(closed[0]!)).toBeGreaterThan(0);
      expect(closed[1]).toBe('0px');
    });

    it('keeps the domain left to right, in its own isolate, so it cannot be reordered', async () => {
      const host = page.locator('.warning-host');
      expect(await host.evaluate((el) => [el.tagName, el.getAttribute('dir'), getComputedStyle(el).unicodeBidi, getComputedStyle(el).direction])).toEqual([
        'BDI',
        'ltr',
        'isolate',
        'ltr',
      ]);
      expect(await host.innerText()).toBe(LISTED);
      // Laid out as written: each character right of the one before it.
      const xs = await host.evaluate((el) => {
        const text = el.firstChild!;
        return [...(text.textContent ?? '')].map((_, i) => {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          return range.getBoundingClientRect().x;
        });
      });
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      // The same inside a translated sentence: the list that matched, on the details.
      expect(await page.locator('.match-title bdi.domain[dir="ltr"]').first().innerText()).toBe(LISTED);
    });

    it('puts the host in an LRI…PDI isolate in the badge title', async () => {
      const { title } = await badgeFor(browser, browser.url('warning.html'));
      expect(title).toContain(`\u2066${LISTED}\u2069`);
      expect(title).toMatch(/[\u0600-\u06FF]/);
    });

    it('offers every language in its own name in the options, and switches back with it', async () => {
      const options = await browser.newPage();
      await options.goto(browser.url('options.html'));
      const select = options.locator('#language-select');
      await select.waitFor();
      const names = await select.locator('option').allInnerTexts();
      for (const language of SPOKEN_LANGUAGES) expect(names).toContain(language.name);
      expect(names).not.toContain('Ëñğļîšħ (pseudo)');
      await select.selectOption('en');
      await expect.poll(() => options.evaluate(() => document.documentElement.dir)).toBe('ltr');
      // Every open page follows at once, the warning too.
      await expect.poll(() => page.locator('h1').innerText()).toBe(message('en', 'warningHeading'));
      expect(await (await browser.worker()).evaluate(() => chrome.storage.local.get('language'))).toEqual({ language: 'en' });
      await options.close();
    });
  });

  describe('the warning in one screen', () => {
    it.each(SPOKEN_LANGUAGES.map((l) => l.code))('holds the site, the reason and both buttons at 1280×720 and 360×640, in %s', async (lang) => {
      await setLanguage(browser, lang);
      for (const size of [{ width: 1280, height: 720 }, { width: 360, height: 640 }]) {
        const page = await openWarning(browser, `/one-screen-${size.width}`, size);
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(message(lang, 'backToSafety'));
        const outside = await page.evaluate(({ width, height }) => {
          const must = { heading: 'h1', site: '.warning-host', reason: '#warning-reason', back: '.first-screen .button.primary', details: '#warning-details-toggle' };
          return Object.entries(must).flatMap(([name, selector]) => {
            const el = document.querySelector(selector);
            if (!el) return [`${name}: missing`];
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.left >= 0 && r.bottom <= height && r.right <= width && r.width > 0 ? [] : [`${name}: ${JSON.stringify(r)}`];
          });
        }, size);
        expect(outside).toEqual([]);
        expect(await page.locator('#warning-details').isHidden()).toBe(true);
        await screenshot(page, `first-screen-${lang}-${size.width}x${size.height}`);
        await page.close();
      }
    });
  });

  describe('with the keyboard only', () => {
    it('opens the details and every section, and reaches "Proceed anyway"', async () => {
      await setLanguage(browser, 'en');
      const page = await openWarning(browser, '/keyboard-details');
      await page.bringToFront();
      const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', expanded: document.activeElement?.getAttribute('aria-expanded') }));
      await expect.poll(async () => (await focused()).text).toBe('Back to safety');
      await page.keyboard.press('Tab');
      expect(await focused()).toEqual({ id: 'warning-details-toggle', text: 'Details', expanded: 'false' });
      await page.keyboard.press('Enter');
      expect((await focused()).expanded).toBe('true');
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        if (now.expanded === 'false') await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
        reached = now.text === 'Proceed anyway';
      }
      expect(reached).toBe(true);
      expect(await page.locator('.disclosure-button[aria-expanded="false"]').count()).toBe(0);
      expect(await page.locator('.disclosure-button').count()).toBeGreaterThanOrEqual(7);
      await page.close();
    });

    it('keeps an open section open while the guidance reloads for another country', async () => {
      const page = await openWarning(browser, '/state');
      await new WarningPage(page).openDetails();
      await page.locator('#g-risks').click();
      await setCountry(browser, 'DE');
      await expect.poll(() => page.locator('.guidance [data-authority]').getAttribute('data-authority')).toBe('DE');
      expect(await page.locator('#g-risks').getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#warning-details-toggle').getAttribute('aria-expanded')).toBe('true');
      await setCountry(browser, 'FR');
      await page.close();
    });
  });
});

describe('the pseudo-locale at 320 px', () => {
  let browser: ExtensionBrowser;
  let remove: () => void = () => undefined;

  beforeAll(async () => {
    const build = pseudoBuild();
    remove = build.remove;
    browser = await launchWithExtension({ extensionDir: build.dir });
    await waitForRules(browser);
    await setCountry(browser, 'GB');
    await setLanguage(browser, 'en-XA');
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    remove();
  });

  /** Text that overflows its box, and boxes that overlap their siblings. */
  const layoutProblems = (page: Page) =>
    page.evaluate(() => {
      const problems: string[] = [];
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden]');
      for (const el of document.querySelectorAll('main h1, main h2, main h3, main h4, main p, main li, main dt, main dd, main button, main a, main label, main legend, main option, main select')) {
        if (!shown(el) || el.tagName === 'OPTION') continue;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`clipped: ${name(el)}`);
        const r = el.getBoundingClientRect();
        if (r.right > document.documentElement.clientWidth + 1 || r.left < -1) problems.push(`outside: ${name(el)}`);
      }
      for (const parent of document.querySelectorAll('main, main *')) {
        const kids = [...parent.children].filter((k) => shown(k) && getComputedStyle(k).position !== 'absolute');
        for (let i = 0; i < kids.length; i++) {
          for (let j = i + 1; j < kids.length; j++) {
            const a = kids[i]!.getBoundingClientRect();
            const b = kids[j]!.getBoundingClientRect();
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 1 && h > 1) problems.push(`overlap: ${name(kids[i]!)} / ${name(kids[j]!)}`);
          }
        }
      }
      return problems;
    });

  it('finds a clipped box when there is one (so an empty result means something)', async () => {
    const page = await browser.newPage();
    await page.goto(browser.url('guide.html'));
    await page.locator('main h1').waitFor();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'W'.repeat(200);
      p.style.overflow = 'hidden';
      p.style.whiteSpace = 'nowrap';
      document.querySelector('main')!.append(p);
    });
    expect((await layoutProblems(page)).some((p) => p.startsWith('clipped: p'))).toBe(true);
    await page.close();
  });

  it.each(['warning', 'popup', 'options', 'guide', 'report'])('%s: nothing clipped or overlapping, every string pseudo-localised', async (name) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    if (name === 'warning' || name === 'popup') {
      await visit(page, `${server.origin(LISTED)}/pseudo`);
      await new WarningPage(page).ready();
      await guidanceReady(page);
      if (name === 'popup') {
        const { tabId } = await badgeFor(browser, browser.url('warning.html'));
        await page.goto(browser.url(`popup.html?tab=${tabId}`));
        await page.locator('[data-verdict]').waitFor();
      }
    } else {
      await page.goto(browser.url(name === 'report' ? `report.html?kind=suspicious-site&url=http://${LISTED}/shop` : `${name}.html`));
      await page.locator('main h1').waitFor();
      if (name === 'guide') await page.locator('main [data-authority]').waitFor({ state: 'attached' });
      if (name === 'options') await page.locator('#language-select').waitFor();
    }
    await openAll(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
    expect(await page.locator('h1').first().innerText()).toMatch(/^\[.*\]$/);
    await screenshot(page, `en-XA-320-${name}`);
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
  });
});
