/**
 * Pharmacheck driven the same way in Chromium (playwright-core) and Firefox ESR (puppeteer-core)
 * for the in-browser benchmarks (apply.ts, apply-firefox.ts, wake.ts). Code that runs in the
 * extension is sent as source with the extension's API as its first argument (`chrome` in
 * Chromium, `browser` in Firefox): it may only use its arguments, and `arg` must be JSON.
 *
 * Stopping a background (wake.ts), each way checked before it counts:
 * - Chromium: DevTools' `ServiceWorker.stopAllWorkers` from a page's session, then waiting for
 *   `ServiceWorker.workerVersionUpdated` to say every extension worker is "stopped".
 * - Firefox: the devtools server's `terminateBackgroundScript` (about:debugging's "Terminate
 *   background script"), then `listAddons` until the add-on's background says "STOPPED".
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { launchWithExtension, waitForRules as waitForChromiumRules, type ExtensionBrowser } from '../tests/e2e/support/chromium';
import { launchFirefoxWithExtension, openExtensionPage, visit, waitForRules as waitForFirefoxRules, type FirefoxExtensionBrowser } from '../tests/e2e/support/firefox';
import { connectRdp, type Rdp } from './firefox-rdp';

export type InExtension = <T, A = null>(fn: (api: typeof chrome, arg: A) => T | Promise<T>, arg?: A) => Promise<T>;

export interface DriverPage {
  /** Runs code in this page (an extension page: with its extension's API). */
  readonly run: InExtension;
  /** Navigates by script; resolves once the next document (a site, or the warning page) loaded. */
  navigate(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  readonly name: 'Chromium' | 'Firefox';
  /** One of Pharmacheck's pages, in a tab of its own. */
  openPage(path: string): Promise<DriverPage>;
  /** A blank tab (to navigate to a site). */
  blankTab(): Promise<DriverPage>;
  /** Where the browser's own rule changes are timed: the worker in Chromium, an extension page in Firefox. */
  readonly background: InExtension;
  /** The bare baseline extension's page (when launched with it). */
  openBarePage(): Promise<DriverPage>;
  /** Stops every extension background (Pharmacheck's and the bare one's) and waits until each is stopped. */
  stopBackgrounds(): Promise<void>;
  close(): Promise<void>;
}

export const BARE_EXTENSION = resolve('bench/bare-extension');
const BARE_GECKO_ID = 'bare-baseline@pharmacheck.eu';
const PHARMACHECK_GECKO_ID = 'pharmacheck@pharmacheck.eu';
const STOP_WAIT_MS = 10_000;
const STOP_ATTEMPTS = 10;

function source(fn: (...args: never[]) => unknown, global: string, arg: unknown): string {
  return `(${fn.toString()})(${global}, ${JSON.stringify(arg ?? null)})`;
}

/**
 * Stops, then waits until `stopped` holds; stops again if it does not within a second (an event
 * left over from before, such as a new tab's, can start a background again at once).
 */
async function stopUntil(what: string, stop: () => Promise<unknown>, stopped: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < STOP_ATTEMPTS; attempt++) {
    await stop();
    const deadline = Date.now() + 1_000;
    while (Date.now() < deadline) {
      if (await stopped()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`not done after ${STOP_ATTEMPTS} attempts: ${what}`);
}

function chromiumPage(page: Page): DriverPage {
  return {
    run: (fn, arg) => page.evaluate(source(fn, 'chrome', arg)),
    navigate: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    close: () => page.close(),
  };
}

export interface DriverOptions {
  /** Load the bare baseline extension beside Pharmacheck (wake.ts). */
  readonly withBare?: boolean;
  /** Host names a page will visit (Firefox maps only the names it is told to 127.0.0.1). */
  readonly hosts?: readonly string[];
}

export async function chromiumDriver(options: DriverOptions = {}): Promise<BrowserDriver & { readonly browser: ExtensionBrowser }> {
  const browser = await launchWithExtension(options.withBare ? { alsoLoad: [BARE_EXTENSION] } : {});
  let cdp: CDPSession | null = null;
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  try {
    await waitForChromiumRules(browser);
  } catch (error) {
    await browser.close({ removeProfile: true });
    throw error;
  }
  // The bare extension's id, from its worker's address (it runs once at install).
  const bareId = async () => {
    const isBare = (w: { url(): string }) => w.url().startsWith('chrome-extension://') && new URL(w.url()).pathname === '/worker.js';
    const worker = browser.context.serviceWorkers().find(isBare) ?? (await browser.context.waitForEvent('serviceworker', { predicate: isBare, timeout: STOP_WAIT_MS }));
    return new URL(worker.url()).host;
  };
  return {
    name: 'Chromium',
    browser,
    openPage: async (path) => {
      const page = await browser.newPage();
      await page.goto(browser.url(path));
      return chromiumPage(page);
    },
    blankTab: async () => chromiumPage(await browser.newPage()),
    background: async (fn, arg) => (await browser.worker()).evaluate(source(fn, 'chrome', arg)),
    openBarePage: async () => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${await bareId()}/page.html`);
      return chromiumPage(page);
    },
    stopBackgrounds: async () => {
      if (!cdp) {
        // A page of its own holds the DevTools session: the service workers of the profile are its.
        const holder = await browser.newPage();
        cdp = await browser.context.newCDPSession(holder);
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
          for (const v of updated) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
        });
        await cdp.send('ServiceWorker.enable');
      }
      const session = cdp;
      await stopUntil('every extension worker stopped', () => session.send('ServiceWorker.stopAllWorkers'), async () => {
        const ours = [...versions.values()].filter((v) => v.scriptURL.startsWith('chrome-extension://'));
        return ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped');
      });
    },
    close: () => browser.close({ removeProfile: true }),
  };
}

function firefoxPage(page: FirefoxPage): DriverPage {
  return {
    run: (fn, arg) => page.evaluate(source(fn, 'globalThis.browser', arg)) as never,
    navigate: async (url) => void (await visit(page, url)),
    close: () => page.close(),
  };
}

interface RdpAddon {
  readonly actor: string;
  readonly id: string;
  readonly manifestURL?: string | null;
  readonly backgroundScriptStatus?: string;
}

export async function firefoxDriver(options: DriverOptions = {}): Promise<BrowserDriver & { readonly ff: FirefoxExtensionBrowser }> {
  // The devtools server (on a free port of 127.0.0.1) is only started to stop backgrounds.
  const rdpPort = options.withBare ? await freePort() : null;
  const ff = await launchFirefoxWithExtension({
    hosts: options.hosts ?? [],
    ...(rdpPort !== null
      ? {
          args: ['--start-debugger-server', String(rdpPort)],
          prefs: { 'devtools.debugger.remote-enabled': true, 'devtools.chrome.enabled': true, 'devtools.debugger.prompt-connection': false },
        }
      : {}),
  });
  let rdp: Rdp | null = null;
  try {
    await waitForFirefoxRules(ff);
    if (rdpPort !== null) {
      await ff.browser.installExtension(BARE_EXTENSION);
      rdp = await connectRdp(rdpPort);
    }
  } catch (error) {
    rdp?.close();
    await ff.close();
    throw error;
  }
  const addons = async (): Promise<RdpAddon[]> => {
    if (!rdp) throw new Error('launched without the bare extension and the devtools server');
    return ((await rdp.request({ to: 'root', type: 'listAddons' })).addons as RdpAddon[]).filter((a) => a.id === PHARMACHECK_GECKO_ID || a.id === BARE_GECKO_ID);
  };
  return {
    name: 'Firefox',
    ff,
    openPage: async (path) => {
      const page = await ff.newPage();
      await openExtensionPage(page, ff.url, path);
      return firefoxPage(page);
    },
    blankTab: async () => firefoxPage(await ff.newPage()),
    background: (fn, arg) => ff.api(fn, arg),
    openBarePage: async () => {
      const bare = (await addons()).find((a) => a.id === BARE_GECKO_ID);
      if (!bare?.manifestURL) throw new Error('the bare extension is not installed');
      const page = await ff.newPage();
      await visit(page, bare.manifestURL.replace(/manifest\.json$/, 'page.html'));
      return firefoxPage(page);
    },
    stopBackgrounds: async () => {
      const terminate = async () => {
        for (const addon of await addons()) await rdp!.request({ to: addon.actor, type: 'terminateBackgroundScript' });
      };
      await stopUntil('every extension background stopped', terminate, async () => (await addons()).every((a) => a.backgroundScriptStatus === 'STOPPED'));
    },
    close: async () => {
      rdp?.close();
      await ff.close();
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
