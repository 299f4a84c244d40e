/**
 * The lists the overlay tests publish, the same in Chromium and Firefox: an authority's blocklist
 * and a community blocklist that overlap, so that a removal from the authority's list must not
 * un-block what the community list still blocks (a domain, or a subdomain of the removed one).
 */
import { listSchema, publishFiles, type List } from '../../../lib/lists';
import type { SecretKeyFile } from '../../../lib/signing';
import { validAroundNow } from './dates';

export const AUTHORITY = 'ov-authority';
export const COMMUNITY = 'ov-community';
export const ONLY_AUTHORITY = 'only-authority.example';
export const BOTH = 'both-lists.example';
export const PARENT = 'parent-rogue.example';
export const SUB_OF_PARENT = `shop.${PARENT}`;
export const ADDED = 'added-rogue.example';
/** Community domains, many enough that removing most of them compacts the list. */
export const communityBulk = (n: number) => Array.from({ length: n }, (_, i) => `c${i}.bulk.example`);

export function version(id: string, n: number, domains: readonly string[]): List {
  const dates = validAroundNow();
  return listSchema.parse({
    format: 1,
    id,
    name: `${id} list`,
    publisher: { name: `${id} publisher`, type: id === AUTHORITY ? 'authority' : 'community' },
    kind: 'block',
    version: n,
    issued: dates.issued,
    expires: dates.expires,
    entries: domains.map((domain) => ({ domain, category: 'illegal-pharmacy', added: dates.added, evidence: { source: `${id} publisher` } })),
  });
}

/** Publishes versions of several lists to one server, each with the deltas from its earlier versions. */
export function publisher(server: { publish(files: ReadonlyMap<string, Uint8Array>): void }, key: SecretKeyFile) {
  const history: List[] = [];
  return async (list: List) => {
    server.publish(await publishFiles({ list, history: history.filter((l) => l.id === list.id), key }));
    history.push(list);
  };
}

export const OVERLAY_RULE_MIN = 900_000_000;
export const SESSION_OVERLAY_MIN = 950_000_000;
