export { allowForSession, applyRuleChanges, syncListRules, warningPageUrl } from './dnr';
export { originalUrlFromWarning, warningPageFor } from './warning-url';
export { buildRules, planRuleChanges, PROCEED_PRIORITY, PROCEED_RULE_BASE, proceedRule, warningRedirect } from './rules';
export type { BlockingRule, InstalledRule, RuleChunk, RuleSource } from './rules';
export { ALL_TYPES, chunkRuleIds, NAVIGATION_TYPES, SUBRESOURCE_RULE_OFFSET, SUBRESOURCE_TYPES, subresourceRuleId } from './resource-types';
