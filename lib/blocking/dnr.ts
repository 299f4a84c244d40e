/** The browser's declarativeNetRequest, as the rest of the code uses it (see rules.ts for the rules). */
import { browser } from 'wxt/browser';
import { PROCEED_RULE_BASE, proceedRule, type BlockingRule, type InstalledRule } from './rules';

type DnrRule = NonNullable<Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0]['addRules']>[number];

export function warningPageUrl(): string {
  return browser.runtime.getURL('/warning.html');
}

/** Removes and adds dynamic rules in one atomic update (kept across restarts; Chromium re-indexes them all). */
export async function updateDynamicRules(removeRuleIds: readonly number[], addRules: readonly BlockingRule[]): Promise<void> {
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [...removeRuleIds], addRules: addRules as unknown as DnrRule[] });
}

/** The same for session rules: in memory only, in force at once, gone when the browser closes. */
export async function updateSessionRules(removeRuleIds: readonly number[], addRules: readonly BlockingRule[]): Promise<void> {
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [...removeRuleIds], addRules: addRules as unknown as DnrRule[] });
}

/** Every dynamic rule with its domains (costly in Chromium: it re-reads its rules file). */
export async function dynamicRules(): Promise<InstalledRule[]> {
  return browser.declarativeNetRequest.getDynamicRules();
}

export async function sessionRules(): Promise<InstalledRule[]> {
  return browser.declarativeNetRequest.getSessionRules();
}

/** Lets one host through until the browser closes (session rules do not survive a restart). */
export async function allowForSession(host: string): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  if (existing.some((rule) => rule.id >= PROCEED_RULE_BASE && rule.condition.requestDomains?.length === 1 && rule.condition.requestDomains[0] === host)) return;
  const id = Math.max(PROCEED_RULE_BASE - 1, ...existing.map((rule) => rule.id)) + 1;
  await browser.declarativeNetRequest.updateSessionRules({ addRules: [proceedRule(id, host) as unknown as DnrRule] });
}
