/**
 * `npm start` (after the build): shows the extension working on the bundled default list.
 *
 * Without a display (CI, a server) it runs a short headless demo: visits an unlisted site and a
 * listed one on a local server, saves screenshots to artifacts/demo/, and prints what happened,
 * including how many requests reached the listed site (zero). With a display (DISPLAY set and
 * PHARMACHECK_HEADLESS unset) it opens a visible Chromium with the extension and leaves it to you.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, waitForRules } from '../tests/e2e/support/chromium';
import { badgeFor, openPopupFor, WarningPage } from '../tests/e2e/support/pages';
import { startSiteServer } from '../tests/e2e/support/site-server';

const OUT = resolve('artifacts/demo');
const LISTED = '1-pharm.com';
const UNLISTED = 'safe-pharmacy.example';

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY) && !process.env.PHARMACHECK_HEADLESS;
  mkdirSync(OUT, { recursive: true });
  const server = await startSiteServer();
  const browser = await launchWithExtension({ headless: !headed });
  const rules = await waitForRules(browser);
  console.log(`Extension ${browser.extensionId} loaded: ${rules} blocking rule(s) from the bundled list.`);

  const page = await browser.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${server.origin(UNLISTED)}/`);
  await page.screenshot({ path: `${OUT}/1-unlisted-site.png` });
  console.log(`1. ${UNLISTED} (not listed) loaded normally.            -> artifacts/demo/1-unlisted-site.png`);

  await page.goto(`${server.origin(LISTED)}/cheap-pills?offer=1`);
  await new WarningPage(page).ready();
  await page.screenshot({ path: `${OUT}/2-listed-site-warning.png`, fullPage: true });
  const reached = server.requests(LISTED).length;
  console.log(`2. ${LISTED} (listed) was stopped before loading: ${reached} request(s) reached it. -> artifacts/demo/2-listed-site-warning.png`);

  const badge = await badgeFor(browser, browser.url('warning.html'));
  const popup = await openPopupFor(browser, badge.tabId);
  await popup.page.setViewportSize({ width: 420, height: 360 });
  await popup.page.screenshot({ path: `${OUT}/3-popup-listed.png` });
  console.log(`3. Badge "${badge.text}" (${badge.title}); popup verdict: ${popup.verdict}. -> artifacts/demo/3-popup-listed.png`);

  if (headed) {
    console.log('The browser stays open with the extension loaded; close it to finish.');
    await new Promise((resolveClose) => browser.context.on('close', resolveClose));
  } else {
    await browser.close({ removeProfile: true });
  }
  await server.close();
  if (reached !== 0) {
    console.error('The listed site received requests: protection is not working.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
