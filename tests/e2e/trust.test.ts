/**
 * Trust that a list earns, in real Chromium against lists and a directory of publishers served by
 * a real local HTTP server. The extension is the built one, copied with its directory of publishers
 * and pinned keys replaced by a test directory and a test key (package files the background reads
 * at start, like the bundled lists; the code is the build's): the shipped directory names no
 * authority yet, and no test may sign with its key.
 *   - A list that declares itself an authority's, signed by a key the directory does not name,
 *     ranks as community: the options page and the warning say "you added this", and its blocking
 *     rule has the community priority; a self-declared "register" un-blocks nothing.
 *   - A rolled key is followed: version 1 signed by the old key, a rotation statement, version 2
 *     signed by the new key is taken, and the old key's later files are refused.
 *   - A revoked key's list stops counting once a directory update revokes it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSchema, publishFiles, type Entry, type List } from '../../lib/lists';
import { generateKey, sign, signaturesText, signatureText, type SecretKeyFile } from '../../lib/signing';
import { directoryEntry, makeDirectory, makeRotation, rotationFileName, trustFileText, type Directory } from '../../lib/trust';
import { launchWithExtension, waitForRules, type ExtensionBrowser } from './support/chromium';
import { buildWithDirectory } from './support/directory-build';
import { validAroundNow } from './support/dates';
import { LISTED } from './support/hosts';
import { startListServer, type ListServer } from './support/list-server';
import { OptionsPage } from './support/options-page';
import { openAll, visit, WarningPage } from './support/pages';
import { startSiteServer, type SiteServer } from './support/site-server';

const AGENCY_LIST = 'xx-agency-blocklist';
const AGENCY_SITE = 'agency-listed.example';
const SELF_DECLARED = 'xx-self-declared';
const SELF_DECLARED_SITE = 'self-declared-rogue.example';
const FAKE_REGISTER = 'xx-fake-register';
const ROLLING = 'xx-rolling';
const ROLLED_SITE = 'rolled-rogue.example';

const encoder = new TextEncoder();
let keys: Record<'directory' | 'agency' | 'stranger' | 'register' | 'old' | 'next', SecretKeyFile>;
let lists: ListServer;
let sites: SiteServer;
let browser: ExtensionBrowser;
let extensionDir: string;

function entry(domain: string, category: Entry['category'] = 'falsified-medicines'): Entry {
  return { domain, category, added: validAroundNow().added, evidence: { source: 'Test source', reference: 'case 2026-7' } };
}

function list(id: string, kind: 'block' | 'allow', type: 'authority' | 'register', domains: string[], version = 1): List {
  const category = kind === 'allow' ? 'authorised-pharmacy' : 'falsified-medicines';
  return listSchema.parse({
    format: 1, id, name: `${id} list`, publisher: { name: `${id} publisher`, type }, kind, version,
    issued: validAroundNow().issued, expires: validAroundNow().expires, entries: domains.map((d) => entry(d, category)),
  });
}

function directory(version: number, overrides: Partial<Directory> = {}): Directory {
  const agency = directoryEntry({ id: 'test-agency', name: 'Test Medicines Agency', type: 'authority', country: 'FR', lists: [{ id: AGENCY_LIST }], keys: [keys.agency] });
  const { issued, expires } = validAroundNow();
  return makeDirectory({ id: 'pharmacheck-directory', version, issued, expires, updateUrl: lists.url('directory/latest.json'), publishers: [agency], revoked: [], ...overrides });
}

/** The directory's files as a publisher serves them (v<N>.json and latest.json, signed by the test directory key). */
async function signedDirectory(d: Directory): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const put = async (name: string, text: string) => {
    files.set(name, encoder.encode(text));
    files.set(`${name}.sig`, encoder.encode(signaturesText([await sign(encoder.encode(text), keys.directory)])));
  };
  await put(`directory/v${d.version}.json`, trustFileText(d));
  await put('directory/latest.json', `${JSON.stringify({ format: 1, type: 'latest', id: d.id, version: d.version, issued: d.issued, expires: d.expires, list: `v${d.version}.json`, deltas: [] })}\n`);
  return files;
}

async function publish(l: List, key: SecretKeyFile, history: List[] = []): Promise<void> {
  lists.publish(await publishFiles({ list: l, history, key }));
}

/** The rules naming a domain, sorted: a blocklist's chunk has a redirect (pages, frames) and a block (subresources). */
async function rulesFor(domain: string): Promise<{ priority: number; type: string }[]> {
  const worker = await browser.worker();
  const rules = await worker.evaluate(async (d) => {
    const rules = await chrome.declarativeNetRequest.getDynamicRules();
    return rules.filter((r) => r.condition.requestDomains?.includes(d)).map((r) => ({ priority: r.priority ?? 1, type: r.action.type as string }));
  }, domain);
  return rules.sort((a, b) => a.priority - b.priority || a.type.localeCompare(b.type));
}

async function warned(host: string): Promise<boolean> {
  const page = await browser.newPage();
  await visit(page, `${sites.origin(host)}/buy`);
  const blocked = WarningPage.isWarningUrl(page.url());
  await page.close();
  return blocked;
}

beforeAll(async () => {
  const made = await Promise.all([generateKey(), generateKey(), generateKey(), generateKey(), generateKey(), generateKey()]);
  keys = { directory: made[0]!, agency: made[1]!, stranger: made[2]!, register: made[3]!, old: made[4]!, next: made[5]! };
  lists = await startListServer();
  sites = await startSiteServer();
  // The build, with a test directory (version 1, naming the test agency) and its test pinned key.
  extensionDir = await buildWithDirectory(directory(1), keys.directory, 'pharmacheck-trust-extension-');
  lists.publish(await signedDirectory(directory(1)));
  browser = await launchWithExtension({ extensionDir });
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
  await sites?.close();
  await lists?.close();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

describe('trust that a list earns', () => {
  it('ranks a self-declared authority as community and lets a self-declared register un-block nothing, while the directory’s authority ranks first', async () => {
    await publish(list(SELF_DECLARED, 'block', 'authority', [SELF_DECLARED_SITE]), keys.stranger);
    await publish(list(FAKE_REGISTER, 'allow', 'register', [LISTED]), keys.register);
    await publish(list(AGENCY_LIST, 'block', 'authority', [AGENCY_SITE]), keys.agency);
    const options = await OptionsPage.open(browser);
    expect(await options.subscribe(lists.url(`${SELF_DECLARED}/latest.json`), keys.stranger.publicKey)).toBe(`Subscribed to ${SELF_DECLARED}.`);
    expect(await options.subscribe(lists.url(`${FAKE_REGISTER}/latest.json`), keys.register.publicKey)).toBe(`Subscribed to ${FAKE_REGISTER}.`);
    expect(await options.subscribe(lists.url(`${AGENCY_LIST}/latest.json`), keys.agency.publicKey)).toBe(`Subscribed to ${AGENCY_LIST}.`);
    await expect.poll(() => options.field(AGENCY_LIST, 'version')).toBe('1');

    expect(await options.field(SELF_DECLARED, 'standing')).toBe('Community list (not an authority)');
    expect(await options.field(SELF_DECLARED, 'vouch')).toBe('You added this list; nobody else vouches for it');
    expect(await options.field(SELF_DECLARED, 'declared')).toMatch(/^Health authority\. Nobody vouches for that/);
    expect(await options.field(FAKE_REGISTER, 'standing')).toMatch(/^Nothing: a list of authorised pharmacies counts only when/);
    expect(await options.field(AGENCY_LIST, 'standing')).toBe('Health authority');
    expect(await options.field(AGENCY_LIST, 'vouch')).toBe('The directory of publishers: Test Medicines Agency (France)');
    await options.page.close();

    expect(await rulesFor(SELF_DECLARED_SITE)).toEqual([{ priority: 1, type: 'block' }, { priority: 1, type: 'redirect' }]);
    expect(await rulesFor(AGENCY_SITE)).toEqual([{ priority: 3, type: 'block' }, { priority: 3, type: 'redirect' }]);
    // The fake register has no allow rule: the bundled community list keeps blocking its "pharmacy".
    expect((await rulesFor(LISTED)).map((r) => r.type)).toEqual(['block', 'redirect']);
    sites.reset();
    expect(await warned(LISTED)).toBe(true);
    const page = await browser.newPage();
    await visit(page, `${sites.origin(SELF_DECLARED_SITE)}/buy`);
    expect(WarningPage.isWarningUrl(page.url())).toBe(true);
    // Who vouches for the list is behind the details and "Why this site was stopped".
    await new WarningPage(page).ready();
    await openAll(page);
    await page.locator('.match').first().waitFor();
    expect(await page.locator('.match [data-field="vouch"]').allInnerTexts()).toEqual(['You added this list; nobody else vouches for it']);
    await page.close();
    expect(sites.requests(LISTED)).toEqual([]);
    expect(sites.requests(SELF_DECLARED_SITE)).toEqual([]);
  });

  it('follows a rolled key, then refuses the old key’s later files', async () => {
    const v1 = list(ROLLING, 'block', 'authority', ['first-rogue.example']);
    await publish(v1, keys.old);
    const options = await OptionsPage.open(browser);
    expect(await options.subscribe(lists.url(`${ROLLING}/latest.json`), keys.old.publicKey)).toBe(`Subscribed to ${ROLLING}.`);
    await expect.poll(() => options.field(ROLLING, 'version')).toBe('1');
    expect(await options.field(ROLLING, 'key')).toBe(keys.old.keyId);

    // The publisher rolls over at once, then publishes version 2 with the next key.
    const at = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const statement = trustFileText(makeRotation({ id: ROLLING, from: keys.old.keyId, to: keys.next, issued: at, rollover: at }));
    lists.publish(new Map([
      [`${ROLLING}/${rotationFileName(keys.old.keyId)}`, encoder.encode(statement)],
      [`${ROLLING}/${rotationFileName(keys.old.keyId)}.sig`, encoder.encode(signatureText(await sign(encoder.encode(statement), keys.old)))],
    ]));
    const v2 = list(ROLLING, 'block', 'authority', ['first-rogue.example', ROLLED_SITE], 2);
    await publish(v2, keys.next, [v1]);
    expect(await options.updateAll()).toBe('Lists checked.');
    expect(await options.field(ROLLING, 'version')).toBe('2');
    expect(await options.field(ROLLING, 'key')).toBe(keys.next.keyId);
    expect(await warned(ROLLED_SITE)).toBe(true);

    // A version 3 signed with the old key, after the rollover: refused, version 2 stays.
    await publish(list(ROLLING, 'block', 'authority', ['first-rogue.example'], 3), keys.old);
    expect(await options.updateAll()).toMatch(/could not be updated/);
    expect(await options.field(ROLLING, 'version')).toBe('2');
    expect(await options.field(ROLLING, 'error')).toMatch(/retired-key/);
    await options.page.close();
    expect(await warned(ROLLED_SITE)).toBe(true);
  });

  it('stops counting a list whose key a directory update revokes', async () => {
    expect(await warned(AGENCY_SITE)).toBe(true);
    lists.publish(await signedDirectory(directory(2, { publishers: [], revoked: [{ keyId: keys.agency.keyId, since: validAroundNow().issued, reason: 'compromised' }] })));
    const options = await OptionsPage.open(browser);
    expect(await options.directoryField('directory-version')).toBe('1');
    await options.updateAll();
    await expect.poll(() => options.directoryField('directory-version')).toBe('2');
    expect(await options.directoryField('directory-revoked')).toBe('1');
    await expect.poll(() => options.field(AGENCY_LIST, 'standing')).toMatch(new RegExp(`^Nothing: the directory of publishers revoked its key ${keys.agency.keyId} \\(compromised`));
    expect(await options.field(AGENCY_LIST, 'vouch')).toBe('Nobody: its key was revoked');
    expect(await options.field(AGENCY_LIST, 'error')).toMatch(/revoked-key/);
    await options.page.close();
    expect(await rulesFor(AGENCY_SITE)).toEqual([]);
    sites.reset();
    expect(await warned(AGENCY_SITE)).toBe(false);
    expect(sites.requests(AGENCY_SITE).length).toBeGreaterThan(0);
  });
});
