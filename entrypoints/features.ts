import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractFeatures } from '../lib/caution/extract';

// The caution verdict's closer look (lib/protection/page-look.ts): the background runs this file
// in the page's own world (scripting.executeScript, world MAIN) only when the page passed the first
// look, and reads its result: the page's bounded features, in the browser's idle time. Anonymous
// (`globalName: false`): nothing is left in the page's global scope. The idle timeout is
// FIRST_LOOK_IDLE_MS's, written out: importing lib/protection/page-look.ts would bring zod into the page.
export default defineUnlistedScript({
  globalName: false,
  main: () =>
    new Promise((resolve) => {
      const extract = () => resolve(extractFeatures(document));
      if (typeof requestIdleCallback === 'function') requestIdleCallback(extract, { timeout: 3_000 });
      else setTimeout(extract, 0);
    }),
});
