import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPageNotice } from '../lib/content';

// The caution notice in the page (lib/content): never declared in the manifest. The background
// injects it (scripting.executeScript) into a loaded page's top frame only when it judged that
// page's features to show strong signs (lib/protection/page-look.ts): a declared content script,
// even an empty one, made Chromium build an isolated world for every page and held each load back
// by about 45% (bench/page-load.ts). `matches` only tells WXT which hosts it needs, already the
// extension's.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main() {
    void showPageNotice();
  },
});
