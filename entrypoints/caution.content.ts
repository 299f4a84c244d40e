import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../lib/content';

// The caution verdict's eyes in the page (lib/content): never declared in the manifest. The
// background injects it (scripting.executeScript) into a loaded page's top frame only when that
// page passed the first look (lib/protection/page-look.ts): a declared content script, even an empty
// one, made Chromium build an isolated world for every page and held each load back by about 45%
// (bench/page-load.ts). `matches` only tells WXT which hosts it needs, already the extension's.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main() {
    watchPage();
  },
});
