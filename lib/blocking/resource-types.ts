/**
 * Which requests to a listed host the rules stop, and how (docs/architecture.md, "What is blocked").
 *
 * Navigations (a tab, a frame, a form posted to the site, `window.open`) go to the warning page:
 * the same redirect rule covers `main_frame` and `sub_frame`, so frames cost no rule and no regex
 * budget; inside a frame the warning page shows only a short explanation. Every other request to a
 * listed host from any page (scripts, styles, images, fonts, media, XHR and fetch, WebSockets,
 * beacons, plug-ins, a service worker's own fetches) is blocked outright by a second, non-regex
 * rule per chunk: a shop's checkout widget embedded in a doorway page would otherwise sell without
 * a navigation, and every such request tells the shop who visited.
 */

export const NAVIGATION_TYPES = ['main_frame', 'sub_frame'] as const;
export const SUBRESOURCE_TYPES = [
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'object',
  'xmlhttprequest',
  'websocket',
  'ping',
  'csp_report',
  'other',
] as const;
/** What an allow rule (an allowlist, "Proceed anyway") must cover: everything a block covers. */
export const ALL_TYPES = [...NAVIGATION_TYPES, ...SUBRESOURCE_TYPES] as const;

export type NavigationType = (typeof NAVIGATION_TYPES)[number];
export type ResourceType = (typeof ALL_TYPES)[number];

/**
 * A chunk owns rule id `ruleId` (the redirect) and `ruleId + SUBRESOURCE_RULE_OFFSET` (the block
 * of subresources). Chunk ids count up from 1 and are never reused; the block ids stay below the
 * overlay's rules (lib/blocking/rules.ts, from 900 million) while chunk ids stay below 400 million
 * (a full list of 10 million domains takes 1,000), and below PROCEED_RULE_BASE (10^9).
 */
export const SUBRESOURCE_RULE_OFFSET = 500_000_000;

export function subresourceRuleId(ruleId: number): number {
  return ruleId + SUBRESOURCE_RULE_OFFSET;
}

/** The rule ids a chunk owns: what to remove when the chunk goes (an allowlist's chunk has one rule). */
export function chunkRuleIds(ruleId: number, kind: 'allow' | 'block'): number[] {
  return kind === 'allow' ? [ruleId] : [ruleId, subresourceRuleId(ruleId)];
}
