/**
 * The browser's side of a page look (lib/protection/page-look.ts): `scripting.executeScript`, the
 * same in Chrome and Firefox (MV3). The first look (`readFirstLook`) and the features script run in
 * the page's own world, where no isolated world has to be made, and give back their answers as the
 * injection's result; the notice content script is injected like any content script, into an
 * isolated world, and only into a page that gets the notice.
 */
import { browser } from 'wxt/browser';
import { readFirstLook } from '../caution/first-look';
import { FEATURES_SCRIPT, FIRST_LOOK_IDLE_MS, NOTICE_SCRIPT, type PageAccess } from '../protection/page-look';

export function browserPageAccess(): PageAccess {
  return {
    async firstLook(tabId) {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        world: 'MAIN',
        func: readFirstLook,
        args: [null, FIRST_LOOK_IDLE_MS],
      });
      return frame?.result;
    },
    async extract(tabId) {
      const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: 'MAIN', files: [FEATURES_SCRIPT] });
      return frame?.result;
    },
    async injectNotice(tabId) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [NOTICE_SCRIPT] });
    },
  };
}
