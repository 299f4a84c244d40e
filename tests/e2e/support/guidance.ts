/** Helpers for the guidance surfaces: the country setting, the guide page, axe and screenshots. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/** Stores the country setting as the options page would ("auto", "other" or an ISO code). */
export async function setCountry(browser: ExtensionBrowser, value: string): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate((v) => chrome.storage.local.set({ guidanceCountry: v }), value);
}

/** Stores the language setting as the options page would ("auto" or a language code). */
export async function setLanguage(browser: ExtensionBrowser, value: string): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate((v) => chrome.storage.local.set({ language: v }), value);
}

/** The warning page's guidance, once it has loaded for the current country (it may still be behind "Details"). */
export async function guidanceReady(page: Page): Promise<void> {
  await page.locator('.guidance [data-authority]').waitFor({ state: 'attached' });
}

export class GuidePage {
  constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser, section = ''): Promise<GuidePage> {
    const page = await browser.newPage();
    await page.goto(browser.url(`guide.html${section}`));
    return new GuidePage(page).ready();
  }

  async ready(): Promise<this> {
    await this.page.locator('main [data-authority]').waitFor({ state: 'attached' });
    return this;
  }
}

/** The options page's country section, loaded. */
export async function openCountryOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(browser.url('options.html'));
  await page.locator('#country-select').waitFor();
  return page;
}

export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (injected by evaluation, which the page's CSP does not govern); every
 * rule, or only the rules named (the dark run: only colours differ from the light one).
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (only) => {
    type Run = (context?: unknown, options?: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
    const axe = (window as unknown as { axe: { run: Run } }).axe;
    const result = only ? await axe.run(document, { runOnly: { type: 'rule', values: only } }) : await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, rules ?? null);
}

export const SCREENSHOTS = resolve('artifacts/screenshots');

/**
 * Which languages' pages are photographed: PHARMACHECK_SCREENSHOTS=all for every language (for a
 * review of the translations), else English and Arabic (the source and the right-to-left case), so
 * that CI does not spend its time on pictures nobody asked for.
 */
export function screenshotsFor(lang: string): boolean {
  return process.env.PHARMACHECK_SCREENSHOTS === 'all' || lang === 'en' || lang === 'ar';
}

/**
 * Saves a screenshot for people to review (artifacts/screenshots/NAME.png): the full page, or only
 * `element` (the popup, which a tab shows at full width, is its <main>).
 */
export async function screenshot(page: Page, name: string, element?: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (element) await page.locator(element).screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** A message of the extension's catalogues (locales/<lang>.json), as a test's expectation (no arguments). */
export function message(lang: string, key: string): string {
  const messages = JSON.parse(readFileSync(resolve('locales', `${lang}.json`), 'utf8')) as Record<string, unknown>;
  const found = messages[key];
  if (typeof found !== 'string') throw new Error(`no message ${key} in ${lang}`);
  return found;
}

/** The browser's own UI language. */
export function uiLanguage(page: Page): Promise<string> {
  return page.evaluate(() => chrome.i18n.getUILanguage());
}
