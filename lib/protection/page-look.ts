/**
 * How the caution verdict looks at a page, from the background: no content script is declared, so a
 * page gets none of the browser's cost of one (an isolated world made for every page, which held
 * every page load back by about 45%: bench/page-load.ts). When a page in a tab's top frame has
 * loaded (webNavigation.onCompleted), and only when no list has a verdict for it:
 *
 * 1. the first look reads the title, top headings and start of the text in the page's own world
 *    (`scripting.executeScript` with `readFirstLook` as `func`, world MAIN: no isolated world),
 *    in the browser's idle time; the answer comes back to the background, which checks it with a
 *    schema and judges it (`firstLookPasses`);
 * 2. only a page that passes gets the features script (`entrypoints/features.ts`, also in the
 *    page's own world, in idle time): it extracts the page's bounded features
 *    (lib/caution/extract.ts) and gives them back as its result. The background checks them with
 *    their schema, takes the page's address from the navigation (never from what the page says)
 *    and judges them (`judge`: the badge and the popup follow);
 * 3. only where the background's judgement calls for a notice (strong signs, not dismissed for the
 *    site) does the page get the notice content script (`entrypoints/caution.content.ts`, in an
 *    isolated world like any content script, which the page's own scripts cannot reach): it asks
 *    the background for the notice (`cs-bg-notice`) and shows it in a closed shadow root.
 *
 * The page's own scripts can change what the DOM answers to the first two steps; what comes back is
 * only ever a claim about the page itself, checked by a schema, and a page that hid its words from
 * them could as well have hidden them from the eye. Nothing here leaves the device: the answers are
 * read in the background, and only the assessment is kept, for the tab (docs/privacy.md).
 */
import { z } from 'zod';
import { FIRST_LOOK_LIMITS, firstLookPasses } from '../caution/first-look';
import { pageFeaturesSchema } from '../caution/schema';
import { cut } from '../caution/text';
import { FEATURE_LIMITS, type PageFeatures } from '../caution/types';
import { isWebUrl } from '../domain';

/** The features script as the build writes it (an unlisted script whose result is the features). */
export const FEATURES_SCRIPT = '/features.js';
/** The notice content script as the build writes it (`registration: 'runtime'`). */
export const NOTICE_SCRIPT = '/content-scripts/caution.js';
/** How long the first look and the features script may wait for the browser's idle time after load. */
export const FIRST_LOOK_IDLE_MS = 3_000;

export const firstLookTextSchema = z.object({
  title: z.string().max(FIRST_LOOK_LIMITS.title),
  headings: z.string().max(FIRST_LOOK_LIMITS.headings),
  text: z.string().max(FIRST_LOOK_LIMITS.text),
}).strict();

/** What a page look needs of the browser; the real one is lib/platform/page-access.ts. */
export interface PageAccess {
  /** Runs the first look in the tab's top frame; its raw answer, or a rejection when the page is gone or not ours to read. */
  firstLook(tabId: number): Promise<unknown>;
  /** Runs the features script in the tab's top frame; its raw answer, or a rejection. */
  extract(tabId: number): Promise<unknown>;
  /** Injects the notice content script into the tab's top frame. */
  injectNotice(tabId: number): Promise<void>;
}

export type LookOutcome =
  /** Not a web page, or a list has a verdict: nothing was read. */
  | 'skipped'
  /** The page could not be read (closed, navigated away, a browser page) or answered out of shape. */
  | 'unreadable'
  /** Read, and not about medicines: nothing more runs in it. */
  | 'passed-by'
  /** About medicines: its features were judged, and no notice is called for. */
  | 'judged'
  /** Judged, with strong signs: the notice content script was injected. */
  | 'noticed';

export interface PageLookOptions {
  readonly access: PageAccess;
  /** True when no list has a verdict for `url` (listed and verified pages are never looked at). */
  readonly unlisted: (url: string) => Promise<boolean>;
  /** Judges a page's checked features (their `url` is the navigation's); true when the page should get the notice. */
  readonly judge: (tabId: number, url: string, features: PageFeatures) => Promise<boolean>;
}

/** Looks at one loaded page; never throws (a page that fails to answer simply gets no look). */
export async function lookAtPage(tabId: number, url: string, options: PageLookOptions): Promise<LookOutcome> {
  if (!isWebUrl(url) || !(await options.unlisted(url).catch(() => false))) return 'skipped';
  let answer: unknown;
  try {
    answer = await options.access.firstLook(tabId);
  } catch {
    return 'unreadable';
  }
  const read = firstLookTextSchema.safeParse(answer);
  if (!read.success) return 'unreadable';
  if (!firstLookPasses(read.data, url)) return 'passed-by';
  let raw: unknown;
  try {
    raw = await options.access.extract(tabId);
  } catch {
    return 'unreadable';
  }
  const features = pageFeaturesSchema.safeParse(raw);
  if (!features.success) return 'unreadable';
  let notice: boolean;
  try {
    notice = await options.judge(tabId, url, { ...features.data, url: cut(url, FEATURE_LIMITS.url) });
  } catch {
    return 'unreadable';
  }
  if (!notice) return 'judged';
  try {
    await options.access.injectNotice(tabId);
  } catch {
    return 'unreadable';
  }
  return 'noticed';
}
