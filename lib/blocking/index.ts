export { allowForSession, syncListRules, warningPageUrl } from './dnr';
export { originalUrlFromWarning, warningPageFor } from './warning-url';
export { buildRules, DOMAINS_PER_RULE, PROCEED_PRIORITY, proceedRule, sameRules, warningRedirect } from './rules';
export type { BlockingRule, RuleSource } from './rules';
