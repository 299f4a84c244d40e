/**
 * Launches Debian's Chromium with the built extension (a persistent profile, so a test can restart
 * the browser on the same profile) and finds the extension's service worker and id.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
/** Where `wxt build` put the Chrome build (PHARMACHECK_OUT_DIR moves it, see wxt.config.ts). */
export const EXTENSION_DIR = resolve(process.env.PHARMACHECK_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly userDataDir: string;
  /** The background service worker (woken up if it slept). */
  worker(): Promise<Worker>;
  /** chrome-extension://ID/PATH */
  url(path: string): string;
  newPage(): Promise<Page>;
  /** Closes the browser; the profile stays unless `removeProfile`. */
  close(options?: { removeProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test a restart); a fresh temporary one otherwise. */
  readonly userDataDir?: string;
  /** UI language, e.g. 'fr' (needs Debian's chromium-l10n). */
  readonly lang?: string;
  readonly extraArgs?: readonly string[];
  readonly colorScheme?: 'light' | 'dark';
  /** A visible window (for `npm start` on a desktop); headless by default. */
  readonly headless?: boolean;
  /** Another copy of the build (the pseudo-locale run writes its catalogue into one; trust.test.ts ships its own directory of publishers in one). */
  readonly extensionDir?: string;
  /** Other unpacked extensions loaded beside it (the wake benchmark's bare baseline). */
  readonly alsoLoad?: readonly string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  const loaded = [extensionDir, ...(options.alsoLoad ?? [])].join(',');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'pharmacheck-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.lang,
    env: options.lang ? { ...process.env, LANGUAGE: options.lang } : process.env,
    args: [
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--disable-gpu',
      '--disable-quic',
      '--host-resolver-rules=MAP * 127.0.0.1',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
  // Pharmacheck's worker, whatever else runs beside it (a site's service worker, another extension's).
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && new URL(w.url()).pathname === '/background.js';
  const worker = async () => context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    newPage: () => context.newPage(),
    close: async ({ removeProfile = false } = {}) => {
      await context.close();
      if (removeProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the background has installed its rules (first run installs the bundled list), so a
 * navigation right after launch is already protected.
 */
export async function waitForRules(browser: ExtensionBrowser, atLeast = 1): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const worker = await browser.worker();
    const count = await worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length);
    if (count >= atLeast) return count;
    if (Date.now() > deadline) throw new Error(`only ${count} blocking rules after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
