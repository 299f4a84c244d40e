/**
 * Applying lists inside the browser (real IndexedDB, blocking rules included): a full list of `size`
 * entries, then two 1,000-entry deltas, and in the full run a 1,000,000-entry version. Each is timed
 * twice: inside the background, from the moment its bytes arrived to its rules in force (lib/protection/
 * timings.ts), and from "update now" to the answer. Against baselines measured in the same run:
 * the browser alone installing the same domains as one rule, and the very rules Pharmacheck makes of
 * them (full list: every domain is in two rules, the redirect and the block of subresources), and the browser alone making
 * the same rule change (delta: the same session rules, replaced). A second page asks for verdicts on
 * kept domains throughout: every answer must be "listed". `runApply` drives either browser
 * (drivers.ts); this file runs it in Chromium, apply-firefox.ts in Firefox ESR.
 */
import { buildRules, type BlockingRule } from '../lib/blocking';
import { CHUNK_SIZE } from '../lib/lists/db';
import { generateKey, publicPart } from '../lib/signing';
import { startListServer } from '../tests/e2e/support/list-server';
import { BENCH_LIST, benchVersions, makeList, millionFrom, publisher } from './browser-lists';
import { chromiumDriver, type BrowserDriver, type DriverOptions, type DriverPage, type InExtension } from './drivers';

/** The host the list server answers as (Firefox maps only the names it is told). */
export const LISTS_HOST = 'lists.authority.example';

export interface ApplyRow {
  readonly name: string;
  /** Bytes arrived → rules in force, in the background. */
  readonly inForceMs: number;
  /** "Update now" (or subscribe) → answer, on an extension page. */
  readonly totalMs: number;
  /** The browser alone: the same domains as one rule (full) or the same rule change (delta). */
  readonly browserMs?: number;
  readonly browserWhat?: string;
  /** For a full list: the browser alone installing the very rules Pharmacheck makes of it. */
  readonly ownRulesMs?: number;
  readonly ownRulesWhat?: string;
  /** For a delta: the browser adding one 1,000-domain dynamic rule beside the installed ones (the old way). */
  readonly dynamicMs?: number;
  readonly bytes: number;
  readonly verdicts?: Verdicts;
}

/** What the verdict watcher saw: how many answers, how many "listed", the slowest, and the first other answer (or error). */
export interface Verdicts {
  readonly asked: number;
  readonly listed: number;
  readonly worstMs: number;
  readonly firstOther?: string;
}

/** Sends a message from an extension page and times it there. */
export async function timedMessage(page: DriverPage, type: string, payload: unknown): Promise<{ ms: number; result: unknown }> {
  return page.run(
    async (api, [t, body]) => {
      const start = performance.now();
      const result: unknown = await api.runtime.sendMessage({ type: t, payload: body });
      return { ms: performance.now() - start, result };
    },
    [type, payload] as const,
  );
}

/** Starts asking for verdicts in a loop (one each 10 ms or so); stop() says how many were "listed" and the slowest answer. */
export async function watchVerdicts(page: DriverPage, hosts: readonly string[]): Promise<() => Promise<Verdicts>> {
  await page.run((api, list) => {
    const state = { asked: 0, listed: 0, worstMs: 0, running: true, firstOther: undefined as string | undefined };
    (globalThis as unknown as { watch: typeof state }).watch = state;
    void (async () => {
      for (let i = 0; state.running; i++) {
        const start = performance.now();
        const url = `https://${list[i % list.length]}/`;
        const report = (await api.runtime.sendMessage({ type: 'ui-bg-verdict', payload: { url } }).catch((error: unknown) => ({ error: String(error) }))) as { verdict?: string } | undefined;
        state.worstMs = Math.max(state.worstMs, performance.now() - start);
        state.asked++;
        if (report?.verdict === 'listed') state.listed++;
        else state.firstOther ??= `${url} at ${Math.round(performance.now() - start)} ms: ${JSON.stringify(report)?.slice(0, 200)}`;
        // About as often as a person could navigate: the background's own work is what is timed.
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
  }, hosts as string[]);
  return () =>
    page.run(async () => {
      const state = (globalThis as unknown as { watch: { asked: number; listed: number; worstMs: number; running: boolean; firstOther?: string } }).watch;
      state.running = false;
      await new Promise((r) => setTimeout(r, 50));
      return { asked: state.asked, listed: state.listed, worstMs: state.worstMs, ...(state.firstOther ? { firstOther: state.firstOther } : {}) };
    });
}

async function lastApplyMs(page: DriverPage): Promise<number> {
  const apply = await page.run(async (api) => ((await api.storage.session.get('timings')).timings as { apply?: { downloadToForceMs: number; steps: Record<string, number> } } | undefined)?.apply);
  if (process.env.BENCH_STEPS) console.log(JSON.stringify(apply));
  return apply?.downloadToForceMs ?? Number.NaN;
}

/** The browser alone installing `domains` as one rule beside the installed ones (then removed again). */
async function browserInstalls(background: InExtension, domains: readonly string[]): Promise<number> {
  return background(async (api, requestDomains) => {
    const rule = { id: 999_999_999, priority: 1, action: { type: 'block' as chrome.declarativeNetRequest.RuleActionType }, condition: { requestDomains, resourceTypes: ['main_frame' as chrome.declarativeNetRequest.ResourceType] } };
    const start = performance.now();
    await api.declarativeNetRequest.updateDynamicRules({ addRules: [rule] });
    const ms = performance.now() - start;
    await api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [rule.id] });
    return ms;
  }, domains as string[]);
}

/** The rules Pharmacheck makes of a blocklist's base (lib/blocking/rules.ts), with ids no list holds. */
function ownRules(domains: readonly string[]): BlockingRule[] {
  const chunks = Array.from({ length: Math.ceil(domains.length / CHUNK_SIZE) }, (_, i) => ({ ruleId: 400_000_000 + i, domains: domains.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE) }));
  return buildRules([{ meta: { kind: 'block', publisher: { name: 'Benchmark authority', type: 'authority' } }, vouch: { by: 'person' }, chunks }], 'WARNING_PAGE');
}

/**
 * The browser alone installing the rules Pharmacheck makes of these domains (the redirect of
 * navigations and the block of subresources, per chunk: every domain twice) beside the installed
 * ones, then removing them again.
 */
async function browserInstallsOwnRules(background: InExtension, domains: readonly string[]): Promise<{ ms: number; rules: number }> {
  return background(async (api, json) => {
    const warning = api.runtime.getURL('/warning.html');
    const rules = (JSON.parse(json) as chrome.declarativeNetRequest.Rule[]).map((r) =>
      r.action.redirect?.regexSubstitution ? { ...r, action: { ...r.action, redirect: { regexSubstitution: r.action.redirect.regexSubstitution.replace('WARNING_PAGE', warning) } } } : r,
    );
    const start = performance.now();
    await api.declarativeNetRequest.updateDynamicRules({ addRules: rules });
    const ms = performance.now() - start;
    await api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id) });
    return { ms, rules: rules.length };
  }, JSON.stringify(ownRules(domains)));
}

/** The browser alone making the delta's rule change: the session overlay rules, replaced by themselves. */
async function browserSessionChange(background: InExtension): Promise<{ ms: number; domains: number }> {
  return background(async (api) => {
    const rules = (await api.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= 950_000_000 && r.id < 1_000_000_000);
    const start = performance.now();
    await api.declarativeNetRequest.updateSessionRules({ removeRuleIds: rules.map((r) => r.id), addRules: rules });
    return { ms: performance.now() - start, domains: rules.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0) };
  });
}

/** The whole apply benchmark in the browser that `launch` starts (with the list server's host mapped). */
export async function runApply(launch: (options: DriverOptions) => Promise<BrowserDriver>, size: number, changes: number, million: boolean): Promise<ApplyRow[]> {
  const versions = benchVersions(size, changes);
  const key = await generateKey();
  const server = await startListServer(LISTS_HOST);
  const publish = publisher(server, key);
  const rows: ApplyRow[] = [];
  let driver: BrowserDriver | null = null;
  try {
    driver = await launch({ hosts: [LISTS_HOST] });
    const { background } = driver;
    const page = await driver.openPage('options.html');
    const watcher = await driver.openPage('options.html');
    const latestUrl = server.url(`${BENCH_LIST}/latest.json`);

    const oneRule = await browserInstalls(background, versions.v1);
    const own = await browserInstallsOwnRules(background, [...versions.v1].sort());
    let files = await publish(makeList(1, versions.v1));
    const full = await timedMessage(page, 'ui-bg-subscribe', { url: latestUrl, publicKey: publicPart(key).publicKey });
    if (!(full.result as { ok: boolean }).ok) throw new Error(`subscribe failed: ${JSON.stringify(full.result)}`);
    rows.push({ name: `full list, ${size.toLocaleString('en')} entries`, inForceMs: await lastApplyMs(page), totalMs: full.ms, browserMs: oneRule, browserWhat: 'the same domains as one rule', ownRulesMs: own.ms, ownRulesWhat: `Pharmacheck's own ${own.rules} rules for them`, bytes: files.get(`${BENCH_LIST}/v1.json`)!.byteLength });

    for (const [version, domains, label] of [
      [2, versions.v2, `delta, ${changes.toLocaleString('en')} adds`],
      [3, versions.v3, `delta, ${(changes / 2).toLocaleString('en')} removes + ${(changes / 2).toLocaleString('en')} adds`],
    ] as const) {
      files = await publish(makeList(version, domains));
      const stop = await watchVerdicts(watcher, versions.kept);
      await new Promise((r) => setTimeout(r, 100));
      const run = await timedMessage(page, 'ui-bg-update-now', { id: BENCH_LIST });
      await new Promise((r) => setTimeout(r, 100));
      const verdicts = await stop();
      const result = (run.result as { status: string; version?: number }[])[0];
      if (result?.status !== 'updated' || result.version !== version) throw new Error(`update to ${version} failed: ${JSON.stringify(run.result)}`);
      const session = await browserSessionChange(background);
      rows.push({
        name: label,
        inForceMs: await lastApplyMs(page),
        totalMs: run.ms,
        browserMs: session.ms,
        browserWhat: `the same session rules (${session.domains.toLocaleString('en')} domains)`,
        dynamicMs: await browserInstalls(background, domains.slice(-1000)),
        bytes: files.get(`${BENCH_LIST}/delta-${version - 1}-${version}.json`)!.byteLength,
        verdicts,
      });
    }
    const blocked = await background(async (api) => {
      const rules = [...(await api.declarativeNetRequest.getDynamicRules()), ...(await api.declarativeNetRequest.getSessionRules())];
      return rules.filter((r) => r.action.type === 'redirect').reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
    });
    if (blocked < versions.v3.length) throw new Error(`only ${blocked} domains in the blocking rules, expected at least ${versions.v3.length}`);

    if (million) {
      const big = millionFrom(versions.v3);
      files = await publish(makeList(4, big));
      const stop = await watchVerdicts(watcher, versions.kept);
      const run = await timedMessage(page, 'ui-bg-update-now', { id: BENCH_LIST });
      const verdicts = await stop();
      const result = (run.result as { status: string; version?: number }[])[0];
      if (result?.status !== 'updated' || result.version !== 4) throw new Error(`update to the million failed: ${JSON.stringify(run.result)}`);
      rows.push({ name: `full list, ${big.length.toLocaleString('en')} entries`, inForceMs: await lastApplyMs(page), totalMs: run.ms, bytes: files.get(`${BENCH_LIST}/v4.json`)!.byteLength, verdicts });
    }
  } finally {
    await driver?.close();
    await server.close();
  }
  return rows;
}

export function benchApply(size: number, changes: number, million: boolean): Promise<ApplyRow[]> {
  return runApply(chromiumDriver, size, changes, million);
}

export function printApply(browserName: string, rows: readonly ApplyRow[]): void {
  console.log(`\nApplying lists in ${browserName} (real IndexedDB and blocking rules): bytes arrived -> rules in force, in the background; and "update now" -> answer`);
  const full = rows[0]!;
  for (const row of rows) {
    const share = row === full ? '' : `, ${((row.bytes / full.bytes) * 100).toFixed(2)}% of the full list's bytes`;
    console.log(`  ${row.name.padEnd(36)} in force ${row.inForceMs.toFixed(0).padStart(6)} ms   total ${row.totalMs.toFixed(0).padStart(6)} ms${share}`);
    if (row.browserMs !== undefined) {
      console.log(`  ${''.padEnd(36)} ${browserName} alone, ${row.browserWhat}: ${row.browserMs.toFixed(0)} ms; ratio ${(row.inForceMs / row.browserMs).toFixed(2)}`);
    }
    if (row.ownRulesMs !== undefined) console.log(`  ${''.padEnd(36)} ${browserName} alone, ${row.ownRulesWhat}: ${row.ownRulesMs.toFixed(0)} ms; ratio ${(row.inForceMs / row.ownRulesMs).toFixed(2)}`);
    if (row.dynamicMs !== undefined) console.log(`  ${''.padEnd(36)} (${browserName} alone adding one 1,000-domain dynamic rule beside the installed ones: ${row.dynamicMs.toFixed(0)} ms)`);
    if (row.verdicts) {
      const v = row.verdicts;
      console.log(`  ${''.padEnd(36)} verdicts meanwhile: ${v.listed}/${v.asked} listed (unavailable: ${v.asked - v.listed}), slowest answer ${v.worstMs.toFixed(0)} ms`);
      if (v.firstOther) console.log(`  ${''.padEnd(36)} first answer not "listed": ${v.firstOther}`);
    }
  }
  const deltas = rows.filter((r) => r.name.startsWith('delta'));
  console.log(`  targets: full list <= 600 ms in force (${full.inForceMs <= 600 ? 'met' : 'not met'}), each delta <= 100 ms in force (${deltas.every((r) => r.inForceMs <= 100) ? 'met' : 'not met'}), verdicts never unavailable (${rows.every((r) => !r.verdicts || r.verdicts.asked === r.verdicts.listed) ? 'met' : 'not met'})`);
}
