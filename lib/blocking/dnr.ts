/** Installs the blocking rules in the browser (see rules.ts for what the rules are). */
import { browser } from 'wxt/browser';
import { buildRules, PROCEED_RULE_BASE, proceedRule, sameRules, type RuleSource } from './rules';

type DnrRule = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0]['addRules'] extends
  | (infer R)[]
  | undefined
  ? R
  : never;

export function warningPageUrl(): string {
  return browser.runtime.getURL('/warning.html');
}

/**
 * Makes the dynamic rules exactly those the stored lists call for, in one atomic update, and does
 * nothing when they already are (the usual case on a restart). Never resets to a default.
 */
export async function syncListRules(sources: readonly RuleSource[]): Promise<{ changed: boolean; rules: number }> {
  const wanted = buildRules(sources, warningPageUrl());
  const installed = await browser.declarativeNetRequest.getDynamicRules();
  if (sameRules(installed, wanted)) return { changed: false, rules: wanted.length };
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: installed.map((rule) => rule.id),
    addRules: wanted as unknown as DnrRule[],
  });
  return { changed: true, rules: wanted.length };
}

/** Lets one host through until the browser closes (session rules do not survive a restart). */
export async function allowForSession(host: string): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  if (existing.some((rule) => rule.condition.requestDomains?.length === 1 && rule.condition.requestDomains[0] === host)) return;
  const id = Math.max(PROCEED_RULE_BASE - 1, ...existing.map((rule) => rule.id)) + 1;
  await browser.declarativeNetRequest.updateSessionRules({ addRules: [proceedRule(id, host) as unknown as DnrRule] });
}
