/**
 * The privacy promise (docs/privacy.md), checked in headless Firefox ESR as privacy.test.ts checks
 * it in Chromium: while a person browses more than 50 listed and unlisted sites (the two caution
 * pages among them), opens the popup, reads warnings and proceeds once, subscribes to one list and
 * sends one report, nothing leaves the browser but the visits themselves, the subscribed list's
 * files, that one report, and Firefox's own calls to Mozilla, which carry nothing of the visits.
 *
 * One record, the logging proxy, which every request of Firefox goes through (its proxy prefs,
 * loopback included): there is no protocol record of the background's requests in Firefox, so the
 * proxy's record is checked whole, whoever sent each request. The site server's own log shows that
 * nothing went around the proxy (the launcher still maps the test's names to 127.0.0.1, so a
 * request that bypassed it would reach the site server unseen by the proxy).
 *
 * Each visit is typed, as it were, into a new tab: Firefox is driven by navigating from script
 * (support/firefox.ts), and a navigation from one visited page to the next would carry that page's
 * origin as its Referer, as a link would; a new tab's blank page has none to send.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub } from './support/fake-hub';
import { badgeFor, launchFirefoxWithExtension, openExtensionPage, openPopupFor, textOf, visit, waitForRules, type FirefoxExtensionBrowser } from './support/firefox';
import { startListServer, type ListServer } from './support/list-server';
import { startLoggingProxy, type LoggingProxy } from './support/logging-proxy';
import { CAUTION_SHOP, cautionPage, hostOf, onOrigins, PHARMACY, unproxied, VisitLog, publishAuthorityList } from './support/privacy';
import { startSiteServer, type SiteServer } from './support/site-server';

const SUBSCRIBED_LIST_URLS: string[] = [];
const HUB_URLS: string[] = [];
const LISTS_HOST = 'lists.authority.example';
// Reports go over https, or plain http only to a hub on this machine (lib/reports/hub-url.ts).
const HUB_HOST = '127.0.0.1';
let reported = '';

/**
 * Hosts Firefox contacts on its own, with or without the extension; anything else on the network
 * fails the test. Seen here: Remote Settings (firefox.settings.services.mozilla.com), where Firefox
 * fetches its add-on blocklist, certificate revocations and other settings over https, again and
 * again as the proxy refuses it. Puppeteer and Firefox's remote agent point most other services
 * (telemetry, updates, Normandy, captive portal and connectivity checks, push, Safe Browsing) at
 * dummy addresses or turn them off. The proxy refuses every https tunnel, so nothing but the host
 * name ever leaves, and any plain-http request to them is searched like everything else.
 */
const BROWSER_HOSTS = new Set(['firefox.settings.services.mozilla.com']);

// Entries of the bundled community list, and hosts that are on no list.
const LISTED = ['1-pharm.com', 'www.1-pharm.com', '1-800-can-drug.com', '123drugsonline.com', '101generics.com'];
const PROCEED_TO = '0rx.ru';
const UNLISTED = ['safe-pharmacy.example', 'pharmacy-a.example', 'news.example', 'clinic.example', CAUTION_SHOP, PHARMACY];
const VISITS = 52;

let server: SiteServer;
let lists: ListServer;
let hub: FakeHub;
let proxy: LoggingProxy;
let ff: FirefoxExtensionBrowser;
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
  ff = await launchFirefoxWithExtension({
    hosts: [...LISTED, PROCEED_TO, ...UNLISTED, LISTS_HOST],
    // Grants the report form's data consent (a permissions.request()) without the doorhanger a headless browser cannot click.
    prefs: { ...proxy.firefoxPrefs, 'extensions.webextOptionalPermissionPrompts': false },
  });
  await waitForRules(ff);
  await subscribeToAList();
  await browseLikeAPerson();
  await reportOnePage();
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await proxy?.close();
  await server?.close();
  await lists?.close();
  await hub?.close();
});

/** Subscribes from an extension page, as the options page does. */
async function subscribeToAList(): Promise<void> {
  const { url: latest, publicKey } = await publishAuthorityList(lists, 'ff-privacy-authority-list');
  SUBSCRIBED_LIST_URLS.push(latest);
  const answer = await ff.api((api, payload) => api.runtime.sendMessage({ type: 'ui-bg-subscribe', payload }), { url: latest, publicKey });
  if (!(answer as { ok?: boolean } | undefined)?.ok) throw new Error(`could not subscribe: ${JSON.stringify(answer)}`);
}

/** Sets the hub in the options, then reports one visited page through the report form. */
async function reportOnePage(): Promise<void> {
  HUB_URLS.push(hub.url(HUB_HOST));
  reported = visited.find((url) => new URL(url).hostname === UNLISTED[1])!;
  const options = await ff.newPage();
  await openExtensionPage(options, ff.url, 'options.html');
  await options.waitForSelector('#hub-url');
  await options.type('#hub-url', hub.url(HUB_HOST));
  await options.click('form:has(#hub-url) button[type="submit"]');
  await until('the saved hub', async () => (await textOf(options, '[data-testid="hub-status"]')).includes(hub.url(HUB_HOST)));
  await options.close();
  const form = await ff.newPage();
  await openExtensionPage(form, ff.url, `report.html?kind=suspicious-site&url=${reported}`);
  await form.waitForSelector('fieldset input[type="checkbox"]');
  await form.click('fieldset label ::-p-text(Prices far too low)');
  await form.click('button[type="submit"]');
  await until('the report sent', () => form.$eval('[data-testid="report-result"]', (el) => el.getAttribute('data-result') === 'sent').catch(() => false), 30_000);
  await form.close();
}

/** Waits (in a setup hook, where expect.poll is not available) until `probe` holds. */
async function until(what: string, probe: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A visit in a new tab (the last one closes): where it landed. */
async function go(previous: Page | null, url: string): Promise<{ page: Page; landed: string }> {
  const page = await ff.newPage();
  await previous?.close();
  const landed = await visit(page, url);
  navigations++;
  return { page, landed };
}

const warningFor = (url: string) => ff.url(`warning.html?url=${url.replace(/#.*$/, '')}`);

/** 52 visits, alternating listed and unlisted sites; the popup every sixth; one "Proceed anyway". */
async function browseLikeAPerson(): Promise<void> {
  let page: Page | null = null;
  for (let i = 0; i < VISITS; i++) {
    const listed = i % 2 === 0;
    const host = listed ? LISTED[(i / 2) % LISTED.length]! : UNLISTED[((i - 1) / 2) % UNLISTED.length]!;
    // Same-length markers, so that no marker is part of another (secret-001 is not in secret-013).
    const n = String(i).padStart(3, '0');
    const url = `${server.origin(host)}/visit/${n}?q=secret-${n}&ref=privacy#part-${n}`;
    visited.push(url);
    const visit: { page: Page; landed: string } = await go(page, url);
    page = visit.page;
    if (listed) {
      if (!visit.landed.startsWith(warningFor(url))) throw new Error(`${url} was not stopped: ${visit.landed}`);
      await textOf(page, 'main h1');
    } else if (visit.landed !== url) {
      throw new Error(`${url} landed on ${visit.landed}`);
    }
    const tabAt = listed ? warningFor(url) : url.replace(/#.*$/, '');
    // The shop's page is judged on the device: wait until its content script has sent its
    // features to the background (the amber badge), so that every visit to it is put to the test.
    if (host === CAUTION_SHOP) await until(`caution badge for ${url}`, async () => (await badgeFor(ff, tabAt)).text !== '');
    if (i % 6 === 0 || host === CAUTION_SHOP) {
      const popup = await openPopupFor(ff, (await badgeFor(ff, tabAt)).tabId);
      navigations++;
      const expected = listed ? 'listed' : host === CAUTION_SHOP ? 'caution' : 'unknown';
      if (popup.verdict !== expected) throw new Error(`the popup for ${url} says ${popup.verdict}, not ${expected}`);
      await popup.page.close();
    }
    if (i === 20) page = await proceedAnyway(page);
  }
  // The other extension pages too: options, and the guide (which reads its texts from the package).
  for (const path of ['options.html', 'guide.html']) {
    const other = await ff.newPage();
    await openExtensionPage(other, ff.url, path);
    await textOf(other, 'main h1');
    navigations++;
    await other.close();
  }
  await page?.close();
}

async function proceedAnyway(previous: Page): Promise<Page> {
  const url = `${server.origin(PROCEED_TO)}/proceed?q=secret-proceed`;
  visited.push(url);
  const { page, landed } = await go(previous, url);
  if (landed !== warningFor(url)) throw new Error(`${url} was not stopped: ${landed}`);
  await textOf(page, '.proceed button');
  // "Proceed anyway" is in the details behind the first screen.
  await page.click('#warning-details-toggle');
  await page.click('.proceed button');
  await until(`the proceed to ${url}`, async () => (await page.evaluate(() => location.href).catch(() => '')) === url);
  navigations++;
  return page;
}

const allowedRemote = (url: string) => onOrigins(url, [...SUBSCRIBED_LIST_URLS, ...HUB_URLS]);
const everything = (r: { url: string; headers: unknown; body: string }) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;

describe('the privacy promise, in Firefox', () => {
  it('was put to the test: more than 50 navigations, popups and warnings included', () => {
    expect(navigations).toBeGreaterThanOrEqual(50);
    expect(visited.length).toBeGreaterThanOrEqual(50);
  });

  it('every request went through the logging proxy, loopback included', () => {
    // The record is live: it saw the visits, the list's files and the report to the hub on 127.0.0.1.
    const seen = proxy.requests().map((r) => r.url);
    expect(seen).toContain(visited[1]!.replace(/#.*$/, ''));
    expect(seen).toContain(SUBSCRIBED_LIST_URLS[0]);
    expect(seen).toContain(`${HUB_URLS[0]}/v1/reports`);
    expect(unproxied(server, proxy.requests())).toEqual([]);
  });

  it('on the network: only the visits themselves, the subscribed list, the report, and Firefox’s own hosts with nothing of the visits', () => {
    const unexplained: string[] = [];
    for (const request of proxy.requests()) {
      // The visit itself, and what the visited page loads from its own site (the caution pages' images).
      if (log.isVisit(request)) continue;
      if (BROWSER_HOSTS.has(hostOf(request)) && log.leaks(everything(request)).length === 0) continue;
      // The subscribed list's files, and the one report (checked for leaks below).
      if (request.method !== 'CONNECT' && allowedRemote(request.url)) continue;
      unexplained.push(`${request.method} ${request.url}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('the list server and the hub received nothing of the visits but the one page reported', () => {
    const toExtensionServers = proxy.requests().filter((r) => r.method !== 'CONNECT' && allowedRemote(r.url));
    expect(toExtensionServers.length).toBeGreaterThan(1);
    // The report names the host of the page the person chose to send (trimmed, below); nothing else of any visit.
    const reportedHost = new URL(reported).hostname;
    const found = toExtensionServers.flatMap((r) => log.leaks(everything(r)).filter((w) => !(onOrigins(r.url, HUB_URLS) && w === reportedHost)).map((w) => `${r.url}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the subscribed list was downloaded, and the report arrived with exactly the page the person chose', () => {
    expect(lists.log.map((r) => r.path)).toContain('ff-privacy-authority-list/latest.json');
    expect(hub.received).toHaveLength(1);
    const sent = JSON.parse(hub.received[0]!.body) as { page: string; reasons: string[]; contact?: unknown };
    // By default without its query and fragment (lib/reports/target.ts, trimmedPage).
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
    const urls = await ff.api(
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

  it('a visit tells a site nothing of the other visits (no referrer, nothing in headers)', () => {
    expect(log.crossSiteLeaks(proxy.requests())).toEqual([]);
  });

  it('listed sites received nothing but the one visit the person chose to make', () => {
    for (const host of LISTED) expect(server.requests(host)).toEqual([]);
    expect(proxy.requests().filter((r) => LISTED.includes(hostOf(r)))).toEqual([]);
    expect(server.requests(PROCEED_TO).map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/proceed?q=secret-proceed']);
  });
});
