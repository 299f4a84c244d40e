import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../lib/content';

// The caution verdict's eyes in the page (lib/content): after load, in idle time, top frame only.
// Injected at document_start, which costs the page nothing (the script only adds a load listener):
// with document_idle, Chromium 156 held each page's load event back until the idle injection,
// 100–250 ms after DOMContentLoaded (bench/page-load.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    watchPage();
  },
});
