import { launchWithExtension, waitForRules } from './tests/e2e/support/chromium';
const b = await launchWithExtension();
await waitForRules(b);
const page = await b.newPage();
await page.goto(b.url('options.html'));
await new Promise((r) => setTimeout(r, 1000));
const cdp = await b.context.newCDPSession(page);
const versions: any[] = [];
cdp.on('ServiceWorker.workerVersionUpdated', (e: any) => versions.push(...e.versions));
await cdp.send('ServiceWorker.enable');
await new Promise((r) => setTimeout(r, 300));
for (let i = 0; i < 5; i++) {
  const v = versions.filter((v) => v.scriptURL.includes('background')).at(-1);
  await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await new Promise((r) => setTimeout(r, 500));
  const r = await page.evaluate(async () => { const s = performance.now(); const x = await chrome.runtime.sendMessage({ type: 'ui-bg-verdict', payload: { url: 'https://1-pharm.com/' } }); return [performance.now() - s, x.verdict]; });
  await new Promise((r) => setTimeout(r, 200));
  console.log(r, JSON.stringify((await page.evaluate(() => chrome.storage.session.get('timings'))).timings.wake));
}
await b.close({ removeProfile: true });
