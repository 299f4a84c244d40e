/**
 * A listed site that something other than the network served: a service worker installed before
 * Pharmacheck (or before the site was listed) answers the navigation from its cache, and
 * declarativeNetRequest never sees a request. So when a top-level page commits on a listed site
 * and the person did not choose "Proceed anyway" for it, the tab goes to the warning page at once,
 * and the site's service workers and caches are removed, so that the next visit reaches the network
 * and the rules. A plain visit never gets here: the redirect rule stops it before it commits. Firefox
 * applies the rules before a worker answers, so there the warning page itself commits: its
 * commit removes the site's workers too, so that "Proceed anyway" reaches the network.
 */
import { browser } from 'wxt/browser';
import { PROCEED_RULE_BASE } from '../blocking/rules';
import { warningPageFor } from '../blocking/warning-url';
import type { VerdictKind } from '../verdict';

export interface Commit {
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
}

export interface SessionRuleLike {
  readonly id: number;
  readonly action: { readonly type: string };
  readonly condition: { readonly requestDomains?: readonly string[] };
}

/** The hosts a person let through for this session ("Proceed anyway" rules, lib/blocking/dnr.ts). */
export function proceededHosts(sessionRules: readonly SessionRuleLike[]): string[] {
  return sessionRules.filter((r) => r.id >= PROCEED_RULE_BASE && r.action.type === 'allow').flatMap((r) => r.condition.requestDomains ?? []);
}

/** As the browser matches `requestDomains`: the host itself or one of its subdomains. */
export function isProceeded(host: string, proceeded: readonly string[]): boolean {
  return proceeded.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The http(s) URL's host name, lower case; null for any other scheme or a malformed URL. */
function webHost(url: string): { host: string; origin: string } | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? { host: u.hostname.toLowerCase(), origin: u.origin } : null;
  } catch {
    return null;
  }
}

/** Whether a commit must go to the warning page: a top frame, a web page, listed, not proceeded. */
export function mustWarn(commit: Commit, verdict: VerdictKind | null, proceeded: readonly string[]): boolean {
  if (commit.frameId !== 0 || commit.tabId < 0) return false;
  const web = webHost(commit.url);
  return web !== null && verdict === 'listed' && !isProceeded(web.host, proceeded);
}

export type Engine = 'chromium' | 'firefox';

/**
 * What to remove for the site, by engine. Chromium filters by origin and has a Cache Storage type
 * (the service worker's caches). Firefox filters by host name, for service workers since 77 and the
 * HTTP cache since 78 (ESR 140 has both); it has no Cache Storage type, so the worker, the part that
 * answers without the network, goes, and its caches answer nothing without it.
 */
export function siteDataRemoval(url: string, engine: Engine): { options: Record<string, unknown>; dataToRemove: Record<string, boolean> } | null {
  const web = webHost(url);
  if (!web) return null;
  return engine === 'firefox'
    ? { options: { hostnames: [web.host] }, dataToRemove: { serviceWorkers: true, cache: true } }
    : { options: { origins: [web.origin] }, dataToRemove: { serviceWorkers: true, cacheStorage: true } };
}

export interface CommitApi {
  sessionRules(): Promise<readonly SessionRuleLike[]>;
  goTo(tabId: number, url: string): Promise<unknown>;
  removeSiteData(options: Record<string, unknown>, dataToRemove: Record<string, boolean>): Promise<unknown>;
}

const browserApi = (): CommitApi => ({
  sessionRules: () => browser.declarativeNetRequest.getSessionRules(),
  goTo: (tabId, url) => browser.tabs.update(tabId, { url }),
  removeSiteData: (options, dataToRemove) => browser.browsingData.remove(options as never, dataToRemove as never),
});

/** For a top-level commit of the warning page: the URL it warns about (its site's workers go too). */
export function warnedUrl(commit: Commit, warningPageUrl: string): string | null {
  const prefix = `${warningPageUrl}?url=`;
  if (commit.frameId !== 0 || !commit.url.startsWith(prefix)) return null;
  const url = commit.url.slice(prefix.length);
  return webHost(url) ? url : null;
}

/** Handles one commit (webNavigation.onCommitted); true when the tab was taken to the warning page. */
export async function warnOnCommit(
  commit: Commit,
  verdictOf: (url: string) => Promise<VerdictKind | null>,
  warningPageUrl: string,
  engine: Engine = import.meta.env.FIREFOX ? 'firefox' : 'chromium',
  api: CommitApi = browserApi(),
): Promise<boolean> {
  const warned = warnedUrl(commit, warningPageUrl);
  if (warned !== null) {
    if ((await verdictOf(warned)) === 'listed' && !isProceeded(webHost(warned)!.host, proceededHosts(await api.sessionRules()))) await removeSiteData(warned, engine, api);
    return false;
  }
  // Cheap checks first: most commits are frames, extension pages or unlisted sites.
  if (commit.frameId !== 0 || webHost(commit.url) === null) return false;
  const verdict = await verdictOf(commit.url);
  if (verdict !== 'listed') return false;
  if (!mustWarn(commit, verdict, proceededHosts(await api.sessionRules()))) return false;
  await Promise.all([api.goTo(commit.tabId, warningPageFor(warningPageUrl, commit.url)), removeSiteData(commit.url, engine, api)]);
  return true;
}

async function removeSiteData(url: string, engine: Engine, api: CommitApi): Promise<void> {
  const removal = siteDataRemoval(url, engine);
  if (!removal) return;
  await api.removeSiteData(removal.options, removal.dataToRemove).catch((error: unknown) => console.error('Pharmacheck: could not remove the site data of a listed site', error));
}
