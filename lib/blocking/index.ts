export { allowForSession, dynamicRules, sessionRules, updateDynamicRules, updateSessionRules, warningPageUrl } from './dnr';
export { originalUrlFromWarning, warningPageFor } from './warning-url';
export {
  buildRules,
  isOverlayRuleId,
  overlayRules,
  planRuleChanges,
  PROCEED_PRIORITY,
  PROCEED_RULE_BASE,
  proceedRule,
  REGEX_RULE_LIMIT,
  regexRuleCount,
  warningRedirect,
} from './rules';
export type { BlockingRule, InstalledRule, OverlayAction, OverlayBand, RuleChunk, RuleSource } from './rules';
export { affectedDomains, overlayActions } from './overlay';
export type { OverlaySource } from './overlay';
export { ALL_TYPES, chunkRuleIds, NAVIGATION_TYPES, SUBRESOURCE_RULE_OFFSET, SUBRESOURCE_TYPES, subresourceRuleId } from './resource-types';
