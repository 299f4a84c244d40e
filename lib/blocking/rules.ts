/**
 * From stored lists to declarativeNetRequest rules: the browser itself redirects a listed site's
 * top-level navigation to the warning page, so no byte is fetched from the site and no extension
 * code runs on the hot path.
 *
 * Few rules, each with a large `requestDomains` array (which matches subdomains too). Priorities
 * encode the verdict precedence of lib/verdict: a person's "Proceed anyway" (session rule) beats
 * an authority's blocklist, which beats a register's allowlist, which beats a community blocklist.
 */
import { listRank, type ListMeta } from '../lists';

/** The subset of chrome.declarativeNetRequest.Rule that Pharmacheck creates. */
export interface BlockingRule {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'allow' };
  condition: {
    requestDomains: string[];
    resourceTypes: ['main_frame'];
    regexFilter?: string;
  };
}

export const PROCEED_PRIORITY = 10;
/** Chromium installs one rule of 100,000 domains in ~0.4 s; more rules of this size stay well
 * inside the 5,000 "unsafe" (redirect) rule limit for any realistic list. */
export const DOMAINS_PER_RULE = 100_000;
/** Dynamic rule ids 1..PROCEED_RULE_BASE-1 are list rules; session "proceed" rules start here. */
export const PROCEED_RULE_BASE = 1_000_000;

export interface RuleSource {
  readonly meta: Pick<ListMeta, 'kind' | 'publisher'>;
  readonly domains: readonly string[];
}

/** The warning page receives the original URL raw after `?url=` (it reads it back by slicing). */
export function warningRedirect(warningPageUrl: string): { regexSubstitution: string } {
  return { regexSubstitution: `${warningPageUrl}?url=\\0` };
}

/** Deterministic: the same lists always give the same rules (so a restart changes nothing). */
export function buildRules(sources: readonly RuleSource[], warningPageUrl: string): BlockingRule[] {
  const rules: BlockingRule[] = [];
  for (const { meta, domains } of sources) {
    const priority = listRank(meta);
    for (let start = 0; start < domains.length; start += DOMAINS_PER_RULE) {
      const requestDomains = domains.slice(start, start + DOMAINS_PER_RULE);
      const id = rules.length + 1;
      rules.push(
        meta.kind === 'allow'
          ? { id, priority, action: { type: 'allow' }, condition: { requestDomains, resourceTypes: ['main_frame'] } }
          : {
              id,
              priority,
              action: { type: 'redirect', redirect: warningRedirect(warningPageUrl) },
              condition: { regexFilter: '^https?://.*$', requestDomains, resourceTypes: ['main_frame'] },
            },
      );
    }
  }
  return rules;
}

/** The session rule that lets one host through after a person chose "Proceed anyway". */
export function proceedRule(id: number, host: string): BlockingRule {
  return { id, priority: PROCEED_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: [host], resourceTypes: ['main_frame'] } };
}

/** True when the installed rules already are the wanted ones (order and key order ignored). */
export function sameRules(installed: readonly unknown[], wanted: readonly BlockingRule[]): boolean {
  if (installed.length !== wanted.length) return false;
  const canonical = (rule: unknown) => JSON.stringify(sortKeys(rule));
  const have = new Set(installed.map(canonical));
  return wanted.every((rule) => have.has(canonical(rule)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

