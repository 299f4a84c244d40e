/**
 * The review page's script and style. From the source (a checkout, the tests) they are built when
 * the hub starts (a fraction of a second; no build step to forget, no stale bundle). In the
 * package, scripts/build-packages.ts puts the page built at pack time in this module's place.
 */
import { buildReviewPageNow, type PageAssets } from './build';

let cached: Promise<PageAssets> | null = null;

export function reviewPageAssets(): Promise<PageAssets> {
  cached ??= buildReviewPageNow();
  return cached;
}
