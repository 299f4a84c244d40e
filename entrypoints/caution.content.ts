import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../lib/content';

// The caution verdict's eyes in the page (lib/content): after load, in idle time, top frame only.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    watchPage();
  },
});
