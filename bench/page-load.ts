/**
 * What the caution verdict costs a page (issue 10): the background's first look in every unlisted
 * page after load, and the caution content script it injects where that passes
 * (lib/protection/page-look.ts). The same unlisted pages loaded in three browsers side by side,
 * alternating, in Chromium or in Firefox ESR (the `wxt build -b firefox` build, driven by
 * puppeteer-core over WebDriver BiDi): with Pharmacheck, with a bare extension that holds one
 * redirect rule of the same shape and a background that only answers the wake benchmark's message
 * (bench/bare-extension: the browser's own cost of any such extension, which is not Pharmacheck's
 * to save), and with no extension.
 *
 * Per page kind (a plain article, which the first look passes by; a legitimate pharmacy, which
 * passes it, is extracted and judged and gets no notice; a rogue-like catalogue and a 2 MB one,
 * which get the notice), the median load time (navigation start to loadEventEnd, from the
 * Navigation Timing entry) and, in Chromium only, the page's main-thread time (DevTools
 * Performance.getMetrics TaskDuration, which counts content scripts and injected scripts). Firefox
 * has no Performance.getMetrics (nor any other per-page main-thread total over BiDi), so its rows
 * give load times only. Both are read after the idle-time look has run: with Pharmacheck, on the
 * catalogues, once the caution notice is on the page (the whole path ran: first look, features
 * script, the background's judgement, the notice's content script; a load without it fails the
 * run); and for every setup no sooner than SETTLE_MS after load, so that every page has lived as
 * long when it is measured (a large page keeps its main thread busy for a while after load, which a
 * page measured later would count and one measured sooner would not).
 *
 * What differs per browser is only how a setup's browser is launched and how a tab is driven
 * (`SetupBrowser` and `Tab` below); the pages, the server, the alternation and the medians are
 * shared. Firefox maps only the host names it is told to 127.0.0.1 (`network.dns.localDomains`), so
 * every load's fresh host name is computed in advance and given at launch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser } from 'puppeteer-core';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/support/chromium';
import { FIREFOX, launchFirefoxWithExtension, waitForRules } from '../tests/e2e/support/firefox';
import { BARE_EXTENSION } from './drivers';

export type BrowserName = 'Chromium' | 'Firefox';

const KINDS = ['article', 'pharmacy', 'catalogue', 'catalogue-2mb'] as const;
type Kind = (typeof KINDS)[number];

function article(): string {
  const para = 'The allotment society met on Tuesday to plan the spring planting. Members discussed tomatoes, beans and the new compost bins, and agreed on a rota for watering during the summer holidays. ';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Spring planting at the allotments</title></head><body><main><h1>Spring planting at the allotments</h1>${`<p>${para.repeat(3)}</p>`.repeat(40)}</main></body></html>`;
}

function catalogue(products: number): string {
  const names = ['Viagra 100 mg', 'Cialis 20 mg', 'Tramadol 50 mg', 'Xanax 1 mg', 'Ibuprofen 400 mg', 'Paracetamol 500 mg', 'Amoxicillin 500 mg', 'Semaglutide 1 mg'];
  const items = Array.from({ length: products }, (_, i) => `<div class="product"><h3>${names[i % names.length]} (pack ${i})</h3><p>from $${(0.5 + (i % 40) / 10).toFixed(2)} per pill</p><button>Add to cart</button></div>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Online pharmacy: buy medicines without prescription</title></head><body><header><nav><a href="/ed">ED</a> <a href="/pain">Pain</a> <a href="/cart">Cart</a></nav></header><main><h1>Online pharmacy, no prescription needed</h1>${items}<p>We accept Bitcoin and Western Union.</p></main></body></html>`;
}

/** A legitimate pharmacy (the end-to-end tests' page, with its EU logo linking to its register): it passes the first look, is extracted and judged, and gets no notice. */
const pharmacy = () => readFileSync(resolve('tests/e2e/fixtures/caution/legit-pharmacy.html'), 'utf8');

const PAGES: Record<Kind, string> = { article: article(), pharmacy: pharmacy(), catalogue: catalogue(60), 'catalogue-2mb': catalogue(13_500) };

/** A fresh host name per load, so no cache or connection is shared between the loads compared. */
const hostOf = (n: number) => `page-${n}.bench-pages.example`;

async function serve(): Promise<{ server: Server; url: (kind: Kind, n: number) => string }> {
  const server = createServer((req, res) => {
    const kind = (req.url ?? '').split('/')[1] as Kind;
    const body = PAGES[kind];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, url: (kind, n) => `http://${hostOf(n)}:${port}/${kind}/${n}` };
}

type Setup = 'pharmacheck' | 'bare' | 'none';
const SETUPS: readonly Setup[] = ['pharmacheck', 'bare', 'none'];

/** Main-thread time and, of it, what ran scripts, laid out and recalculated styles (DevTools metrics, ms). */
interface MainThread { readonly taskMs: number; readonly scriptMs: number; readonly layoutMs: number; readonly styleMs: number }
const MAIN_THREAD_KEYS = ['taskMs', 'scriptMs', 'layoutMs', 'styleMs'] as const;
/** One load: its load time and, where the browser reports it (Chromium), its main-thread time. */
interface Sample { readonly loadMs: number; readonly mainThread: MainThread | null }

/** One tab of a setup's browser: all that the shared measurement needs from a browser. */
interface Tab {
  /** Navigates and resolves once the page's load event has fired. */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page. It is sent as source: no named functions inside (tsx wraps them in a helper the page does not have). */
  run<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The page's main-thread time so far, or null where the browser cannot tell (Firefox). */
  mainThread(): Promise<MainThread | null>;
  close(): Promise<void>;
}

/** One setup's browser, launched for the whole run. */
interface SetupBrowser {
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

/** Launches one setup's browser; `hosts` are every host name the run will load (Firefox needs them at launch). */
type Launch = (setup: Setup, hosts: readonly string[]) => Promise<SetupBrowser>;

const launchChromium: Launch = async (setup) => {
  const dir = mkdtempSync(join(tmpdir(), `pharmacheck-bench-${setup}-`));
  const extension = setup === 'pharmacheck' ? EXTENSION_DIR : setup === 'bare' ? BARE_EXTENSION : null;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * 127.0.0.1', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // Pharmacheck's background must be up (the bare extension has none).
  if (setup === 'pharmacheck' && !context.serviceWorkers()[0]) await context.waitForEvent('serviceworker');
  return {
    newTab: async () => {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        run: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
        mainThread: async () => {
          const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
          const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
          return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), layoutMs: metric('LayoutDuration'), styleMs: metric('RecalcStyleDuration') };
        },
        close: async () => {
          await cdp.detach();
          await page.close();
        },
      };
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const launchFirefox: Launch = async (setup, hosts) => {
  let browser: FirefoxBrowser;
  if (setup === 'pharmacheck') {
    // Waits until the extension's control page is open; then until the background installed its rules.
    const ff = await launchFirefoxWithExtension({ hosts });
    try {
      await waitForRules(ff);
    } catch (error) {
      await ff.close();
      throw error;
    }
    browser = ff.browser;
    // The fixture's control tab (an extension page that drives the browser) is not part of what a
    // person has open, and the other setups have none: closed once the rules are in.
    for (const page of await browser.pages()) if (page.url().startsWith('moz-extension://')) await page.close();
  } else {
    // A temporary profile, which puppeteer removes when the browser closes; the same host names as Pharmacheck's.
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: { 'network.dns.localDomains': hosts.join(',') } });
    if (setup === 'bare') {
      try {
        await browser.installExtension(BARE_EXTENSION);
      } catch (error) {
        await browser.close();
        throw error;
      }
    }
  }
  const opened = browser;
  return {
    newTab: async () => {
      const page = await opened.newPage();
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        run: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
        mainThread: async () => null,
        close: () => page.close(),
      };
    },
    close: () => opened.close(),
  };
};

const LAUNCH: Record<BrowserName, Launch> = { Chromium: launchChromium, Firefox: launchFirefox };

/** How long after load every page is measured (the look's idle-time scripts and the notice take well under this). */
const SETTLE_MS = 1_500;
/** How long a load may wait for Pharmacheck's notice before the benchmark gives up on it. */
const NOTICE_TIMEOUT_MS = 10_000;

// Run in the page. No named functions inside: tsx would wrap them in a helper that the page does not have.
/**
 * Resolves once Pharmacheck's notice is the body's first element. Watched from the page with one
 * observer on the body's children (the notice is put first in the body), not with the driver's
 * selectors, whose own script would add its main-thread time.
 */
const noticeInPage = (timeoutMs: number) => new Promise<void>((resolve, reject) => {
  if (document.body?.firstElementChild?.localName === 'pharmacheck-notice') return resolve();
  const timer = setTimeout(() => reject(new Error(`no caution notice within ${timeoutMs} ms`)), timeoutMs);
  new MutationObserver((_, observer) => {
    if (document.body?.firstElementChild?.localName !== 'pharmacheck-notice') return;
    observer.disconnect();
    clearTimeout(timer);
    resolve();
  }).observe(document.body, { childList: true });
});
/** Resolves when the page is next idle (the content script's idle-time look runs then). */
const idleInPage = () => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 }));
/** Navigation start to the end of the load event, from the Navigation Timing entry. */
const loadTimeInPage = () => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return nav.loadEventEnd - nav.startTime;
};

async function load(browser: SetupBrowser, url: string, awaitNotice: boolean): Promise<Sample> {
  const tab = await browser.newTab();
  try {
    await tab.goto(url);
    const loadedAt = performance.now();
    if (awaitNotice) {
      await tab.run(noticeInPage, NOTICE_TIMEOUT_MS).catch((error: unknown) => {
        throw new Error(`waiting for Pharmacheck's caution notice on ${url}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    // Let the content script's idle-time look (and its answer) run before measuring.
    await tab.run(idleInPage, null);
    await new Promise((r) => setTimeout(r, Math.max(0, loadedAt + SETTLE_MS - performance.now())));
    const loadMs = await tab.run(loadTimeInPage, null);
    return { loadMs, mainThread: await tab.mainThread() };
  } finally {
    await tab.close();
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function medianSample(list: readonly Sample[]): Sample {
  const threads = list.map((s) => s.mainThread);
  const measured = threads.length > 0 && threads.every((t) => t !== null) ? (threads as MainThread[]) : null;
  return {
    loadMs: median(list.map((s) => s.loadMs)),
    mainThread: measured && (Object.fromEntries(MAIN_THREAD_KEYS.map((key) => [key, median(measured.map((t) => t[key]))])) as unknown as MainThread),
  };
}

export interface PageLoadResult {
  readonly browser: BrowserName;
  readonly rounds: number;
  readonly kinds: readonly { kind: Kind; bytes: number; medians: Record<Setup, Sample> }[];
}

export async function benchPageLoad(rounds: number, browserName: BrowserName = 'Chromium'): Promise<PageLoadResult> {
  const { server, url } = await serve();
  // One warm-up load per kind and setup, then `rounds` of the same: every host name, known in advance.
  const hosts = Array.from({ length: (rounds + 1) * KINDS.length * SETUPS.length }, (_, n) => hostOf(n));
  const browsers = new Map<Setup, SetupBrowser>();
  try {
    for (const setup of SETUPS) browsers.set(setup, await LAUNCH[browserName](setup, hosts));
    const samples = new Map<string, Sample[]>();
    let n = 0;
    const noticed = (kind: Kind, setup: Setup) => setup === 'pharmacheck' && kind.startsWith('catalogue');
    const next = (kind: Kind, setup: Setup) => load(browsers.get(setup)!, url(kind, n++), noticed(kind, setup));
    // Warm up each browser once per kind, then alternate setups within every round.
    for (const kind of KINDS) for (const setup of SETUPS) await next(kind, setup);
    for (let round = 0; round < rounds; round++) {
      for (const kind of KINDS) {
        const order = round % 2 === 0 ? SETUPS : [...SETUPS].reverse();
        for (const setup of order) {
          const sample = await next(kind, setup);
          const key = `${kind}/${setup}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }
    if (n !== hosts.length) throw new Error(`loaded ${n} pages, gave the browsers ${hosts.length} host names`);
    return {
      browser: browserName,
      rounds,
      kinds: KINDS.map((kind) => ({
        kind,
        bytes: Buffer.byteLength(PAGES[kind]),
        medians: Object.fromEntries(SETUPS.map((setup) => [setup, medianSample(samples.get(`${kind}/${setup}`) ?? [])])) as Record<Setup, Sample>,
      })),
    };
  } finally {
    for (const browser of browsers.values()) await browser.close();
    server.close();
  }
}

export function printPageLoad(result: PageLoadResult): void {
  const mainThread = result.kinds.every(({ medians: m }) => SETUPS.every((setup) => m[setup].mainThread !== null));
  const name = result.browser === 'Firefox' ? 'Firefox ESR' : result.browser;
  console.log(
    `\nPage load with the caution verdict's first look, features script and notice, ${name} (medians of ${result.rounds} alternating rounds; Pharmacheck showed its notice on every catalogue load)` +
      (mainThread ? '' : `\nLoad times only: ${name} has no DevTools Performance.getMetrics, so no main-thread time is measured`),
  );
  console.log(`page            size      load: Pharmacheck / bare / none      ratio vs bare   ratio vs none${mainThread ? '   main thread: Pharmacheck / bare / none   added vs bare' : ''}`);
  for (const { kind, bytes, medians: m } of result.kinds) {
    const kb = `${(bytes / 1024).toFixed(0)} KB`;
    const p = m.pharmacheck.mainThread;
    const b = m.bare.mainThread;
    const o = m.none.mainThread;
    console.log(
      `${kind.padEnd(15)} ${kb.padStart(8)}   ${m.pharmacheck.loadMs.toFixed(1).padStart(7)} / ${m.bare.loadMs.toFixed(1).padStart(6)} / ${m.none.loadMs.toFixed(1).padStart(6)} ms   ` +
        `${(m.pharmacheck.loadMs / m.bare.loadMs).toFixed(3).padStart(10)}   ${(m.pharmacheck.loadMs / m.none.loadMs).toFixed(3).padStart(13)}` +
        (p && b && o ? `   ${p.taskMs.toFixed(1).padStart(9)} / ${b.taskMs.toFixed(1).padStart(6)} / ${o.taskMs.toFixed(1).padStart(6)} ms   ${(p.taskMs - b.taskMs).toFixed(1).padStart(8)} ms` : ''),
    );
  }
  if (mainThread) {
    console.log('Of the main-thread time added against the bare extension (medians): scripts / layout / style recalculation');
    for (const { kind, medians: m } of result.kinds) {
      const added = (key: keyof MainThread) => (m.pharmacheck.mainThread![key] - m.bare.mainThread![key]).toFixed(1).padStart(7);
      console.log(`${kind.padEnd(15)} ${added('scriptMs')} / ${added('layoutMs')} / ${added('styleMs')} ms`);
    }
  }
  console.log(`Targets: load ratio against the bare extension at most 1.02${mainThread ? '; at most 5 ms of added main-thread time per page' : ' (the 5 ms main-thread target is checked in Chromium only)'}.`);
}

// `node --import tsx bench/page-load.ts [rounds] [Chromium|Firefox]` runs this benchmark alone (Chromium by default).
if (import.meta.url === `file://${process.argv[1]}`) {
  const browserName = process.argv[3] ?? 'Chromium';
  if (browserName !== 'Chromium' && browserName !== 'Firefox') throw new Error(`no browser named ${browserName}: Chromium or Firefox`);
  printPageLoad(await benchPageLoad(Number(process.argv[2] ?? 15), browserName));
}
