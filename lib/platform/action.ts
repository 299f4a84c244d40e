/** The toolbar button's API: `action` in MV3 (both builds today), `browserAction` in an MV2 build. */
import { browser } from 'wxt/browser';

export function actionApi(): typeof browser.action {
  const api = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return (api.action ?? api.browserAction)!;
}
