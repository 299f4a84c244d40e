/**
 * From stored lists to declarativeNetRequest rules: the browser itself redirects a listed site's
 * navigations (in a tab or a frame) to the warning page and blocks its other requests
 * (lib/blocking/resource-types.ts), so no byte is fetched from the site and no extension code runs
 * on the hot path.
 *
 * Few rules, each with a large `requestDomains` array (which matches subdomains too), in three
 * layers, highest priority first:
 * - a person's "Proceed anyway" (session rules, priority 100);
 * - the overlay (priorities 42-99): one rule per (number of labels, block or allow) for the domains
 *   the deltas since each list's base changed, each stating that domain's verdict as lib/verdict
 *   gives it (a block is two rules, as in a base: the redirect and the block of subresources); a
 *   more specific name gets a higher priority, so among the overlay rules that match a host the one
 *   for its most specific affected name wins. Session overlay rules (72-99) sit above the dynamic
 *   ones (42-69), so a fresh overlay overrides an older folded one;
 * - each list's base, one rule per stored chunk (two for a blocklist), whose priorities encode the
 *   verdict precedence: an authority's blocklist (3) beats a register's allowlist (2), which beats
 *   a community blocklist (1). The priority is the list's effective rank (lib/lists/standing.ts:
 *   who vouches for it, not what it declares); a list of rank 0 (an allowlist nobody vouches for, a
 *   revoked key) has no rule at all.
 * Why the overlay states verdicts rather than each list's changes at its own rank: a removal
 * written as an allow rule at the list's rank would also un-block what another, lower-ranked list
 * still blocks, and subdomains the list still lists; a verdict per affected name (with every listed
 * subdomain of it among the affected names, lib/blocking/overlay.ts) is right by construction.
 */
import { effectiveRank, type ListMeta, type Vouch } from '../lists';
import { ALL_TYPES, NAVIGATION_TYPES, SUBRESOURCE_TYPES, subresourceRuleId, type ResourceType } from './resource-types';

/** The subset of chrome.declarativeNetRequest.Rule that Pharmacheck creates. */
export interface BlockingRule {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'allow' }
    | { type: 'block' };
  condition: {
    requestDomains: string[];
    /** Which requests: lib/blocking/resource-types.ts. */
    resourceTypes: ResourceType[];
    regexFilter?: string;
  };
}

export const PROCEED_PRIORITY = 100;
/** Session "proceed" rules take ids from here on (list rules use the ids their chunks own). */
export const PROCEED_RULE_BASE = 1_000_000_000;

/**
 * Where the overlay's rules live: session rules (in force at once) or dynamic ones (kept across
 * restarts). Their ids sit above every list rule's (a chunk's, and its block of subresources at
 * chunk id + 500 million: lib/blocking/resource-types.ts) and below PROCEED_RULE_BASE.
 */
export type OverlayBand = 'session' | 'dynamic';
const OVERLAY = {
  dynamic: { priority: 40, firstId: 900_000_000 },
  session: { priority: 70, firstId: 950_000_000 },
} as const;
/** Names deeper than this share a priority (no list holds such names in practice). */
const MAX_OVERLAY_LABELS = 29;

/** Chromium and Firefox allow 1,000 rules with a regexFilter across dynamic and session rules. */
export const REGEX_RULE_LIMIT = 1000;

/** What the overlay says about a domain (and its subdomains, unless a more specific rule says otherwise). */
export type OverlayAction = 'block' | 'allow';

export interface RuleChunk {
  /** The rule id the chunk owns (lib/lists/db.ts); chunks are immutable, so is their rule. */
  readonly ruleId: number;
  readonly domains: readonly string[];
}

export interface RuleSource {
  readonly meta: Pick<ListMeta, 'kind' | 'publisher'>;
  readonly vouch: Vouch;
  readonly chunks: readonly RuleChunk[];
}

/** The warning page receives the original URL raw after `?url=` (it reads it back by slicing). */
export function warningRedirect(warningPageUrl: string): { regexSubstitution: string } {
  return { regexSubstitution: `${warningPageUrl}?url=\\0` };
}

/**
 * One rule per stored chunk of an allowlist's base, two per chunk of a blocklist's (the redirect of
 * navigations and the block of subresources: lib/blocking/resource-types.ts), each of at most
 * 10,000 domains. Every redirect rule carries a `regexFilter` (so that the warning page receives
 * the original URL), and Chromium allows 1,000 rules with a regexFilter across dynamic and session
 * rules together: at most 1,000 chunks less the overlay's few, just under 10 million blocked
 * domains. The block rules have no regexFilter and count only against the 30,000 dynamic rules.
 */
export function buildRules(sources: readonly RuleSource[], warningPageUrl: string): BlockingRule[] {
  const rules: BlockingRule[] = [];
  for (const { meta, vouch, chunks } of sources) {
    const priority = effectiveRank({ meta, vouch });
    if (priority === 0) continue;
    for (const { ruleId: id, domains } of chunks) {
      if (domains.length === 0) continue;
      const requestDomains = [...domains];
      if (meta.kind === 'allow') {
        rules.push({ id, priority, action: { type: 'allow' }, condition: { requestDomains, resourceTypes: [...ALL_TYPES] } });
        continue;
      }
      rules.push(
        {
          id,
          priority,
          action: { type: 'redirect', redirect: warningRedirect(warningPageUrl) },
          condition: { regexFilter: '^https?://.*$', requestDomains, resourceTypes: [...NAVIGATION_TYPES] },
        },
        { id: subresourceRuleId(id), priority, action: { type: 'block' }, condition: { requestDomains, resourceTypes: [...SUBRESOURCE_TYPES] } },
      );
    }
  }
  return rules;
}

function labelsOf(domain: string): number {
  let labels = 1;
  for (let i = 0; i < domain.length; i++) if (domain.charCodeAt(i) === 0x2e) labels++;
  return Math.min(labels, MAX_OVERLAY_LABELS);
}

/**
 * The overlay's rules in a band: one per (labels, action), split at CHUNK_SIZE domains; a block is
 * two rules, as in a blocklist's base (the redirect of navigations and the block of subresources,
 * lib/blocking/resource-types.ts), and an allow covers every type a block covers.
 */
export function overlayRules(actions: ReadonlyMap<string, OverlayAction>, band: OverlayBand, warningPageUrl: string, chunkSize = 10_000): BlockingRule[] {
  const groups = new Map<string, string[]>();
  for (const [domain, action] of actions) {
    const key = `${String(labelsOf(domain)).padStart(2, '0')}/${action}`;
    const group = groups.get(key);
    if (group) group.push(domain);
    else groups.set(key, [domain]);
  }
  const rules: BlockingRule[] = [];
  let id = OVERLAY[band].firstId;
  for (const key of [...groups.keys()].sort()) {
    const [labels, action] = key.split('/') as [string, OverlayAction];
    const domains = groups.get(key)!.sort();
    const priority = OVERLAY[band].priority + Number(labels);
    for (let at = 0; at < domains.length; at += chunkSize) {
      const requestDomains = domains.slice(at, at + chunkSize);
      if (action === 'allow') {
        rules.push({ id: id++, priority, action: { type: 'allow' }, condition: { requestDomains, resourceTypes: [...ALL_TYPES] } });
        continue;
      }
      rules.push(
        { id: id++, priority, action: { type: 'redirect', redirect: warningRedirect(warningPageUrl) }, condition: { regexFilter: '^https?://.*$', requestDomains, resourceTypes: [...NAVIGATION_TYPES] } },
        { id: id++, priority, action: { type: 'block' }, condition: { requestDomains: [...requestDomains], resourceTypes: [...SUBRESOURCE_TYPES] } },
      );
    }
  }
  return rules;
}

export function isOverlayRuleId(id: number, band?: OverlayBand): boolean {
  if (band) return id >= OVERLAY[band].firstId && id < OVERLAY[band].firstId + 50_000_000;
  return id >= OVERLAY.dynamic.firstId && id < PROCEED_RULE_BASE;
}

/** Rules that count against the browser's regex budget. */
export function regexRuleCount(rules: readonly Pick<BlockingRule, 'condition'>[]): number {
  return rules.reduce((n, r) => n + (r.condition.regexFilter === undefined ? 0 : 1), 0);
}

/**
 * What to change to go from the installed rules to the wanted ones. A list rule's id names
 * immutable content, so a rule that is installed under its id with the same shape is kept as it is;
 * the shape check (priority, action, number of domains, resource types) catches rules left by an
 * older build (one before frames and subresources were blocked, say). Overlay rules reuse their ids for new content, so theirs are compared domain by domain.
 */
export function planRuleChanges(installed: readonly InstalledRule[], wanted: readonly BlockingRule[]): { removeRuleIds: number[]; addRules: BlockingRule[] } {
  const shape = (r: InstalledRule | BlockingRule) =>
    `${r.priority}/${r.action.type}/${isOverlayRuleId(r.id) ? (r.condition.requestDomains ?? []).join(',') : (r.condition.requestDomains?.length ?? 0)}/${[...(r.condition.resourceTypes ?? [])].sort().join(',')}`;
  const wantedById = new Map(wanted.map((r) => [r.id, r]));
  const keep = new Set<number>();
  for (const rule of installed) {
    const want = wantedById.get(rule.id);
    if (want && shape(want) === shape(rule)) keep.add(rule.id);
  }
  return {
    removeRuleIds: installed.filter((r) => !keep.has(r.id)).map((r) => r.id),
    addRules: wanted.filter((r) => !keep.has(r.id)),
  };
}

export interface InstalledRule {
  readonly id: number;
  readonly priority?: number;
  readonly action: { readonly type: string };
  readonly condition: { readonly requestDomains?: readonly string[]; readonly resourceTypes?: readonly string[] };
}

/**
 * The session rule that lets one host through after a person chose "Proceed anyway": the site
 * works as it would without Pharmacheck (its own frames, scripts and images) until the browser closes.
 */
export function proceedRule(id: number, host: string): BlockingRule {
  return { id, priority: PROCEED_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: [host], resourceTypes: [...ALL_TYPES] } };
}
