/**
 * A register, end to end, in real Chromium against a real hub (server/, PGlite) on 127.0.0.1: the
 * register's CSV export is imported into an allowlist, published (signed) by the hub, and the
 * extension, subscribed to it through the options page, shows the verified verdict (green badge,
 * the popup naming the register) for its pharmacies and their subdomains, and for nothing else.
 * Then a new export drops a pharmacy: after the update, it is verified no longer. A person adding
 * an allowlist makes nothing verified by itself (trust.test.ts): the build ships a test directory
 * of publishers that names the hub's signing key as the register's, as the real directory would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/src/hub';
import { bearer, call, tokenFor } from '../server/support/tokens';
import { generateKey, type PublicKeyFile } from '../../lib/signing';
import { directoryEntry, makeDirectory } from '../../lib/trust';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { validAroundNow } from './support/dates';
import { buildWithDirectory } from './support/directory-build';
import { OptionsPage } from './support/options-page';
import { badgeFor, openPopupFor, paintedBadgeFor, visit } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';

const LIST_ID = 'e2e-register';
const REGISTER_NAME = 'E2E register of online pharmacies';
const HUB_HOST = 'hub.register.example';
const EXPORT = [
  'Raison sociale;Site internet;N° d\'autorisation;Date d\'enregistrement',
  'Pharmacie Verifiee;https://www.pharmacie-verifiee.example/;REG-001;15/01/2020',
  'Apotheke Geprueft;apotheke-geprueft.example;REG-002;2021-06-30',
].join('\n');

let hubDir: string;
let hub: RunningHub;
let sites: SiteServer;
let browser: ExtensionBrowser;
let publisher: string;
let extensionDir: string;

const hubUrl = () => `http://${HUB_HOST}:${new URL(hub.url).port}`;

async function importAndPublish(csv: string): Promise<number> {
  const imported = await fetch(`${hub.url}/v1/lists/${LIST_ID}/register`, { method: 'POST', headers: { ...bearer(publisher), 'content-type': 'text/csv' }, body: csv });
  expect(imported.status, await imported.clone().text()).toBe(200);
  const published = await call(hub.url, `/v1/lists/${LIST_ID}/publish`, publisher, { method: 'POST', body: {} });
  expect(published.status).toBe(201);
  return published.body.version as number;
}

async function verdictOf(host: string): Promise<{ verdict: string; text: string; badge: string; title: string }> {
  const page = await browser.newPage();
  await visit(page, `${sites.origin(host)}/`);
  const { tabId } = await badgeFor(browser, sites.origin(host));
  const popup = await openPopupFor(browser, tabId);
  await popup.page.close();
  // A verdict other than unknown puts a mark on the badge; wait for the background to paint it.
  const badge = popup.verdict === 'unknown' ? await badgeFor(browser, sites.origin(host)) : await paintedBadgeFor(browser, sites.origin(host));
  await page.close();
  return { verdict: popup.verdict, text: popup.text, badge: badge.text, title: badge.title };
}

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'pharmacheck-register-hub-'));
  hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    dataDir: hubDir,
    database: { kind: 'pglite', dataDir: join(hubDir, 'pgdata') },
    corsOrigins: ['chrome-extension://*'],
    reportRateLimit: { max: 1000, windowMs: 60_000 },
    reviewRateLimit: { max: 1000, windowMs: 60_000 },
    bodyLimit: 32_768,
    trustProxy: false,
    logLevel: 'silent',
    shutdownTimeoutMs: 5_000,
  });
  publisher = await tokenFor(hub.db, 'publisher', 'Rena Register');
  const list = { meta: { id: LIST_ID, name: REGISTER_NAME, publisher: { name: 'E2E Pharmacy Council', type: 'register', country: 'FR' }, kind: 'allow' }, validityDays: 30 };
  expect((await call(hub.url, `/v1/lists/${LIST_ID}`, publisher, { method: 'PUT', body: list })).status).toBe(201);
  expect(await importAndPublish(EXPORT)).toBe(1);
  sites = await startSiteServer();
  const hubKey = (await (await fetch(`${hub.url}/v1/public-key`)).json()) as PublicKeyFile;
  const directoryKey = await generateKey();
  const register = directoryEntry({ id: 'e2e-pharmacy-council', name: 'E2E Pharmacy Council', type: 'register', country: 'FR', lists: [{ id: LIST_ID }], keys: [hubKey] });
  extensionDir = await buildWithDirectory(makeDirectory({ id: 'pharmacheck-directory', version: 1, issued: validAroundNow().issued, expires: validAroundNow().expires, publishers: [register], revoked: [] }), directoryKey);
  browser = await launchWithExtension({ extensionDir });
  await waitForRules(browser);
}, 120_000);

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await hub?.close();
  if (hubDir) rmSync(hubDir, { recursive: true, force: true });
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

describe('a register published by the hub', () => {
  it('makes its pharmacies verified, subdomains included, and nothing else', async () => {
    const key = await (await fetch(`${hub.url}/v1/public-key`)).json();
    const options = await OptionsPage.open(browser);
    expect(await options.subscribe(`${hubUrl()}/lists/${LIST_ID}/latest.json`, key.publicKey)).toBe(`Subscribed to ${LIST_ID}.`);
    expect(await options.field(LIST_ID, 'entries')).toContain('2');
    await options.page.close();

    for (const host of ['pharmacie-verifiee.example', 'www.pharmacie-verifiee.example', 'apotheke-geprueft.example']) {
      const seen = await verdictOf(host);
      expect({ host, verdict: seen.verdict, badge: seen.badge }).toEqual({ host, verdict: 'verified', badge: '✓' });
      expect(seen.title).toBe(`Pharmacheck: \u2066${host}\u2069 is on a register of authorised pharmacies`);
      expect(seen.text).toContain(REGISTER_NAME);
    }
    const other = await verdictOf('not-on-the-register.example');
    expect({ verdict: other.verdict, badge: other.badge }).toEqual({ verdict: 'unknown', badge: '' });
  });

  it('stops verifying a pharmacy the next export no longer lists, once the extension updates', async () => {
    expect(await importAndPublish(EXPORT.split('\n').slice(0, 2).join('\n'))).toBe(2);
    const options = await OptionsPage.open(browser);
    expect(await options.updateAll()).toBe('Lists checked.');
    expect(await options.field(LIST_ID, 'version')).toBe('2');
    await options.page.close();
    expect((await verdictOf('apotheke-geprueft.example')).verdict).toBe('unknown');
    expect((await verdictOf('pharmacie-verifiee.example')).verdict).toBe('verified');
  });
});
