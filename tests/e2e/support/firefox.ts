/**
 * Launches Debian's Firefox ESR headless with the built Firefox extension (puppeteer-core over
 * WebDriver BiDi), the counterpart of chromium.ts. What differs from Chromium, and why:
 * - Host names reach the local site server through `network.dns.localDomains`, which maps exact
 *   names only: a test lists every host it visits.
 * - The add-on's moz-extension:// origin is random per install; a fixed UUID (the
 *   `extensions.webextensions.uuids` pref, keyed by the gecko id) lets tests know it in advance.
 * - There is no handle on the background page: an extension page in its own tab ("control")
 *   reads rules, tabs and badges through the same `browser.*` APIs.
 * - A navigation that declarativeNetRequest redirects never settles a BiDi `goto`, so pages are
 *   navigated by script and the test polls where they ended up.
 * - A page cannot be sent straight to moz-extension://: only web-accessible warning.html is
 *   reachable from a web page, and the other extension pages from there.
 * - Firefox removes a temporary add-on when it closes. A test that restarts the browser gives a
 *   profile directory instead: the build is installed there through an extension proxy file (a
 *   file named by the add-on's id that holds the build's path, which Firefox reads at start), with
 *   signatures not required (Firefox ESR honours the pref), so it and its storage survive a restart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
/** Where `wxt build -b firefox` put the build (PHARMACHECK_OUT_DIR moves it, see wxt.config.ts). */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.PHARMACHECK_OUT_DIR ?? '.output', 'firefox-mv3');
const EXTENSION_UUID = '8d3f6c52-7e1a-4b0c-9f2e-5a7d1c4b3e90';
const POLL_MS = 50;
const WAIT_MS = 20_000;

export interface FirefoxExtensionBrowser {
  readonly browser: Browser;
  /** moz-extension://UUID/PATH */
  url(path: string): string;
  newPage(): Promise<Page>;
  /**
   * Runs `fn` in an extension page with the extension's API (Firefox's `browser`, typed like
   * Chrome's). `fn` is sent as source: it may only use its arguments, and `arg` must be JSON.
   */
  api<T, A = null>(fn: (api: typeof chrome, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Every host name the test will visit; each resolves to 127.0.0.1. */
  readonly hosts: readonly string[];
  /** Firefox preferences on top of those the fixture sets. */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  /** A profile that outlives the browser: launching again with it is a browser restart. */
  readonly profileDir?: string;
  /** A profile to reuse (one a test first used without the extension); a fresh one otherwise. */
  readonly userDataDir?: string;
  /** More command-line arguments for Firefox (the wake benchmark starts the devtools server). */
  readonly args?: readonly string[];
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no built extension in ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox`);
  const geckoId: string = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  const { profileDir } = options;
  if (profileDir) {
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    writeFileSync(join(profileDir, 'extensions', geckoId), `${FIREFOX_EXTENSION_DIR}\n`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(options.args ? { args: [...options.args] } : {}),
    ...(profileDir || options.userDataDir ? { userDataDir: profileDir ?? options.userDataDir } : {}),
    extraPrefsFirefox: {
      'network.dns.localDomains': options.hosts.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // An add-on in the profile (profileDir): load it unsigned, from the profile's scope, enabled.
      ...(profileDir ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 } : {}),
      ...options.prefs,
    },
  });
  if (!profileDir) await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const url = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  const control = await browser.newPage();
  await openExtensionPage(control, url, 'warning.html?url=');
  return {
    browser,
    url,
    newPage: () => browser.newPage(),
    api: (fn, arg) => control.evaluate(`(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg ?? null)})`) as never,
    close: () => browser.close(),
  };
}

/** The page's address and load state, or null while a navigation swaps documents. */
async function where(page: Page): Promise<{ href: string; complete: boolean } | null> {
  return page.evaluate(() => ({ href: location.href, complete: document.readyState === 'complete' })).catch(() => null);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Navigates by script and waits for the next document to load; returns where it landed. */
export async function visit(page: Page, target: string): Promise<string> {
  const before = (await where(page))?.href;
  if (before === target) throw new Error(`already at ${target}: a test visits a new URL each time`);
  await page.evaluate((u) => void (location.href = u), target).catch(() => undefined);
  const landed = await until(`a page after ${target}`, async () => {
    const now = await where(page);
    return now && now.complete && now.href !== before && now.href !== 'about:blank' && now;
  });
  return landed.href;
}

/** Opens an extension page in `page`, through the web-accessible warning page. */
export async function openExtensionPage(page: Page, url: (path: string) => string, path: string): Promise<void> {
  const current = (await where(page))?.href ?? '';
  if (!current.startsWith(url(''))) await visit(page, url('warning.html?url='));
  if (path !== 'warning.html?url=') await visit(page, url(path));
}

/** Waits until the background has installed its blocking rules (the first run installs the bundled list). */
export async function waitForRules(ff: FirefoxExtensionBrowser): Promise<number> {
  return until('blocking rules', () => ff.api(async (api) => (await api.declarativeNetRequest.getDynamicRules()).length));
}

/** The text of the first element matching `selector`, once it exists. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return until(selector, () => page.evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText, selector).catch(() => null));
}

/** The popup, opened in a tab and told which tab to describe (the action popup cannot be driven). */
export async function openPopupFor(ff: FirefoxExtensionBrowser, tabId: number): Promise<{ page: Page; verdict: string; text: string }> {
  const page = await ff.newPage();
  await openExtensionPage(page, ff.url, `popup.html?tab=${tabId}`);
  const text = await textOf(page, '[data-verdict]');
  const verdict = await page.$eval('[data-verdict]', (el) => el.getAttribute('data-verdict') ?? '');
  return { page, verdict, text };
}

/** The badge of the tab whose URL starts with `prefix`. */
export async function badgeFor(ff: FirefoxExtensionBrowser, prefix: string): Promise<{ tabId: number; text: string; title: string }> {
  return ff.api(async (api, p) => {
    const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(p));
    if (tab?.id === undefined) throw new Error(`no tab at ${p}`);
    return { tabId: tab.id, text: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
  }, prefix);
}

/** The badge once the background has painted a mark on it (see the Chromium helper of that name). */
export async function paintedBadgeFor(ff: FirefoxExtensionBrowser, prefix: string): Promise<{ tabId: number; text: string; title: string }> {
  return until(`a badge at ${prefix}`, async () => {
    const badge = await badgeFor(ff, prefix);
    return badge.text !== '' ? badge : null;
  });
}
