/**
 * WCAG 2.2 AA on every page, in real Chromium, in every language Pharmacheck speaks and in light
 * and dark: axe-core finds nothing with every disclosure open, text reflows at 320 CSS px, full
 * pages start at 16 px, the keyboard focus is visible. Each page is saved as a screenshot in
 * artifacts/screenshots/<lang>-<scheme>-<page>.png for people to review.
 *
 * One browser per colour scheme: the languages are switched through the language setting, as a
 * person would, and the pages reloaded, so 36 languages cost page loads, not browser launches. The
 * dark run checks colours only (the pages are otherwise the same); screenshots are taken for
 * English and Arabic unless PHARMACHECK_SCREENSHOTS=all asks for every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SPOKEN_LANGUAGES } from '../../lib/i18n/languages';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { axeViolations, guidanceReady, message, screenshot, screenshotsFor, setCountry, setLanguage } from './support/guidance';
import { LISTED } from './support/hosts';
import { badgeFor, openAll, visit } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';

/** A country for each language (its own where Pharmacheck has data; GB's has the most to show). */
const COUNTRY: Record<string, string> = { en: 'GB', fr: 'FR', de: 'DE', it: 'IT', es: 'ES', ar: 'EG' };
const LANGS = SPOKEN_LANGUAGES.map((l) => l.code);
const SCHEMES = ['light', 'dark'] as const;
const PAGES = ['warning', 'popup', 'options', 'guide', 'report'] as const;
type PageName = (typeof PAGES)[number];

let server: SiteServer;

beforeAll(async () => {
  server = await startSiteServer();
});

afterAll(async () => {
  await server?.close();
});

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

describe.each(SCHEMES)('%s', (scheme) => {
  let browser: ExtensionBrowser;
  const pages = new Map<PageName, Page>();

  beforeAll(async () => {
    browser = await launchWithExtension({ colorScheme: scheme });
    await waitForRules(browser);
    const warning = await browser.newPage();
    await visit(warning, `http://${LISTED}:${server.port}/a11y`);
    await warning.locator('main h1').waitFor();
    pages.set('warning', warning);
    const { tabId } = await badgeFor(browser, browser.url('warning.html'));
    for (const [name, path] of [
      ['popup', `popup.html?tab=${tabId}`],
      ['options', 'options.html'],
      ['guide', 'guide.html'],
      ['report', `report.html?kind=suspicious-site&url=http://${LISTED}/shop`],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(browser.url(path));
      pages.set(name, page);
    }
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  describe.each(LANGS)('in %s', (lang) => {
    beforeAll(async () => {
      await setCountry(browser, COUNTRY[lang] ?? 'other');
      await setLanguage(browser, lang);
      for (const page of pages.values()) {
        await page.reload();
        await page.locator('main h1').first().waitFor();
      }
      await guidanceReady(pages.get('warning')!);
      await pages.get('popup')!.locator('.popup-guidance[data-guidance-verdict="listed"] strong').waitFor();
      await pages.get('options')!.locator('#language-select').waitFor();
      for (const page of pages.values()) await openAll(page);
    });

    it('speaks the language on every page, in its direction', async () => {
      const dir = SPOKEN_LANGUAGES.find((l) => l.code === lang)!.dir;
      for (const [name, page] of pages) {
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), name).toEqual([lang, dir]);
      }
      expect(await pages.get('warning')!.locator('h1').innerText()).toBe(message(lang, 'warningHeading'));
      expect(await pages.get('options')!.locator('#language-heading').innerText()).toBe(message(lang, 'languageHeading'));
    });

    it.each(PAGES)(`%s: axe-core finds no violation, with every section open${scheme === 'dark' ? ' (colour contrast: the rest is the light run)' : ''}`, async (name) => {
      const page = pages.get(name)!;
      if (screenshotsFor(lang)) await screenshot(page, `${lang}-${scheme}-${name}`, name === 'popup' ? 'main' : undefined);
      // The page is the same in the dark but for its colours: there, only the colour rules run again.
      expect(await axeViolations(page, scheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined)).toEqual([]);
    });

    if (scheme === 'light') {
      it.each<PageName>(['warning', 'options', 'guide', 'report'])('%s: 16 px base text, and reflows at 320 px without sideways scrolling', async (name) => {
        const page = pages.get(name)!;
        expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('16px');
        const size = page.viewportSize();
        await page.setViewportSize({ width: 320, height: 800 });
        try {
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        } finally {
          if (size) await page.setViewportSize(size);
        }
      });

      it('shows where the keyboard focus is, with a 3 px outline', async () => {
        const page = pages.get('warning')!;
        await page.bringToFront();
        await page.locator('#warning-details-toggle').focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const outline = await page.evaluate(() => {
          const el = document.activeElement!;
          const style = getComputedStyle(el);
          return { id: el.id, style: style.outlineStyle, width: style.outlineWidth };
        });
        expect(outline).toEqual({ id: 'warning-details-toggle', style: 'solid', width: '3px' });
      });
    }
  });
});
