/**
 * A stopped background woken by what a person does (issue 12: "service-worker wake"), with `size`
 * entries installed, in Chromium (a service worker) and Firefox ESR (an event page). Each round
 * stops every extension background (drivers.ts says how, and checks it), then:
 * - asks Pharmacheck for a verdict on a listed site from an extension page (the runtime message
 *   `ui-bg-verdict`, which wakes it) and reads the background's own timings (lib/protection/
 *   timings.ts): first line of the script -> first verdict answered, with the marks between;
 * - asks the bare baseline extension (bench/bare-extension: a background that answers from its
 *   first line) the same way, in the same browser: what a wake costs any extension;
 * - after another stop, sends a tab to a listed site and reads the tab event -> badge set.
 * The page-side round trip (message sent -> answer, the browser's start-up of the background
 * included) is timed for both extensions; its ratio is Pharmacheck's own cost on top of a wake.
 * The two extensions alternate which goes first, so machine noise hits both alike. The guide
 * page sends the messages: it asks the background nothing by itself (the options page polls it
 * every 5 s, which would wake it between a stop and a measured wake).
 */
import { generateKey, publicPart } from '../lib/signing';
import { startListServer } from '../tests/e2e/support/list-server';
import { LISTS_HOST, timedMessage } from './apply';
import { BENCH_LIST, benchVersions, makeList, publisher } from './browser-lists';
import { median } from './stats';
import { chromiumDriver, firefoxDriver, type BrowserDriver, type DriverPage } from './drivers';

interface WakeTimings {
  readonly wake?: { readonly scriptStartMs: number; readonly scriptToVerdictMs: number; readonly marks: Readonly<Record<string, number>> };
  readonly badge?: { readonly eventToBadgeMs: number; readonly scriptToBadgeMs: number };
}

export interface WakeResult {
  readonly browser: 'Chromium' | 'Firefox';
  readonly entries: number;
  readonly rounds: number;
  readonly stopHow: string;
  /** Pharmacheck: background start -> first line, first line -> first verdict, page round trip; marks since the first line. */
  readonly scriptStart: number[];
  readonly scriptToVerdict: number[];
  readonly roundTrip: number[];
  readonly marks: Record<string, number[]>;
  listed: number;
  /** The bare extension, the same wake and message. */
  readonly bareScriptStart: number[];
  readonly bareScriptToAnswer: number[];
  readonly bareRoundTrip: number[];
  /** A tab sent to a listed site after a stop. */
  readonly eventToBadge: number[];
  readonly scriptToBadge: number[];
  painted: number;
}

const STOP_HOW = {
  Chromium: 'DevTools ServiceWorker.stopAllWorkers, then every extension worker reported "stopped"',
  Firefox: 'devtools server terminateBackgroundScript, then each add-on\'s background reported "STOPPED"',
} as const;

async function timings(page: DriverPage): Promise<WakeTimings> {
  return page.run(async (api) => ((await api.storage.session.get('timings')).timings ?? {}) as WakeTimings);
}

async function clearTimings(page: DriverPage): Promise<void> {
  await page.run((api) => api.storage.session.remove('timings'));
}

/** Waits for the woken background to have stored what `pick` reads (it writes after answering). */
async function waitFor<T>(page: DriverPage, what: string, pick: (t: WakeTimings) => T | undefined): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = pick(await timings(page));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} in the timings after 20 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function benchWake(browserName: 'Chromium' | 'Firefox', size: number, rounds: number): Promise<WakeResult> {
  const versions = benchVersions(size, 2);
  if (versions.kept.length < 2 * rounds + 1) throw new Error(`at most ${Math.floor((versions.kept.length - 1) / 2)} rounds`);
  const key = await generateKey();
  const server = await startListServer(LISTS_HOST);
  const publish = publisher(server, key);
  const result: WakeResult = {
    browser: browserName, entries: size, rounds, stopHow: STOP_HOW[browserName],
    scriptStart: [], scriptToVerdict: [], roundTrip: [], marks: {}, listed: 0,
    bareScriptStart: [], bareScriptToAnswer: [], bareRoundTrip: [],
    eventToBadge: [], scriptToBadge: [], painted: 0,
  };
  let driver: BrowserDriver | null = null;
  try {
    const launch = browserName === 'Chromium' ? chromiumDriver : firefoxDriver;
    driver = await launch({ withBare: true, hosts: [LISTS_HOST, ...versions.kept] });
    const page = await driver.openPage('guide.html');
    await publish(makeList(1, versions.v1));
    const subscribed = await timedMessage(page, 'ui-bg-subscribe', { url: server.url(`${BENCH_LIST}/latest.json`), publicKey: publicPart(key).publicKey });
    if (!(subscribed.result as { ok: boolean }).ok) throw new Error(`subscribe failed: ${JSON.stringify(subscribed.result)}`);
    const bare = await driver.openBarePage();

    // A wake counts only if the background started after the message was sent (its script ran
    // within the page's round trip); otherwise something else woke it first, and it is done again.
    const wakePharmacheck = async (host: string, counted: boolean) => {
      for (let attempt = 0; ; attempt++) {
        await driver!.stopBackgrounds();
        await clearTimings(page);
        const asked = await timedMessage(page, 'ui-bg-verdict', { url: `https://${host}/` });
        const wake = await waitFor(page, 'wake', (t) => t.wake);
        if (wake.scriptToVerdictMs > asked.ms) {
          if (attempt < 3) continue;
          throw new Error(`Pharmacheck's background was started before the message, 4 times (${wake.scriptToVerdictMs} ms of script in a ${asked.ms} ms round trip)`);
        }
        if (!counted) return;
        result.roundTrip.push(asked.ms);
        result.scriptStart.push(wake.scriptStartMs);
        result.scriptToVerdict.push(wake.scriptToVerdictMs);
        for (const [name, ms] of Object.entries(wake.marks)) (result.marks[name] ??= []).push(ms);
        if ((asked.result as { verdict?: string } | undefined)?.verdict === 'listed') result.listed++;
        return;
      }
    };
    const wakeBare = async (counted: boolean) => {
      for (let attempt = 0; ; attempt++) {
        await driver!.stopBackgrounds();
        const asked = await timedMessage(bare, 'bare-wake', null);
        const answer = asked.result as { scriptStartMs?: number; scriptToAnswerMs?: number } | undefined;
        if (typeof answer?.scriptToAnswerMs !== 'number' || typeof answer.scriptStartMs !== 'number') throw new Error(`the bare extension answered ${JSON.stringify(asked.result)}`);
        if (answer.scriptToAnswerMs > asked.ms) {
          if (attempt < 3) continue;
          throw new Error(`the bare background was started before the message, 4 times`);
        }
        if (!counted) return;
        result.bareRoundTrip.push(asked.ms);
        result.bareScriptStart.push(answer.scriptStartMs);
        result.bareScriptToAnswer.push(answer.scriptToAnswerMs);
        return;
      }
    };
    const badgeAfterStop = async (host: string) => {
      // The tab exists before the stop: its own creation must not be what wakes the background.
      const tab = await driver!.blankTab();
      await new Promise((r) => setTimeout(r, 300));
      await driver!.stopBackgrounds();
      await clearTimings(page);
      await tab.navigate(`https://${host}/`);
      const badge = await waitFor(page, 'badge', (t) => t.badge);
      result.eventToBadge.push(badge.eventToBadgeMs);
      result.scriptToBadge.push(badge.scriptToBadgeMs);
      const text = await page.run(async (api, h) => {
        const shown = (await api.tabs.query({})).find((t) => t.url?.includes(`?url=https://${h}/`));
        return shown?.id === undefined ? '' : api.action.getBadgeText({ tabId: shown.id });
      }, host);
      if (text !== '') result.painted++;
      await tab.close();
    };

    // One wake of each first, not counted: the first after start-up reads files from cold.
    await wakePharmacheck(versions.kept[0]!, false);
    await wakeBare(false);
    for (let round = 0; round < rounds; round++) {
      const host = versions.kept[1 + round]!;
      if (round % 2 === 0) {
        await wakePharmacheck(host, true);
        await wakeBare(true);
      } else {
        await wakeBare(true);
        await wakePharmacheck(host, true);
      }
      await badgeAfterStop(versions.kept[1 + rounds + round]!);
    }
  } finally {
    await driver?.close();
    await server.close();
  }
  return result;
}

function worst(xs: readonly number[]): number {
  return Math.max(...xs);
}

function spans(xs: readonly number[]): string {
  return `${median(xs).toFixed(1).padStart(6)} / ${worst(xs).toFixed(1).padStart(6)} ms`;
}

export function printWake(r: WakeResult): void {
  console.log(`\nBackground wake in ${r.browser}, ${r.entries.toLocaleString('en')} entries installed, ${r.rounds} rounds (median / worst); each after a stop: ${r.stopHow}`);
  console.log(`  Pharmacheck, first line -> first verdict          ${spans(r.scriptToVerdict)}   (verdicts "listed": ${r.listed}/${r.rounds})`);
  const order = Object.keys(r.marks).sort((a, b) => median(r.marks[a]!) - median(r.marks[b]!));
  console.log(`    marks, ms after the first line (median): ${order.map((name) => `${name} ${median(r.marks[name]!).toFixed(1)}`).join(', ')}`);
  console.log(`  bare extension, first line -> answer             ${spans(r.bareScriptToAnswer)}`);
  console.log(`  background start -> first line: Pharmacheck ${spans(r.scriptStart)}, bare ${spans(r.bareScriptStart)}`);
  console.log(`  message sent -> answer on the page, wake included: Pharmacheck ${spans(r.roundTrip)}, bare ${spans(r.bareRoundTrip)}; ratio of medians ${(median(r.roundTrip) / median(r.bareRoundTrip)).toFixed(2)}`);
  console.log(`  badge after a stop: tab event -> badge set ${spans(r.eventToBadge)}, first line -> badge set ${spans(r.scriptToBadge)} (badge painted: ${r.painted}/${r.rounds})`);
  const met = (ms: number) => (ms <= 20 ? 'met' : 'not met');
  console.log(`  target: first verdict <= 20 ms from the script's first line: median ${median(r.scriptToVerdict).toFixed(1)} ms (${met(median(r.scriptToVerdict))}), worst ${worst(r.scriptToVerdict).toFixed(1)} ms (${met(worst(r.scriptToVerdict))})`);
}
