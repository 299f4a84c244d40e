/**
 * WCAG 2.2 AA on every page the guidance touches, in real Chromium, in each language and in light
 * and dark: axe-core finds nothing, text reflows at 320 CSS px (200% zoom of a 640 px window, and
 * more), full pages start at 16 px, the keyboard focus is visible. Each page is saved as a
 * screenshot in artifacts/screenshots/ for people to review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { axeViolations, GuidePage, guidanceReady, message, screenshot, setCountry, uiLanguage } from './support/guidance';
import { badgeFor, openPopupFor, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED } from './support/hosts';

// Each language with a country of its own; GB's data has the most to show (report link, notes).
const RUNS = [
  { lang: 'en', country: 'GB' },
  { lang: 'fr', country: 'FR' },
  { lang: 'de', country: 'DE' },
  { lang: 'it', country: 'IT' },
  { lang: 'es', country: 'ES' },
] as const;
const SCHEMES = ['light', 'dark'] as const;

let server: SiteServer;

beforeAll(async () => {
  server = await startSiteServer();
});

afterAll(async () => {
  await server?.close();
});

type PageName = 'warning' | 'popup' | 'options' | 'guide';

describe('axe-core as injected here', () => {
  it('reports a violation when there is one (so an empty result means something)', async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.newPage();
      await page.goto(browser.url('guide.html'));
      await page.locator('main h1').waitFor();
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('main')!.append(img);
      });
      expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

describe.each(RUNS)('in $lang', ({ lang, country }) => {
  describe.each(SCHEMES)('%s', (scheme) => {
    let browser: ExtensionBrowser;
    const pages = new Map<PageName, Awaited<ReturnType<ExtensionBrowser['newPage']>>>();

    beforeAll(async () => {
      browser = await launchWithExtension({ lang, colorScheme: scheme });
      await waitForRules(browser);
      await setCountry(browser, country);

      const warning = await browser.newPage();
      await visit(warning, `http://${LISTED}:${server.port}/a11y`);
      await new WarningPage(warning).ready();
      await guidanceReady(warning);
      pages.set('warning', warning);

      const badge = await badgeFor(browser, browser.url('warning.html'));
      const popup = await openPopupFor(browser, badge.tabId);
      await popup.page.locator('.popup-guidance[data-guidance-verdict="listed"] strong').waitFor();
      pages.set('popup', popup.page);

      const options = await browser.newPage();
      await options.goto(browser.url('options.html'));
      await options.locator('#country-select').waitFor();
      pages.set('options', options);

      pages.set('guide', (await GuidePage.open(browser)).page);
    });

    afterAll(async () => {
      await browser?.close({ removeProfile: true });
    });

    it(`runs Chromium in ${lang}, and the pages speak it`, async () => {
      for (const page of pages.values()) {
        expect(await uiLanguage(page)).toBe(lang);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      }
      const heading = message(lang, 'warningHeading');
      if (lang !== 'en') expect(heading).not.toBe(message('en', 'warningHeading'));
      expect(await new WarningPage(pages.get('warning')!).heading()).toBe(heading);
      expect(await pages.get('guide')!.locator('h1').innerText()).toBe(message(lang, 'guideLinkText'));
      expect(await pages.get('options')!.locator('#country-heading').innerText()).toBe(message(lang, 'countryHeading'));
    });

    it.each<PageName>(['warning', 'popup', 'options', 'guide'])('%s: axe-core finds no violation', async (name) => {
      const page = pages.get(name)!;
      await screenshot(page, `${lang}-${scheme}-${name}`, name === 'popup' ? 'main' : undefined);
      expect(await axeViolations(page)).toEqual([]);
    });

    it.each<PageName>(['warning', 'options', 'guide'])('%s: 16 px base text, and reflows at 320 px without sideways scrolling', async (name) => {
      const page = pages.get(name)!;
      expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('16px');
      const size = page.viewportSize();
      await page.setViewportSize({ width: 320, height: 800 });
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        if (size) await page.setViewportSize(size);
      }
    });

    it('shows where the keyboard focus is', async () => {
      const page = pages.get('warning')!;
      await page.bringToFront();
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el !== document.body ? getComputedStyle(el).outlineStyle : 'none';
      });
      expect(outline).not.toBe('none');
    });
  });
});
