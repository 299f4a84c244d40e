/**
 * From stored lists to declarativeNetRequest rules: the browser itself redirects a listed site's
 * top-level navigation to the warning page, so no byte is fetched from the site and no extension
 * code runs on the hot path.
 *
 * Few rules, each with a large `requestDomains` array (which matches subdomains too). Priorities
 * encode the verdict precedence of lib/verdict: a person's "Proceed anyway" (session rule) beats
 * an authority's blocklist, which beats a register's allowlist, which beats a community blocklist.
 * The priority is the list's effective rank (lib/lists/standing.ts: who vouches for it, not what it
 * declares); a list of rank 0 (an allowlist nobody vouches for) has no rule at all.
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

export const PROCEED_PRIORITY = 10;
/** Session "proceed" rules take ids from here on (list rules use the ids their chunks own). */
export const PROCEED_RULE_BASE = 1_000_000_000;

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
 * One rule per stored chunk of an allowlist, two per chunk of a blocklist (the redirect of
 * navigations and the block of subresources: lib/blocking/resource-types.ts), each of at most
 * 10,000 domains (one installs in ~40 ms), so a delta changes only the rules of the chunks it touched. Every redirect rule carries a `regexFilter` (so that the
 * warning page receives the original URL), and Chromium allows 1,000 rules with a regexFilter
 * across dynamic and session rules together: at most 1,000 chunks, 10 million blocked domains. The
 * block rules have no regexFilter and count only against the 30,000 dynamic rules.
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

/**
 * What to change to go from the installed rules to the wanted ones. A rule id names immutable
 * content, so a rule that is installed under its id with the same shape is kept as it is; the
 * shape check (priority, action, number of domains) catches rules left by an older build.
 */
export function planRuleChanges(installed: readonly InstalledRule[], wanted: readonly BlockingRule[]): { removeRuleIds: number[]; addRules: BlockingRule[] } {
  const shape = (r: InstalledRule | BlockingRule) => `${r.priority}/${r.action.type}/${r.condition.requestDomains?.length ?? 0}/${r.condition.resourceTypes?.join(',') ?? ''}`;
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
