import { describe, expect, it } from 'vitest';
import {
  ALL_TYPES,
  buildRules,
  isOverlayRuleId,
  NAVIGATION_TYPES,
  overlayRules,
  planRuleChanges,
  regexRuleCount,
  PROCEED_PRIORITY,
  PROCEED_RULE_BASE,
  proceedRule,
  SUBRESOURCE_RULE_OFFSET,
  SUBRESOURCE_TYPES,
  subresourceRuleId,
  warningRedirect,
  type BlockingRule,
  type InstalledRule,
  type OverlayAction,
  type RuleSource,
} from '../../../lib/blocking';
import { CHUNK_SIZE, type ListMeta, type Vouch } from '../../../lib/lists';
import { manyDomains } from '../lists/fixtures';

const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html';
const meta = (kind: ListMeta['kind'], type: ListMeta['publisher']['type']): RuleSource['meta'] => ({
  kind,
  publisher: { name: `${type} ${kind}`, type },
});

/** Lists the extension ships rank as they declare (lib/lists/standing.ts). */
const BUNDLED: Vouch = { by: 'bundled' };
/** A list of one chunk that owns rule `ruleId`. */
const source = (m: RuleSource['meta'], ruleId: number, domains: string[], vouch: Vouch = BUNDLED): RuleSource => ({ meta: m, vouch, chunks: [{ ruleId, domains }] });
const community = source(meta('block', 'community'), 11, ['rogue.example', 'pills.example']);
const register = source(meta('allow', 'register'), 21, ['pharmacy.example']);
const authority = source(meta('block', 'authority'), 31, ['fake.example']);

describe('buildRules', () => {
  it('makes, for a blocklist chunk, a redirect of navigations under its rule id and a block of everything else under the offset id', () => {
    expect(buildRules([community], PAGE)).toEqual([
      {
        id: 11,
        priority: 1,
        action: { type: 'redirect', redirect: { regexSubstitution: `${PAGE}?url=\\0` } },
        condition: { regexFilter: '^https?://.*$', requestDomains: ['rogue.example', 'pills.example'], resourceTypes: ['main_frame', 'sub_frame'] },
      },
      {
        id: SUBRESOURCE_RULE_OFFSET + 11,
        priority: 1,
        action: { type: 'block' },
        condition: { requestDomains: ['rogue.example', 'pills.example'], resourceTypes: [...SUBRESOURCE_TYPES] },
      },
    ]);
  });

  it('makes an allow rule, without a regex filter, for an allowlist', () => {
    expect(buildRules([register], PAGE)).toEqual([
      { id: 21, priority: 2, action: { type: 'allow' }, condition: { requestDomains: ['pharmacy.example'], resourceTypes: [...ALL_TYPES] } },
    ]);
  });

  it('uses the list rank as priority: authority block 3, allow 2, community block 1', () => {
    const rules = buildRules([community, register, authority], PAGE);
    expect(rules.map((r) => [r.id, r.priority, r.action.type])).toEqual([
      [11, 1, 'redirect'],
      [subresourceRuleId(11), 1, 'block'],
      [21, 2, 'allow'],
      [31, 3, 'redirect'],
      [subresourceRuleId(31), 3, 'block'],
    ]);
    expect(PROCEED_PRIORITY).toBeGreaterThan(Math.max(...rules.map((r) => r.priority)));
  });

  it.each<[ListMeta['kind'], ListMeta['publisher']['type'], number]>([
    ['block', 'authority', 3],
    ['block', 'register', 1],
    ['block', 'community', 1],
    ['allow', 'authority', 2],
    ['allow', 'register', 2],
  ])('gives a %s list of a %s that the extension ships priority %i', (kind, type, priority) => {
    const [rule] = buildRules([source(meta(kind, type), 1, ['a.example'])], PAGE);
    expect(rule?.priority).toBe(priority);
    expect(rule?.action.type).toBe(kind === 'allow' ? 'allow' : 'redirect');
  });

  it('ranks a list a person added as community, whatever it declares', () => {
    const person: Vouch = { by: 'person' };
    const [selfDeclared] = buildRules([source(meta('block', 'authority'), 1, ['a.example'], person)], PAGE);
    expect(selfDeclared).toMatchObject({ priority: 1, action: { type: 'redirect' } });
  });

  it('makes no rule for an allowlist nobody vouches for: it un-blocks nothing', () => {
    expect(buildRules([source(meta('allow', 'register'), 1, ['a.example'], { by: 'person' })], PAGE)).toEqual([]);
    expect(buildRules([source(meta('allow', 'community'), 1, ['a.example'])], PAGE)).toEqual([]);
  });

  it('takes the type the directory gives, not the one the list declares', () => {
    const directory = (type: 'authority' | 'register'): Vouch => ({ by: 'directory', publisher: { id: 'p', name: 'P', type } });
    expect(buildRules([source(meta('block', 'community'), 1, ['a.example'], directory('authority'))], PAGE)[0]?.priority).toBe(3);
    expect(buildRules([source(meta('block', 'authority'), 1, ['a.example'], directory('register'))], PAGE)[0]?.priority).toBe(1);
    expect(buildRules([source(meta('allow', 'community'), 1, ['a.example'], directory('register'))], PAGE)[0]?.priority).toBe(2);
  });

  it('makes no rule for a list whose key was revoked', () => {
    const revoked: Vouch = { by: 'revoked', keyId: '0123456789abcdef', reason: 'compromised', since: '2026-01-01T00:00:00Z' };
    expect(buildRules([source(meta('block', 'authority'), 1, ['a.example'], revoked)], PAGE)).toEqual([]);
  });

  it('redirects navigations in a tab or a frame, blocks every other request, and allows all of them for an allowlist', () => {
    const types = (id: number) => buildRules([community, register, authority], PAGE).find((r) => r.id === id)?.condition.resourceTypes;
    expect(types(11)).toEqual(['main_frame', 'sub_frame']);
    expect(types(subresourceRuleId(11))).toEqual(expect.arrayContaining(['script', 'image', 'xmlhttprequest', 'websocket', 'stylesheet', 'ping']));
    expect(types(subresourceRuleId(11))).not.toContain('main_frame');
    expect(types(subresourceRuleId(11))).not.toContain('sub_frame');
    // An allowlist must let through everything a community block stops, or its verdict would hold for navigations only.
    expect(new Set(types(21))).toEqual(new Set([...types(11)!, ...types(subresourceRuleId(11))!]));
  });

  it('puts a regex filter on the redirects only: the block rules cost nothing of the 1,000-regex budget', () => {
    const rules = buildRules([community, register, authority], PAGE);
    expect(rules.filter((r) => r.condition.regexFilter !== undefined).map((r) => r.id)).toEqual([11, 31]);
    expect(rules.filter((r) => r.action.type === 'redirect').every((r) => r.condition.resourceTypes.every((t) => (NAVIGATION_TYPES as readonly string[]).includes(t)))).toBe(true);
  });

  it('keeps the block ids apart from the chunk ids and from the session range', () => {
    expect(subresourceRuleId(1)).toBeGreaterThan(SUBRESOURCE_RULE_OFFSET);
    expect(subresourceRuleId(SUBRESOURCE_RULE_OFFSET - 1)).toBeLessThan(PROCEED_RULE_BASE);
  });

  it('substitutes the whole original URL after ?url=', () => {
    expect(warningRedirect(PAGE)).toEqual({ regexSubstitution: `${PAGE}?url=\\0` });
    // What the browser does with the rule: \0 is the whole match of the regex filter.
    const [rule] = buildRules([community], PAGE);
    if (rule?.action.type !== 'redirect') throw new Error('expected a redirect rule');
    const url = 'https://rogue.example/buy?x=1&y=2#top';
    const match = new RegExp(rule.condition.regexFilter!).exec(url);
    expect(match?.[0]).toBe(url);
    expect(rule.action.redirect.regexSubstitution.replace('\\0', match![0])).toBe(`${PAGE}?url=${url}`);
  });

  it('filters http and https only', () => {
    const [rule] = buildRules([community], PAGE);
    const filter = new RegExp(rule!.condition.regexFilter!);
    expect(filter.test('http://rogue.example/')).toBe(true);
    expect(filter.test('https://rogue.example/')).toBe(true);
    expect(filter.test('ftp://rogue.example/')).toBe(false);
    expect(filter.test('wss://rogue.example/')).toBe(false);
  });

  it('makes one rule per chunk, with the chunk\'s rule id, keeping every domain once and in order', () => {
    const domains = manyDomains(2 * CHUNK_SIZE + 1);
    const chunked: RuleSource = {
      meta: meta('block', 'community'),
      vouch: BUNDLED,
      chunks: [
        { ruleId: 7, domains: domains.slice(0, CHUNK_SIZE) },
        { ruleId: 5, domains: domains.slice(CHUNK_SIZE, 2 * CHUNK_SIZE) },
        { ruleId: 40, domains: domains.slice(2 * CHUNK_SIZE) },
      ],
    };
    const rules = buildRules([authority, chunked, register], PAGE).filter((r) => r.action.type !== 'block');
    expect(rules.map((r) => r.condition.requestDomains.length)).toEqual([1, CHUNK_SIZE, CHUNK_SIZE, 1, 1]);
    expect(rules.slice(1, 4).flatMap((r) => r.condition.requestDomains)).toEqual(domains);
    expect(rules.map((r) => r.id)).toEqual([31, 7, 5, 40, 21]);
    expect(rules.map((r) => r.priority)).toEqual([3, 1, 1, 1, 2]);
    const blocks = buildRules([chunked], PAGE).filter((r) => r.action.type === 'block');
    expect(blocks.map((r) => r.id)).toEqual([7, 5, 40].map(subresourceRuleId));
    expect(blocks.flatMap((r) => r.condition.requestDomains)).toEqual(domains);
  });

  it('does not split a chunk, however many domains it holds', () => {
    expect(buildRules([source(meta('block', 'community'), 1, manyDomains(2 * CHUNK_SIZE))], PAGE)).toHaveLength(2);
  });

  it('makes no rule for an empty chunk, a list without chunks, or no lists', () => {
    const withEmpty: RuleSource = { meta: meta('block', 'authority'), vouch: BUNDLED, chunks: [{ ruleId: 1, domains: [] }, { ruleId: 2, domains: ['a.example'] }, { ruleId: 3, domains: [] }] };
    expect(buildRules([withEmpty], PAGE).map((r) => r.id)).toEqual([2, subresourceRuleId(2)]);
    expect(buildRules([source(meta('block', 'authority'), 1, [])], PAGE)).toEqual([]);
    expect(buildRules([{ meta: meta('allow', 'register'), vouch: BUNDLED, chunks: [] }], PAGE)).toEqual([]);
    expect(buildRules([], PAGE)).toEqual([]);
  });

  it('takes the ids from the chunks, not from the order of the lists', () => {
    expect(buildRules([authority, register, community], PAGE).map((r) => r.id)).toEqual([31, subresourceRuleId(31), 21, 11, subresourceRuleId(11)]);
  });

  it('is deterministic: the same lists give the same rules', () => {
    const sources = [community, register, authority];
    const copies = sources.map((s) => ({ ...s, chunks: s.chunks.map((c) => ({ ...c, domains: [...c.domains] })) }));
    expect(JSON.stringify(buildRules(sources, PAGE))).toBe(JSON.stringify(buildRules(sources, PAGE)));
    expect(buildRules(copies, PAGE)).toEqual(buildRules(sources, PAGE));
  });

  it('does not share its domain arrays with the caller', () => {
    const domains = ['rogue.example'];
    const [rule] = buildRules([source(meta('block', 'community'), 1, domains)], PAGE);
    domains.push('later.example');
    expect(rule?.condition.requestDomains).toEqual(['rogue.example']);
  });
});

describe('proceedRule', () => {
  it('allows one host, and everything a list blocks for it (its frames, scripts, images), above every list', () => {
    expect(proceedRule(1_000_000, 'rogue.example')).toEqual({
      id: 1_000_000,
      priority: PROCEED_PRIORITY,
      action: { type: 'allow' },
      condition: { requestDomains: ['rogue.example'], resourceTypes: [...ALL_TYPES] },
    });
  });
});

/** What the browser gives back: the same rule, a copy with its keys in another order. */
const reordered = (rule: BlockingRule): InstalledRule => structuredClone({
  condition: Object.fromEntries(Object.entries(rule.condition).reverse()),
  action: rule.action,
  priority: rule.priority,
  id: rule.id,
});

describe('planRuleChanges', () => {
  const wanted = buildRules([community, register, authority], PAGE);
  const byId = (id: number) => wanted.find((r) => r.id === id)!;
  const [communityRule, registerRule, authorityRule] = [byId(11), byId(21), byId(31)];
  const [communityBlock, authorityBlock] = [byId(subresourceRuleId(11)), byId(subresourceRuleId(31))];
  const nothing = { removeRuleIds: [], addRules: [] };

  it('has nothing to do when the installed rules are the wanted ones, in any order', () => {
    expect(planRuleChanges(wanted.map(reordered), wanted)).toEqual(nothing);
    expect(planRuleChanges([...wanted].reverse().map(reordered), wanted)).toEqual(nothing);
  });

  it('has nothing to do with no rules on either side', () => {
    expect(planRuleChanges([], [])).toEqual(nothing);
  });

  it('adds every rule when none is installed', () => {
    expect(planRuleChanges([], wanted)).toEqual({ removeRuleIds: [], addRules: wanted });
  });

  it('removes every rule when none is wanted', () => {
    expect(planRuleChanges(wanted.map(reordered), [])).toEqual({ removeRuleIds: [11, subresourceRuleId(11), 21, 31, subresourceRuleId(31)], addRules: [] });
  });

  it('removes the rules whose id is not wanted, such as the rule of a chunk a delta replaced', () => {
    const replaced = { ...communityRule, id: 12 };
    expect(planRuleChanges([...wanted, replaced].map(reordered), wanted)).toEqual({ removeRuleIds: [12], addRules: [] });
  });

  it('adds the missing rules and keeps the others', () => {
    expect(planRuleChanges([reordered(registerRule)], wanted)).toEqual({ removeRuleIds: [], addRules: [communityRule, communityBlock, authorityRule, authorityBlock] });
  });

  it.each<[string, InstalledRule]>([
    ['another priority', { ...communityRule, priority: 3 }],
    ['no priority', { id: 11, action: { type: 'redirect' }, condition: communityRule.condition }],
    ['another action type', { ...registerRule, action: { type: 'block' } }],
    ['a redirect where an allow is wanted', { ...registerRule, action: communityRule.action }],
    ['fewer domains', { ...communityRule, condition: { ...communityRule.condition, requestDomains: ['rogue.example'] } }],
    ['more domains', { ...authorityRule, condition: { ...authorityRule.condition, requestDomains: ['fake.example', 'more.example'] } }],
    ['no requestDomains', { ...authorityRule, condition: {} }],
    ['top-level navigations only', { ...communityRule, condition: { ...communityRule.condition, resourceTypes: ['main_frame'] } }],
    ['an allow of top-level navigations only', { ...registerRule, condition: { ...registerRule.condition, resourceTypes: ['main_frame'] } }],
  ])('replaces an installed rule of the wanted id with %s, left by an older build', (_, stale) => {
    const installed = wanted.map((r) => (r.id === stale.id ? stale : reordered(r)));
    expect(planRuleChanges(installed, wanted)).toEqual({ removeRuleIds: [stale.id], addRules: wanted.filter((r) => r.id === stale.id) });
  });

  it('keeps a rule of the wanted id and shape without comparing its domains: an id names immutable content', () => {
    const sameShape = { ...communityRule, condition: { ...communityRule.condition, requestDomains: ['a.example', 'b.example'] } };
    expect(planRuleChanges([sameShape, communityBlock, registerRule, authorityRule, authorityBlock], wanted)).toEqual(nothing);
  });

  it('keeps, removes, replaces and adds in one plan', () => {
    const installed = [reordered(registerRule), { ...authorityRule, priority: 1 }, reordered(authorityBlock), { ...communityRule, id: 99 }];
    expect(planRuleChanges(installed, wanted)).toEqual({ removeRuleIds: [31, 99], addRules: [communityRule, communityBlock, authorityRule] });
  });

  it('treats ids of the session range like any other', () => {
    const session = proceedRule(PROCEED_RULE_BASE + 1, 'rogue.example');
    expect(planRuleChanges([...wanted, session], wanted)).toEqual({ removeRuleIds: [PROCEED_RULE_BASE + 1], addRules: [] });
    expect(planRuleChanges([session], [session])).toEqual(nothing);
  });
});

describe('overlayRules', () => {
  const actions = new Map<string, OverlayAction>([
    ['rogue.example', 'allow'],
    ['shop.rogue.example', 'block'],
    ['pills.example', 'block'],
    ['a.b.c.example', 'allow'],
  ]);

  it('gives one rule per number of labels and action, a more specific name a higher priority', () => {
    const rules = overlayRules(actions, 'dynamic', PAGE);
    expect(rules.map((r) => [r.priority, r.action.type, r.condition.requestDomains])).toEqual([
      [42, 'allow', ['rogue.example']],
      [42, 'redirect', ['pills.example']],
      [42, 'block', ['pills.example']],
      [43, 'redirect', ['shop.rogue.example']],
      [43, 'block', ['shop.rogue.example']],
      [44, 'allow', ['a.b.c.example']],
    ]);
    expect(rules.filter((r) => r.action.type === 'redirect').every((r) => r.condition.regexFilter === '^https?://.*$')).toBe(true);
    expect(regexRuleCount(rules)).toBe(2);
  });

  it('redirects navigations in a tab or a frame and blocks every other request where it blocks, and allows all of them where it allows', () => {
    const rules = overlayRules(actions, 'session', PAGE);
    const typesOf = (type: string, domain: string) => rules.find((r) => r.action.type === type && r.condition.requestDomains.includes(domain))?.condition.resourceTypes;
    expect(typesOf('redirect', 'pills.example')).toEqual([...NAVIGATION_TYPES]);
    expect(typesOf('block', 'pills.example')).toEqual([...SUBRESOURCE_TYPES]);
    // A removal's allow must let through everything a base block stops, frames and scripts included.
    expect(new Set(typesOf('allow', 'rogue.example'))).toEqual(new Set([...typesOf('redirect', 'pills.example')!, ...typesOf('block', 'pills.example')!]));
    expect(new Set(typesOf('allow', 'rogue.example'))).toEqual(new Set(ALL_TYPES));
    expect(rules.filter((r) => r.action.type === 'block').every((r) => r.condition.regexFilter === undefined)).toBe(true);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('keeps its ids above every chunk\'s block of subresources', () => {
    const lowest = Math.min(...overlayRules(actions, 'dynamic', PAGE).map((r) => r.id));
    expect(subresourceRuleId(400_000_000 - 1)).toBeLessThan(lowest);
    expect(isOverlayRuleId(subresourceRuleId(1))).toBe(false);
  });

  it('puts session overlay rules above dynamic ones, both above every list and below "Proceed anyway"', () => {
    const session = overlayRules(actions, 'session', PAGE);
    const dynamic = overlayRules(actions, 'dynamic', PAGE);
    expect(Math.min(...session.map((r) => r.priority))).toBeGreaterThan(Math.max(...dynamic.map((r) => r.priority)));
    expect(Math.min(...dynamic.map((r) => r.priority))).toBeGreaterThan(3);
    expect(Math.max(...session.map((r) => r.priority))).toBeLessThan(PROCEED_PRIORITY);
    expect(session.every((r) => isOverlayRuleId(r.id, 'session') && !isOverlayRuleId(r.id, 'dynamic'))).toBe(true);
    expect(dynamic.every((r) => isOverlayRuleId(r.id, 'dynamic') && r.id < PROCEED_RULE_BASE)).toBe(true);
  });

  it('caps the priority of very deep names below "Proceed anyway"', () => {
    const deep = `${'a.'.repeat(60)}example`;
    const [rule] = overlayRules(new Map([[deep, 'block']]), 'session', PAGE);
    expect(rule!.priority).toBeLessThan(PROCEED_PRIORITY);
  });

  it('splits a large group at the chunk size, and gives nothing for nothing', () => {
    const many = new Map(manyDomains(25).map((d) => [d, 'block' as const]));
    expect(overlayRules(many, 'dynamic', PAGE, 10).map((r) => [r.action.type, r.condition.requestDomains.length])).toEqual([
      ['redirect', 10],
      ['block', 10],
      ['redirect', 10],
      ['block', 10],
      ['redirect', 5],
      ['block', 5],
    ]);
    expect(overlayRules(new Map(), 'session', PAGE)).toEqual([]);
  });

  it('is compared domain by domain when planning changes, since its ids are reused', () => {
    const [installed] = overlayRules(new Map([['a.example', 'block']]), 'dynamic', PAGE);
    const [wanted] = overlayRules(new Map([['b.example', 'block']]), 'dynamic', PAGE);
    expect(planRuleChanges([installed!], [wanted!])).toEqual({ removeRuleIds: [installed!.id], addRules: [wanted] });
    expect(planRuleChanges([installed!], [installed!])).toEqual({ removeRuleIds: [], addRules: [] });
  });

  it('replaces an overlay rule of an older build that redirected top-level navigations only', () => {
    const [wanted] = overlayRules(new Map([['a.example', 'block']]), 'dynamic', PAGE);
    const older = { ...wanted!, condition: { ...wanted!.condition, resourceTypes: ['main_frame'] } };
    expect(planRuleChanges([older], [wanted!])).toEqual({ removeRuleIds: [wanted!.id], addRules: [wanted] });
  });
});
