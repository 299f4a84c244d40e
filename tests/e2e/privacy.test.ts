/**
 * The privacy promise (docs/privacy.md), checked in real Chromium: while a person browses more than
 * 50 listed and unlisted sites, opens the popup, reads warnings and proceeds once, the extension
 * contacts nothing but its subscribed list URLs and the hub (today: nothing at all; the bundled list
 * is read from the package), and no visited host or address shows up in any request.
 *
 * Two independent records:
 * - The DevTools protocol (Playwright's `request` events) attributes requests: those of the
 *   extension's service worker, and those its pages make that are not navigations.
 * - A logging proxy sees everything the browser sends to the network, whoever sent it. Chromium
 *   itself calls a few Google hosts (its component updater, its account check); they happen with or
 *   without an extension and are not the extension's: the protocol record shows no extension request
 *   going there, the proxy refuses every https tunnel so nothing but the host name leaves, and their
 *   plain-http bodies are searched like everything else.
 *
 * The person also subscribes to an authority's list and sends one report about one page they
 * visited, through the report form: those are the only remote requests allowed, and the report may
 * carry that one page's address (the person chose to send it), nothing else of the visits.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { injectInlineScriptAndRemoteImage } from './support/csp-probe';
import { startLoggingProxy, type LoggingProxy } from './support/logging-proxy';
import { startFakeHub, type FakeHub } from './support/fake-hub';
import { startListServer, type ListServer } from './support/list-server';
import { badgeFor, openPopupFor, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';
import { CAUTION_SHOP, cautionPage, hostOf, onOrigins, PHARMACY, VisitLog, publishAuthorityList } from './support/privacy';

/** Where the extension may send requests: the lists this test subscribed to, the hub it reports to. */
const SUBSCRIBED_LIST_URLS: string[] = [];
const HUB_URLS: string[] = [];
const LISTS_HOST = 'lists.authority.example';
// Reports go over https, or plain http only to a hub on this machine (lib/reports/hub-url.ts).
const HUB_HOST = '127.0.0.1';
/** The one page the person reports (an unlisted site they visited). */
let reported = '';

/**
 * Hosts Chromium contacts on its own (see the header); anything else on the network fails the test.
 * Seen here: the component updater (update.googleapis.com) and the account check (accounts.google.com).
 * Also allowed, as Chromium's own services that --disable-background-networking does not always
 * silence: extension and component updates (clients2.google.com) and page hints (optimizationguide).
 */
const BROWSER_HOSTS = new Set(['update.googleapis.com', 'accounts.google.com', 'clients2.google.com', 'optimizationguide-pa.googleapis.com']);

// Entries of the bundled community list, and hosts that are on no list.
const LISTED = ['1-pharm.com', `www.1-pharm.com`, '1-800-can-drug.com', '123drugsonline.com', '101generics.com'];
const PROCEED_TO = '0rx.ru';
const UNLISTED = ['safe-pharmacy.example', 'pharmacy-a.example', 'news.example', 'clinic.example', CAUTION_SHOP, PHARMACY];
const VISITS = 52;

interface Recorded {
  readonly from: 'background' | 'page';
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

let server: SiteServer;
let lists: ListServer;
let hub: FakeHub;
let proxy: LoggingProxy;
let browser: ExtensionBrowser;
const fromExtension: Promise<Recorded>[] = [];
const log = new VisitLog();
const visited = log.visited;
let navigations = 0;

beforeAll(async () => {
  server = await startSiteServer();
  server.serve(CAUTION_SHOP, '*', cautionPage(CAUTION_SHOP));
  server.serve(PHARMACY, '*', cautionPage(PHARMACY));
  lists = await startListServer(LISTS_HOST);
  hub = await startFakeHub();
  proxy = await startLoggingProxy(server.port, [lists.port, hub.port]);
  browser = await launchWithExtension({ extraArgs: proxy.chromiumArgs });
  // Listening starts once the browser is up: whatever the background fetched while starting (the
  // bundled list, from the package) may be missed here, never by the proxy, which logs from launch.
  browser.context.on('request', (request) => {
    const from = attribute(request, `chrome-extension://${browser.extensionId}/`);
    if (from) fromExtension.push(record(request, from));
  });
  await waitForRules(browser);
  await subscribeToAList();
  await browseLikeAPerson();
  await reportOnePage();
}, 240_000);

async function subscribeToAList(): Promise<void> {
  const { url: latest, publicKey } = await publishAuthorityList(lists, 'privacy-authority-list');
  SUBSCRIBED_LIST_URLS.push(latest);
  const page = await browser.newPage();
  await page.goto(browser.url('options.html'));
  const answer = await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'ui-bg-subscribe', payload }), { url: latest, publicKey });
  if (!answer?.ok) throw new Error(`could not subscribe: ${JSON.stringify(answer)}`);
  await page.close();
}

/** Sets the hub in the options, then reports one visited page through the report form. */
async function reportOnePage(): Promise<void> {
  HUB_URLS.push(hub.url(HUB_HOST));
  reported = visited.find((url) => new URL(url).hostname === UNLISTED[1])!;
  const options = await browser.newPage();
  await options.goto(browser.url('options.html'));
  await options.getByLabel('Reporting service address').fill(hub.url(HUB_HOST));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByTestId('hub-status').filter({ hasText: hub.url(HUB_HOST) }).waitFor();
  await options.close();
  const form = await browser.newPage();
  await form.goto(browser.url(`report.html?kind=suspicious-site&url=${reported}`));
  await form.getByLabel('Prices far too low').check();
  await form.getByRole('button', { name: 'Send report' }).click();
  await form.locator('[data-testid="report-result"][data-result="sent"]').waitFor({ timeout: 30_000 });
  await form.close();
}

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await proxy?.close();
  await server?.close();
  await lists?.close();
  await hub?.close();
});

/** The extension's, or null: its service worker's requests, and what its pages fetch (not where they navigate). */
function attribute(request: Request, extensionOrigin: string): Recorded['from'] | null {
  const worker = request.serviceWorker();
  if (worker) return worker.url().startsWith(extensionOrigin) ? 'background' : null;
  if (request.isNavigationRequest()) return null;
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    return null;
  }
  return frameUrl.startsWith(extensionOrigin) ? 'page' : null;
}

async function record(request: Request, from: Recorded['from']): Promise<Recorded> {
  return { from, url: request.url(), method: request.method(), headers: await request.allHeaders().catch(() => request.headers()), body: request.postData() ?? '' };
}

async function go(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  navigations++;
}

/** 52 visits in one tab, alternating listed and unlisted sites; the popup every sixth; one "Proceed anyway". */
async function browseLikeAPerson(): Promise<void> {
  const page = await browser.newPage();
  for (let i = 0; i < VISITS; i++) {
    const listed = i % 2 === 0;
    const host = listed ? LISTED[(i / 2) % LISTED.length]! : UNLISTED[((i - 1) / 2) % UNLISTED.length]!;
    // Same-length markers, so that no marker is part of another (secret-001 is not in secret-013).
    const n = String(i).padStart(3, '0');
    const url = `${server.origin(host)}/visit/${n}?q=secret-${n}&ref=privacy#part-${n}`;
    visited.push(url);
    await go(page, url);
    if (listed) {
      await new WarningPage(page).ready();
      expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    } else {
      expect(page.url()).toBe(url);
    }
    // The shop's page is judged on the device: wait until its content script has sent its
    // features to the background (the amber badge), so that every visit to it is put to the test.
    if (host === CAUTION_SHOP) await cautionBadge(url);
    if (i % 6 === 0 || host === CAUTION_SHOP) {
      const { tabId } = await badgeFor(browser, listed ? browser.url(`warning.html?url=${url}`) : url);
      const popup = await openPopupFor(browser, tabId);
      navigations++;
      expect(popup.verdict).toBe(listed ? 'listed' : host === CAUTION_SHOP ? 'caution' : 'unknown');
      await popup.page.close();
    }
    if (i === 20) await proceedAnyway(page);
  }
  // The other extension pages too: options, and the guide (which reads its texts from the package).
  for (const path of ['options.html', 'guide.html']) {
    const other = await browser.newPage();
    await go(other, browser.url(path));
    await other.locator('main h1').first().waitFor();
    await other.close();
  }
  await page.close();
}

/** Waits (in a setup hook, where expect.poll is not available) for the amber badge on the tab at `url`. */
async function cautionBadge(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await badgeFor(browser, url)).text === '') {
    if (Date.now() > deadline) throw new Error(`no caution badge for ${url} after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function proceedAnyway(page: Page): Promise<void> {
  const url = `${server.origin(PROCEED_TO)}/proceed?q=secret-proceed`;
  visited.push(url);
  await go(page, url);
  const warning = await new WarningPage(page).ready();
  await (await warning.openDetails()).proceedButton().click();
  await page.waitForURL(url);
  navigations++;
}

const leaks = (text: string, sameHost?: string) => log.leaks(text, sameHost);
const allowedRemote = (url: string) => onOrigins(url, [...SUBSCRIBED_LIST_URLS, ...HUB_URLS]);

describe('the privacy promise, in Chromium', () => {
  it('was put to the test: more than 50 navigations, popups and warnings included', () => {
    expect(navigations).toBeGreaterThanOrEqual(50);
    expect(visited.length).toBeGreaterThanOrEqual(50);
  });

  it('the extension requests only its own package, its subscribed lists and the hub', async () => {
    const requests = await Promise.all(fromExtension);
    const own = `chrome-extension://${browser.extensionId}/`;
    // The record is live: it saw the pages load their scripts from the package.
    expect(requests.some((r) => r.from === 'page' && r.url.startsWith(own))).toBe(true);
    const remote = requests.filter((r) => !r.url.startsWith(own));
    expect(remote.filter((r) => !allowedRemote(r.url)).map((r) => `${r.from}: ${r.method} ${r.url}`)).toEqual([]);
  });

  it('no request of the extension carries a visited host or address, in its URL, headers or body', async () => {
    const own = `chrome-extension://${browser.extensionId}/`;
    const remote = (await Promise.all(fromExtension)).filter((r) => !r.url.startsWith(own));
    // The report may name the one page the person chose to report; nothing else of the visits.
    const reportedHost = new URL(reported).hostname;
    const toHub = (url: string) => HUB_URLS.some((h) => new URL(url).origin === new URL(h).origin);
    const found = remote.flatMap((r) => leaks(`${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`, toHub(r.url) ? reportedHost : undefined).map((w) => `${r.url}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the subscribed list was downloaded, and the report arrived with exactly the page the person chose', async () => {
    const requests = (await Promise.all(fromExtension)).map((r) => r.url);
    expect(requests).toContain(SUBSCRIBED_LIST_URLS[0]);
    expect(hub.received).toHaveLength(1);
    const sent = JSON.parse(hub.received[0]!.body) as { page: string; reasons: string[]; contact?: unknown };
    // By default without its query and fragment (lib/reports/target.ts, trimmedPage): the visit's
    // marker in the query stays on the device too.
    const { origin, pathname, search } = new URL(reported);
    expect(sent.page).toBe(`${origin}${pathname}`);
    expect(search).toMatch(/secret-\d+/);
    expect(hub.received[0]!.body).not.toContain(/secret-\d+/.exec(search)![0]);
    expect(sent.reasons).toEqual(['prices-too-low']);
    expect(sent.contact).toBeUndefined();
    expect(hub.received[0]!.headers.cookie).toBeUndefined();
    expect(hub.received[0]!.headers.referer).toBeUndefined();
  });

  it('the extension subscribed to nothing by itself', async () => {
    const worker = await browser.worker();
    const urls = await worker.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('pharmacheck');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('subscriptions').objectStore('subscriptions').getAll();
            read.onerror = () => reject(read.error);
            read.onsuccess = () => resolve((read.result as { url: string | null }[]).flatMap((s) => (s.url ? [s.url] : [])));
          };
        }),
    );
    expect(urls).toEqual([...SUBSCRIBED_LIST_URLS]);
  });

  it('on the network: only the visits themselves, and the browser’s own hosts with nothing of the visits', () => {
    const unexplained: string[] = [];
    for (const request of proxy.requests()) {
      const host = hostOf(request);
      // The visit itself, and what the visited page loads from its own site (the caution pages' images).
      if (log.isVisit(request)) continue;
      if (BROWSER_HOSTS.has(host) && leaks(`${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`).length === 0) continue;
      // The subscribed list's files, and the one report (checked for leaks in the tests above).
      if (request.method !== 'CONNECT' && allowedRemote(request.url)) continue;
      unexplained.push(`${request.method} ${request.url}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('a visit tells a site nothing of the other visits (no referrer, nothing in headers)', () => {
    expect(log.crossSiteLeaks(proxy.requests())).toEqual([]);
  });

  it('listed sites received nothing but the one visit the person chose to make', () => {
    for (const host of LISTED) expect(server.requests(host)).toEqual([]);
    expect(server.requests(PROCEED_TO).map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/proceed?q=secret-proceed']);
  });

  it("extension pages run under the manifest's policy: no inline script, nothing remote", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(`warning.html?url=${server.origin(LISTED[0]!)}/csp`));
    await new WarningPage(page).ready();
    const outcome = await page.evaluate(injectInlineScriptAndRemoteImage, `${server.origin(UNLISTED[0]!)}/pixel.png`);
    const policy = await (await browser.worker()).evaluate(() => (chrome.runtime.getManifest() as chrome.runtime.ManifestV3).content_security_policy?.extension_pages);
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toContainEqual({ directive: 'img-src', policy });
    expect(proxy.requests().some((r) => r.url.includes('/pixel.png'))).toBe(false);
    await page.close();
  });
});
