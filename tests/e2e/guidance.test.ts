/**
 * Guidance in real Chromium with the built extension: the warning page shows the authority of the
 * person's country (chosen in the options, or from the browser's language), falls back to general
 * guidance for a country without data, never shows an unverified link as verified, the popup and
 * options lead to the guide, and the warning page works with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { GuidePage, guidanceReady, openCountryOptions, setCountry } from './support/guidance';
import { badgeFor, openAll, openPopupFor, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { LISTED, LISTED_TOO, UNLISTED } from './support/hosts';


let server: SiteServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchWithExtension();
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await server?.close();
});

async function warningFor(host: string, path = '/'): Promise<WarningPage> {
  const page = await browser.newPage();
  await visit(page, `${server.origin(host)}${path}`);
  const warning = await new WarningPage(page).ready();
  await guidanceReady(page);
  // The guidance is behind "Details" and its sections' disclosures: open them all to read it.
  await openAll(page);
  return warning;
}

const reportLink = (warning: WarningPage) => warning.page.getByRole('link', { name: /Report this site to your national authority/ });

describe('the warning page for the chosen country', () => {
  it.each([
    ['FR', /ANSM/, 'France'],
    ['DE', /BfArM/, 'Germany'],
    ['GB', /MHRA/, 'United Kingdom'],
    ['US', /FDA/, 'United States'],
  ])('shows the authority of %s', async (country, authority, name) => {
    await setCountry(browser, country);
    const warning = await warningFor(LISTED);
    const card = warning.page.locator('.guidance [data-authority]');
    expect(await card.getAttribute('data-authority')).toBe(country);
    expect(await card.innerText()).toMatch(authority);
    expect(await warning.page.locator('.guidance .g-country').innerText()).toContain(`Guidance for: ${name}.`);
    // Whatever the country, a listed site is never reached.
    expect(server.requests(LISTED)).toEqual([]);
    await warning.page.close();
  });

  it("links \"Report this site\" to the authority's reporting page, and says it is not fully verified", async () => {
    await setCountry(browser, 'GB');
    const warning = await warningFor(LISTED);
    const link = reportLink(warning);
    expect(await link.getAttribute('href')).toBe('https://yellowcard.mhra.gov.uk/falsified');
    expect(await link.getAttribute('data-report-target')).toBe('authority');
    const status = warning.page.locator('#report-link-status');
    expect(await status.getAttribute('data-verification')).toBe('partly-verified');
    expect(await status.innerText()).toContain('Only partly verified');
    expect(await link.getAttribute('aria-describedby')).toBe('report-link-status');
    await warning.page.close();
  });

  it('presents a verified reporting page as verified, and only then', async () => {
    await setCountry(browser, 'CH');
    const warning = await warningFor(LISTED);
    expect(await reportLink(warning).getAttribute('href')).toBe('https://www.swissmedic.ch/swissmedic/de/medicrime.html');
    expect(await warning.page.locator('#report-link-status').count()).toBe(0);
    expect(await warning.page.locator('.g-authority [data-verification]').getAttribute('data-verification')).toBe('verified');
    await warning.page.close();
  });

  it("sends \"Report this site\" to the guide's reporting section when the country has no reporting page", async () => {
    await setCountry(browser, 'FR');
    const warning = await warningFor(LISTED);
    expect(await reportLink(warning).getAttribute('href')).toBe(browser.url('guide.html#report'));
    expect(await reportLink(warning).getAttribute('data-report-target')).toBe('guide');
    await warning.page.close();
  });

  it('marks an authority from unverified data as not verified', async () => {
    await setCountry(browser, 'PL');
    const warning = await warningFor(LISTED);
    const card = warning.page.locator('.g-authority');
    expect(await card.innerText()).toContain('GIF');
    expect(await card.locator('[data-verification]').getAttribute('data-verification')).toBe('unverified');
    expect(await card.locator('[data-verification]').innerText()).toContain("Not verified. Check on the authority's own website.");
    await warning.page.close();
  });

  it('falls back to general guidance and the Council of Europe for a country without data', async () => {
    await setCountry(browser, 'JP');
    const warning = await warningFor(LISTED);
    const fallback = warning.page.locator('.guidance [data-authority="none"]');
    expect(await fallback.innerText()).toContain('Pharmacheck does not know the health authority of your country (Japan).');
    expect(await fallback.getByRole('link', { name: /Medicrime Convention/ }).getAttribute('href')).toBe('https://www.coe.int/en/web/medicrime');
    expect(await warning.page.locator('[data-medicrime="no-record"]').innerText()).toContain('no record that your country (Japan) has signed');
    expect(await reportLink(warning).getAttribute('href')).toBe(browser.url('guide.html#report'));
    await warning.page.close();
  });

  it('gives general guidance when the person chose "another country"', async () => {
    await setCountry(browser, 'other');
    const warning = await warningFor(LISTED);
    expect(await warning.page.locator('.guidance .g-country').innerText()).toContain('no country chosen');
    expect(await warning.page.locator('.guidance [data-authority="none"]').innerText()).toContain('does not know your country');
    await warning.page.close();
  });

  it("takes the country from the browser's language when none was chosen (en-US here)", async () => {
    await setCountry(browser, 'auto');
    const warning = await warningFor(LISTED);
    expect(await warning.page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await warning.page.locator('.guidance [data-authority]').getAttribute('data-authority')).toBe('US');
    await warning.page.close();
  });

  it('explains the category of the entry with its Medicrime articles, and the Medicrime status with dates', async () => {
    await setCountry(browser, 'FR');
    const warning = await warningFor(LISTED);
    const category = warning.page.locator('#g-category-illegal-pharmacy');
    expect(await category.innerText()).toBe('Illegal online pharmacy');
    expect(await warning.page.locator('.g-category').innerText()).toContain('Medicrime Convention: Articles 6, 8, 13');
    const status = warning.page.locator('[data-medicrime="ratified"]');
    expect(await status.innerText()).toContain('Your country (France) has ratified the Medicrime Convention.');
    expect(await status.innerText()).toContain('Ratified: September 21, 2016');
    expect(await status.locator('[data-verification]').getAttribute('data-verification')).toBe('partly-verified');
    for (const article of ['5', '6', '7', '8', '13', '19', '20']) {
      expect(await warning.page.locator('.g-articles dt', { hasText: new RegExp(`^Article ${article}$`) }).count()).toBe(1);
    }
    await warning.page.close();
  });
});

describe('the options page', () => {
  it('saves the chosen country, and an open warning page follows at once', async () => {
    await setCountry(browser, 'auto');
    const warning = await warningFor(LISTED_TOO);
    expect(await warning.page.locator('.guidance [data-authority]').getAttribute('data-authority')).toBe('US');

    const options = await openCountryOptions(browser);
    const select = options.getByLabel('Country', { exact: true });
    expect(await select.locator('option[value="auto"]').innerText()).toBe('Automatic, from your browser: United States');
    await select.selectOption('DE');
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Saved' }).innerText()).toBe('Saved. Guidance now uses: Germany.');
    const stored = await (await browser.worker()).evaluate(() => chrome.storage.local.get('guidanceCountry'));
    expect(stored).toEqual({ guidanceCountry: 'DE' });

    await expect.poll(() => warning.page.locator('.guidance [data-authority]').getAttribute('data-authority')).toBe('DE');
    expect(await warning.page.locator('.g-authority').innerText()).toContain('BfArM');
    await options.close();
    await warning.page.close();
  });

  it('leads to the guide', async () => {
    const options = await openCountryOptions(browser);
    const [guide] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('link', { name: /Buying medicines online safely/ }).click(),
    ]);
    await new GuidePage(guide).ready();
    expect(guide.url()).toBe(browser.url('guide.html'));
    expect(await guide.locator('h1').innerText()).toBe('Buying medicines online safely');
    await guide.close();
    await options.close();
  });
});

describe('the popup', () => {
  it('gives the short guidance for a listed site and leads to the guide', async () => {
    await setCountry(browser, 'FR');
    const page = await browser.newPage();
    await visit(page, `${server.origin(LISTED)}/popup`);
    await new WarningPage(page).ready();
    const badge = await badgeFor(browser, browser.url('warning.html'));
    const popup = await openPopupFor(browser, badge.tabId);
    const guidance = popup.page.locator('.popup-guidance[data-guidance-verdict="listed"]');
    await guidance.getByText('Do not buy here.').waitFor();
    // The one thing to do is on top; what it means is behind "More about this site".
    expect(await popup.page.getByText('Medicines from this site can be fake, wrong or harmful.').isHidden()).toBe(true);
    await popup.page.locator('#popup-details').click();
    expect(await guidance.innerText()).toContain('Medicines from this site can be fake, wrong or harmful.');
    const [guide] = await Promise.all([
      browser.context.waitForEvent('page'),
      guidance.getByRole('link', { name: /Buying medicines online safely/ }).click(),
    ]);
    await new GuidePage(guide).ready();
    expect(guide.url()).toBe(browser.url('guide.html'));
    await guide.close();
    await popup.page.close();
    await page.close();
  });

  it('gives the short guidance for an unlisted site', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.origin(UNLISTED)}/popup`);
    const badge = await badgeFor(browser, `${server.origin(UNLISTED)}/popup`);
    const popup = await openPopupFor(browser, badge.tabId);
    const guidance = popup.page.locator('.popup-guidance[data-guidance-verdict="unknown"]');
    await popup.page.locator('#popup-details').click();
    await guidance.getByText('Many illegal sites are new').waitFor();
    await popup.page.close();
    await page.close();
  });
});

describe('the guide page', () => {
  it('explains every verdict and category, and opens at the reporting section with the focus there', async () => {
    await setCountry(browser, 'GB');
    const guide = await GuidePage.open(browser, '#report');
    for (const verdict of ['listed', 'caution', 'verified', 'unknown']) {
      expect(await guide.page.locator(`[data-verdict-guide="${verdict}"]`).count()).toBe(1);
    }
    expect(await guide.page.locator('.g-category').count()).toBe(6);
    await expect.poll(() => guide.page.evaluate(() => document.activeElement?.id)).toBe('report');
    expect(await guide.page.locator('.g-authority').getAttribute('data-authority')).toBe('GB');
    await guide.page.close();
  });
});

describe('the warning page with the keyboard only', () => {
  const focused = (warning: WarningPage) => warning.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  async function tabUntil(warning: WarningPage, key: 'Tab' | 'Shift+Tab', text: RegExp): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if (text.test(await focused(warning))) return;
      await warning.page.keyboard.press(key);
    }
    throw new Error(`${key} never reached ${text}; the focus is on "${await focused(warning)}"`);
  }

  it('reaches and activates "Details", the report link, "Back to safety" and "Proceed anyway"', async () => {
    await setCountry(browser, 'FR');
    const page = await browser.newPage();
    await visit(page, `${server.origin(UNLISTED)}/before-keyboard`);
    await visit(page, `${server.origin(LISTED)}/keyboard`);
    const warning = await new WarningPage(page).ready();
    await guidanceReady(page);
    await expect.poll(() => focused(warning)).toBe('Back to safety');

    // "Details" next; Enter opens the details, where the report link comes first.
    await page.keyboard.press('Tab');
    expect(await focused(warning)).toBe('Details');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(warning)).toMatch(/^Report this site to your national authority/);
    const [report] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await new GuidePage(report).ready();
    expect(report.url()).toBe(browser.url('guide.html#report'));
    await report.close();
    await page.bringToFront();

    // "Proceed anyway" is last; Shift+Tab brings "Back to safety" back.
    await tabUntil(warning, 'Tab', /^Proceed anyway$/);
    await tabUntil(warning, 'Shift+Tab', /^Back to safety$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin(UNLISTED)}/before-keyboard`);
    expect(server.requests(LISTED)).toEqual([]);

    // Forward again to the warning, "Details" with the keyboard, and through it with Tab to "Proceed anyway".
    await visit(page, `${server.origin(LISTED)}/keyboard`);
    await new WarningPage(page).ready();
    await guidanceReady(page);
    await tabUntil(warning, 'Tab', /^Details$/);
    await page.keyboard.press('Enter');
    await tabUntil(warning, 'Tab', /^Proceed anyway$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin(LISTED)}/keyboard`);
    expect(server.requests(LISTED).map((r) => r.path)).toContain('/keyboard');
    await page.close();
  });
});

describe('in French', () => {
  let french: ExtensionBrowser;

  beforeAll(async () => {
    french = await launchWithExtension({ lang: 'fr' });
    await waitForRules(french);
  });

  afterAll(async () => {
    await french?.close({ removeProfile: true });
  });

  it('gives the guidance, the authority and the dates in French', async () => {
    await setCountry(french, 'FR');
    const page = await french.newPage();
    await visit(page, `${server.origin(LISTED)}/fr`);
    const warning = await new WarningPage(page).ready();
    await guidanceReady(page);
    await openAll(page);
    expect(await page.evaluate(() => chrome.i18n.getUILanguage())).toBe('fr');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.locator('#w-meaning').innerText()).toBe('Ce que cela signifie et ce que vous pouvez faire');
    expect(await page.locator('.guidance').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.guidance .g-country').innerText()).toContain('Conseils pour : France.');
    expect(await page.locator('.g-authority').innerText()).toContain('ANSM');
    const status = page.locator('[data-medicrime="ratified"]');
    expect(await status.innerText()).toContain('Votre pays (France) a ratifié la Convention Medicrime.');
    expect(await status.innerText()).toContain('Ratification : 21 septembre 2016');
    expect(await page.getByRole('link', { name: "La Convention Medicrime (Conseil de l'Europe)" }).getAttribute('href')).toBe(
      'https://www.coe.int/fr/web/medicrime',
    );
    expect(await page.getByRole('link', { name: /Signaler ce site à votre autorité nationale/ }).getAttribute('href')).toBe(
      french.url('guide.html#report'),
    );
    await warning.proceedButton().waitFor();
    await page.close();
  });

  it('lists the countries by their French names in the options', async () => {
    const options = await openCountryOptions(french);
    const labels = await options.locator('#country-select option').allInnerTexts();
    expect(labels).toContain('Allemagne');
    expect(labels).toContain('Royaume-Uni');
    expect(labels[0]).toBe('Automatique (votre navigateur ne l’indique pas)');
    expect(labels.at(-1)).toBe('Autre pays (conseils généraux)');
    // Sorted as French sorts: "Éta…" (États-Unis) between "Estonie" and "Finlande".
    expect(labels.indexOf('États-Unis')).toBeGreaterThan(labels.indexOf('Estonie'));
    expect(labels.indexOf('États-Unis')).toBeLessThan(labels.indexOf('Finlande'));
    await options.close();
  });
});
