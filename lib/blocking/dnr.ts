/** Installs the blocking rules in the browser (see rules.ts for what the rules are). */
import { browser } from 'wxt/browser';
import { buildRules, planRuleChanges, PROCEED_RULE_BASE, proceedRule, type BlockingRule, type RuleSource } from './rules';

type DnrRule = NonNullable<Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0]['addRules']>[number];

export function warningPageUrl(): string {
  return browser.runtime.getURL('/warning.html');
}

/**
 * Makes the dynamic rules exactly those the stored lists call for, in one atomic update, touching
 * only the rules that changed; nothing at all when they already are (the usual case on a restart).
 * Never resets to a default.
 */
export async function syncListRules(sources: readonly RuleSource[]): Promise<{ added: number; removed: number; rules: number }> {
  const wanted = buildRules(sources, warningPageUrl());
  const installed = await browser.declarativeNetRequest.getDynamicRules();
  const { removeRuleIds, addRules } = planRuleChanges(installed, wanted);
  if (removeRuleIds.length > 0 || addRules.length > 0) {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds, addRules: addRules as unknown as DnrRule[] });
  }
  return { added: addRules.length, removed: removeRuleIds.length, rules: wanted.length };
}

/** Removes and adds rules in one atomic update (rule ids own immutable content, see rules.ts). */
export async function applyRuleChanges(removeRuleIds: readonly number[], addRules: readonly BlockingRule[]): Promise<void> {
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [...removeRuleIds], addRules: addRules as unknown as DnrRule[] });
}

/** Lets one host through until the browser closes (session rules do not survive a restart). */
export async function allowForSession(host: string): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  if (existing.some((rule) => rule.condition.requestDomains?.length === 1 && rule.condition.requestDomains[0] === host)) return;
  const id = Math.max(PROCEED_RULE_BASE - 1, ...existing.map((rule) => rule.id)) + 1;
  await browser.declarativeNetRequest.updateSessionRules({ addRules: [proceedRule(id, host) as unknown as DnrRule] });
}
