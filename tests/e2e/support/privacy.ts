/**
 * What the privacy tests of both browsers share (privacy.test.ts for Chromium, firefox-privacy.test.ts
 * for Firefox): the caution pages with words only their content holds, the record of every visit
 * with the words that must never leave the device, and the checks over a logging proxy's record.
 */
import { readFileSync } from 'node:fs';
import { listSchema, publishFiles } from '../../../lib/lists';
import { generateKey } from '../../../lib/signing';
import { validAroundNow } from './dates';
import type { ListServer } from './list-server';
import type { ProxiedRequest } from './logging-proxy';
import type { SiteServer } from './site-server';

/** Unlisted pages that the caution verdict judges on the device: a shop with strong signs, a real-looking pharmacy. */
export const CAUTION_SHOP = 'cheapmeds-online.example';
export const PHARMACY = 'apotheke-markt.example';
const CAUTION_PAGES = [CAUTION_SHOP, PHARMACY] as const;

/** Words that are only in those pages' content: no request may carry them. */
export const PAGE_SECRETS = CAUTION_PAGES.map((host) => `page-content-secret-${host.split('.')[0]}`);

/** A caution fixture page with its host's secret word in its content. */
export function cautionPage(host: (typeof CAUTION_PAGES)[number]): string {
  const name = host === CAUTION_SHOP ? 'rogue-shop.html' : 'legit-pharmacy.html';
  return readFileSync(new URL(`../fixtures/caution/${name}`, import.meta.url), 'utf8').replace('</main>', `<p>${PAGE_SECRETS[CAUTION_PAGES.indexOf(host)]}</p></main>`);
}

/** The images a caution page loads from its own site (a page's own requests, not the extension's). */
export function pageAssets(host: string): Set<string> {
  if (host !== CAUTION_SHOP && host !== PHARMACY) return new Set();
  return new Set([...cautionPage(host).matchAll(/\ssrc="(\/[^"]*)"/g)].map((m) => m[1]!));
}

export function hostOf(request: ProxiedRequest): string {
  if (request.method === 'CONNECT' || request.method.startsWith('UPGRADE')) return request.url.replace(/:\d+$/, '').toLowerCase();
  try {
    return new URL(request.url).hostname.toLowerCase();
  } catch {
    return request.url;
  }
}

/** Every address the person went to (typed, or chose with "Proceed anyway"), and the words to look for. */
export class VisitLog {
  readonly visited: string[] = [];

  /** Every visited host, address and marker (of the visits to `onlyHost`, if given), and the pages' secrets. */
  secrets(onlyHost?: string): string[] {
    const words = new Set<string>();
    for (const url of this.visited.filter((u) => onlyHost === undefined || new URL(u).hostname === onlyHost)) {
      const parsed = new URL(url);
      words.add(parsed.hostname);
      words.add(url);
      words.add(`${parsed.pathname}${parsed.search}`);
      const marker = /secret-[a-z0-9]+/.exec(parsed.search)?.[0];
      if (marker) words.add(marker);
    }
    // Words of the pages' own content, which the caution verdict reads on the device: never anywhere.
    if (onlyHost === undefined) for (const word of PAGE_SECRETS) words.add(word);
    return [...words];
  }

  /** The secrets found in `text`, except those of visits to `sameHost` (a site may see its own addresses). */
  leaks(text: string, sameHost?: string): string[] {
    const haystack = text.toLowerCase();
    const own = new Set(sameHost === undefined ? [] : this.secrets(sameHost));
    return this.secrets()
      .filter((word) => !own.has(word))
      .filter((word) => haystack.includes(word.toLowerCase()) || haystack.includes(encodeURIComponent(word).toLowerCase()));
  }

  visitedHost(host: string): boolean {
    return this.visited.some((url) => new URL(url).hostname === host);
  }

  /** A request that is a visit itself, or what the visited page loads from its own site. */
  isVisit(request: ProxiedRequest): boolean {
    if (request.method !== 'GET') return false;
    const expected = new Set(this.visited.map((url) => url.replace(/#.*$/, '')));
    const host = hostOf(request);
    const path = new URL(request.url).pathname;
    return expected.has(request.url) || ((path === '/favicon.ico' || pageAssets(host).has(path)) && this.visitedHost(host));
  }

  /** Requests to visited sites that carry another visit's words (referrers, headers, bodies). */
  crossSiteLeaks(requests: readonly ProxiedRequest[]): string[] {
    const found: string[] = [];
    for (const request of requests.filter((r) => r.method !== 'CONNECT' && this.visitedHost(hostOf(r)))) {
      // A site's own addresses may come back to it (the browser's Referer for its favicon, say).
      const others = this.leaks(`${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`, hostOf(request));
      if (others.length > 0) found.push(`${request.url}: ${others.join(', ')}`);
    }
    return found;
  }
}

/** Whether `url` is on one of the origins the extension may contact (its subscribed lists, its hub). */
export function onOrigins(url: string, allowed: readonly string[]): boolean {
  try {
    return allowed.some((a) => new URL(url).origin === new URL(a).origin);
  } catch {
    return false;
  }
}

/** Requests the site server received that the proxy never saw (one by one: a repeat needs its own): they went around it. */
export function unproxied(server: SiteServer, proxied: readonly ProxiedRequest[]): string[] {
  const seen = new Map<string, number>();
  for (const request of proxied.filter((r) => r.method !== 'CONNECT' && !r.method.startsWith('UPGRADE'))) {
    let key: string;
    try {
      const url = new URL(request.url);
      key = `${request.method} ${url.hostname}${url.pathname}${url.search}`;
    } catch {
      continue;
    }
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const missed: string[] = [];
  for (const { method, host, path } of server.requests()) {
    const key = `${method} ${host}${path}`;
    const left = seen.get(key) ?? 0;
    if (left === 0) missed.push(key);
    else seen.set(key, left - 1);
  }
  return missed;
}

/** Publishes an authority's one-entry list, signed, on the list server: its latest.json and the key to subscribe with. */
export async function publishAuthorityList(lists: ListServer, id: string): Promise<{ url: string; publicKey: string }> {
  const key = await generateKey();
  const { issued, expires, added } = validAroundNow();
  const list = listSchema.parse({
    format: 1,
    id,
    name: 'Authority list',
    publisher: { name: 'Authority', type: 'authority' },
    kind: 'block',
    version: 1,
    issued,
    expires,
    entries: [{ domain: 'authority-listed.example', category: 'illegal-pharmacy', added, evidence: { source: 'Authority' } }],
  });
  lists.publish(await publishFiles({ list, key }));
  return { url: lists.url(`${list.id}/latest.json`), publicKey: key.publicKey };
}
