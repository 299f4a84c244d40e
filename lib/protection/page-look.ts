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
 * 2. only a page that passes gets the caution content script (`entrypoints/caution.content.ts`,
 *    registered at run time, in an isolated world like any content script): it extracts the page's
 *    bounded features, sends them by message (checked as ever, lib/messaging/background.ts) and
 *    shows the notice in a closed shadow root when the background answers with one.
 *
 * Nothing here leaves the device: the first look's answer is a few strings that the background
 * drops once judged (docs/privacy.md).
 */
import { z } from 'zod';
import { FIRST_LOOK_LIMITS, firstLookPasses } from '../caution/first-look';
import { isWebUrl } from '../domain';

/** The caution content script as the build writes it (`registration: 'runtime'`). */
export const CAUTION_SCRIPT = '/content-scripts/caution.js';
/** How long the first look may wait for the browser's idle time after load. */
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
  /** Injects the caution content script into the tab's top frame. */
  injectCaution(tabId: number): Promise<void>;
}

export type LookOutcome =
  /** Not a web page, or a list has a verdict: nothing was read. */
  | 'skipped'
  /** The page could not be read (closed, navigated away, a browser page) or answered out of shape. */
  | 'unreadable'
  /** Read, and not about medicines: nothing more runs in it. */
  | 'passed-by'
  /** Read, about medicines: the caution content script was injected. */
  | 'looked-closely';

export interface PageLookOptions {
  readonly access: PageAccess;
  /** True when no list has a verdict for `url` (listed and verified pages are never looked at). */
  readonly unlisted: (url: string) => Promise<boolean>;
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
  try {
    await options.access.injectCaution(tabId);
  } catch {
    return 'unreadable';
  }
  return 'looked-closely';
}
