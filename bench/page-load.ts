/**
 * What the caution verdict costs a page (issue 10): the background's first look in every unlisted
 * page after load, and the caution content script it injects where that passes
 * (lib/protection/page-look.ts). The same unlisted pages loaded in three browsers side by side,
 * alternating: Chromium with Pharmacheck, with a bare extension that
 * holds one redirect rule of the same shape and a background that only answers the wake
 * benchmark's message (bench/bare-extension: the browser's own cost of any such extension, which
 * is not Pharmacheck's to save), and with no extension.
 *
 * Per page kind (a plain article, which the first look passes by; a legitimate pharmacy, which
 * passes it, is extracted and judged and gets no notice; a rogue-like catalogue and a 2 MB one,
 * which get the notice), the median load time (navigation start to loadEventEnd, from the
 * Navigation Timing entry) and the page's main-thread time (DevTools Performance.getMetrics
 * TaskDuration, which counts content scripts and injected scripts), read after the idle-time look
 * has run: with Pharmacheck, on the catalogues, once the caution notice is on the page (the whole
 * path ran: first look, features script, the background's judgement, the notice's content script);
 * and for every setup no sooner than SETTLE_MS after load, so that every page has lived as long
 * when it is measured (a large page keeps its main thread busy for a while after load, which a
 * page measured later would count and one measured sooner would not).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/support/chromium';

const BARE_EXTENSION = resolve('bench/bare-extension');
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

async function serve(): Promise<{ server: Server; url: (kind: Kind, n: number) => string }> {
  const server = createServer((req, res) => {
    const kind = (req.url ?? '').split('/')[1] as Kind;
    const body = PAGES[kind];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  // A fresh host name per load, so no cache or connection is shared between the loads compared.
  return { server, url: (kind, n) => `http://page-${n}.bench-pages.example:${port}/${kind}/${n}` };
}

type Setup = 'pharmacheck' | 'bare' | 'none';
const SETUPS: readonly Setup[] = ['pharmacheck', 'bare', 'none'];

async function launch(setup: Setup): Promise<{ context: BrowserContext; dir: string }> {
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
  return { context, dir };
}

/** Main-thread time and, of it, what ran scripts, laid out and recalculated styles (DevTools metrics, ms). */
interface Sample { readonly loadMs: number; readonly taskMs: number; readonly scriptMs: number; readonly layoutMs: number; readonly styleMs: number }

/** How long after load every page's main-thread time is read (the look's idle-time scripts and the notice take well under this). */
const SETTLE_MS = 1_500;
/** How long a load may wait for Pharmacheck's notice before the benchmark gives up on it. */
const NOTICE_TIMEOUT_MS = 10_000;

async function load(context: BrowserContext, url: string, settleMs: number, awaitNotice = false): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const loadedAt = performance.now();
  // Watched from the page with one observer on the body's children (the notice is put first in the
  // body), not with Playwright's selectors, whose own script would add its main-thread time.
  if (awaitNotice) {
    // No named functions inside: tsx would wrap them in a helper that the page does not have.
    await page.evaluate((timeoutMs) => new Promise<void>((resolve, reject) => {
      if (document.body?.firstElementChild?.localName === 'pharmacheck-notice') return resolve();
      const timer = setTimeout(() => reject(new Error('no caution notice on a catalogue page')), timeoutMs);
      new MutationObserver((_, observer) => {
        if (document.body?.firstElementChild?.localName !== 'pharmacheck-notice') return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }).observe(document.body, { childList: true });
    }), NOTICE_TIMEOUT_MS);
  }
  // Let the content script's idle-time look (and its answer) run before reading main-thread time.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
  await page.waitForTimeout(Math.max(0, loadedAt + settleMs - performance.now()));
  const loadMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  const taskMs = metric('TaskDuration');
  await cdp.detach();
  await page.close();
  return { loadMs, taskMs, scriptMs: metric('ScriptDuration'), layoutMs: metric('LayoutDuration'), styleMs: metric('RecalcStyleDuration') };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface PageLoadResult {
  readonly rounds: number;
  readonly kinds: readonly { kind: Kind; bytes: number; medians: Record<Setup, Sample> }[];
}

export async function benchPageLoad(rounds: number): Promise<PageLoadResult> {
  const { server, url } = await serve();
  const browsers = new Map<Setup, { context: BrowserContext; dir: string }>();
  try {
    for (const setup of SETUPS) browsers.set(setup, await launch(setup));
    const samples = new Map<string, Sample[]>();
    let n = 0;
    // Warm up each browser once per kind, then alternate setups within every round.
    const noticed = (kind: Kind, setup: Setup) => setup === 'pharmacheck' && kind.startsWith('catalogue');
    for (const kind of KINDS) for (const setup of SETUPS) await load(browsers.get(setup)!.context, url(kind, n++), SETTLE_MS, noticed(kind, setup));
    for (let round = 0; round < rounds; round++) {
      for (const kind of KINDS) {
        const order = round % 2 === 0 ? SETUPS : [...SETUPS].reverse();
        for (const setup of order) {
          const sample = await load(browsers.get(setup)!.context, url(kind, n++), SETTLE_MS, noticed(kind, setup));
          const key = `${kind}/${setup}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }
    return {
      rounds,
      kinds: KINDS.map((kind) => ({
        kind,
        bytes: Buffer.byteLength(PAGES[kind]),
        medians: Object.fromEntries(SETUPS.map((setup) => {
          const list = samples.get(`${kind}/${setup}`) ?? [];
          const of = (key: keyof Sample) => median(list.map((s) => s[key]));
          return [setup, { loadMs: of('loadMs'), taskMs: of('taskMs'), scriptMs: of('scriptMs'), layoutMs: of('layoutMs'), styleMs: of('styleMs') }];
        })) as Record<Setup, Sample>,
      })),
    };
  } finally {
    for (const { context, dir } of browsers.values()) {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
    server.close();
  }
}

export function printPageLoad(result: PageLoadResult): void {
  console.log(`\nPage load with the caution verdict's first look, features script and notice, Chromium (medians of ${result.rounds} alternating rounds; Pharmacheck showed its notice on every catalogue load)`);
  console.log('page            size      load: Pharmacheck / bare / none      ratio vs bare   ratio vs none   main thread: Pharmacheck / bare / none   added vs bare');
  for (const { kind, bytes, medians: m } of result.kinds) {
    const kb = `${(bytes / 1024).toFixed(0)} KB`;
    console.log(
      `${kind.padEnd(15)} ${kb.padStart(8)}   ${m.pharmacheck.loadMs.toFixed(1).padStart(7)} / ${m.bare.loadMs.toFixed(1).padStart(6)} / ${m.none.loadMs.toFixed(1).padStart(6)} ms   ` +
        `${(m.pharmacheck.loadMs / m.bare.loadMs).toFixed(3).padStart(10)}   ${(m.pharmacheck.loadMs / m.none.loadMs).toFixed(3).padStart(13)}   ` +
        `${m.pharmacheck.taskMs.toFixed(1).padStart(9)} / ${m.bare.taskMs.toFixed(1).padStart(6)} / ${m.none.taskMs.toFixed(1).padStart(6)} ms   ${(m.pharmacheck.taskMs - m.bare.taskMs).toFixed(1).padStart(8)} ms`,
    );
  }
  console.log('Of the main-thread time added against the bare extension (medians): scripts / layout / style recalculation');
  for (const { kind, medians: m } of result.kinds) {
    const added = (key: keyof Sample) => (m.pharmacheck[key] - m.bare[key]).toFixed(1).padStart(7);
    console.log(`${kind.padEnd(15)} ${added('scriptMs')} / ${added('layoutMs')} / ${added('styleMs')} ms`);
  }
  console.log('Targets: load ratio against the bare extension at most 1.02; at most 5 ms of added main-thread time per page.');
}

// `node --import tsx bench/page-load.ts [rounds]` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) printPageLoad(await benchPageLoad(Number(process.argv[2] ?? 15)));
