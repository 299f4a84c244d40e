/**
 * An in-memory declarativeNetRequest for unit tests, installed on WXT's fakeBrowser (which has
 * none): dynamic and session rules, updated atomically (removals first, then additions; a bad
 * update changes nothing), the shared budget of 1,000 regex rules, and rule matching as Chromium
 * and Firefox document it: `resourceTypes` names the request types a rule matches (without it,
 * every type but main_frame), `requestDomains` matches the host and its subdomains, the highest
 * priority wins, and at equal priority allow beats block beats redirect.
 * The real browsers are tested end to end (tests/e2e/overlay.test.ts).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface Rule {
  id: number;
  priority?: number;
  action: { type: string };
  condition: { requestDomains?: string[]; regexFilter?: string; resourceTypes?: string[] };
}

export interface FakeDnr {
  readonly dynamic: Map<number, Rule>;
  readonly session: Map<number, Rule>;
  readonly calls: { dynamic: number; session: number };
  /** What the browser would do with a request of that type (by default a top-level navigation) to the URL. */
  outcome(url: string, type?: string): 'redirect' | 'block' | 'allow' | 'none';
  /** The browser's restart: session rules are gone. */
  restart(): void;
}

const ORDER: Record<string, number> = { allow: 0, allowAllRequests: 1, block: 2, upgradeScheme: 3, redirect: 4 };

function update(rules: Map<number, Rule>, other: Map<number, Rule>, change: { removeRuleIds?: number[]; addRules?: Rule[] }): void {
  const next = new Map(rules);
  for (const id of change.removeRuleIds ?? []) next.delete(id);
  for (const rule of change.addRules ?? []) {
    if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
    if (!Number.isInteger(rule.id) || rule.id < 1) throw new Error(`Rule with id ${rule.id}: invalid id`);
    const domains = rule.condition.requestDomains;
    if (domains !== undefined && (domains.length === 0 || domains.some((d) => d === '' || d !== d.toLowerCase()))) throw new Error(`Rule with id ${rule.id}: invalid requestDomains`);
    if (rule.action.type === 'redirect' && !rule.condition.regexFilter) throw new Error(`Rule with id ${rule.id}: a regexSubstitution needs a regexFilter`);
    next.set(rule.id, structuredClone(rule));
  }
  const regex = [...next.values(), ...other.values()].filter((r) => r.condition.regexFilter !== undefined).length;
  if (regex > 1000) throw new Error('Dynamic and session rules exceed the regex rule count limit.');
  rules.clear();
  for (const [id, rule] of next) rules.set(id, rule);
}

export function installFakeDnr(): FakeDnr {
  const dynamic = new Map<number, Rule>();
  const session = new Map<number, Rule>();
  const calls = { dynamic: 0, session: 0 };
  const dnr = fakeBrowser.declarativeNetRequest as unknown as Record<string, unknown>;
  dnr.updateDynamicRules = async (change: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    calls.dynamic++;
    update(dynamic, session, change);
  };
  dnr.updateSessionRules = async (change: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    calls.session++;
    update(session, dynamic, change);
  };
  dnr.getDynamicRules = async () => structuredClone([...dynamic.values()]);
  dnr.getSessionRules = async () => structuredClone([...session.values()]);
  return {
    dynamic,
    session,
    calls,
    restart: () => session.clear(),
    outcome(url, type = 'main_frame') {
      const host = new URL(url).hostname;
      let best: Rule | null = null;
      for (const rule of [...session.values(), ...dynamic.values()]) {
        const { requestDomains, regexFilter, resourceTypes } = rule.condition;
        if (resourceTypes ? !resourceTypes.includes(type) : type === 'main_frame') continue;
        if (requestDomains && !requestDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
        if (regexFilter && !new RegExp(regexFilter).test(url)) continue;
        const p = rule.priority ?? 1;
        const bp = best?.priority ?? 1;
        if (!best || p > bp || (p === bp && ORDER[rule.action.type]! < ORDER[best.action.type]!)) best = rule;
      }
      if (!best) return 'none';
      return best.action.type === 'allow' ? 'allow' : best.action.type === 'block' ? 'block' : 'redirect';
    },
  };
}
