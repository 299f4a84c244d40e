/**
 * The browser's side of a page look (lib/protection/page-look.ts): `scripting.executeScript`, the
 * same in Chrome and Firefox (MV3). The first look runs `readFirstLook` in the page's own world
 * (no isolated world is made for it); the caution content script is injected like any content
 * script, into an isolated world.
 */
import { browser } from 'wxt/browser';
import { readFirstLook } from '../caution/first-look';
import { CAUTION_SCRIPT, FIRST_LOOK_IDLE_MS, type PageAccess } from '../protection/page-look';

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
    async injectCaution(tabId) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CAUTION_SCRIPT] });
    },
  };
}
