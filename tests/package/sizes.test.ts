/**
 * The pages stay light: the JavaScript the popup and the warning page load before they render is
 * under 60 KB gzipped in both packages (list data is not JavaScript and not counted). The options
 * page has no budget of its own; its size is printed with the others by `npm run zip`.
 */
import { describe, expect, it } from 'vitest';
import { entrySize } from '../../scripts/sizes';
import { BUILD_DIRS, BUILD_NAMES, readManifest } from './support/builds';

const BUDGET_GZIPPED = 60 * 1024;

describe.each(BUILD_NAMES)('the %s package', (build) => {
  it.each(['popup', 'warning'])('loads under 60 KB of JavaScript (gzipped) for the %s page', (page) => {
    readManifest(build); // a clear message when the build is missing
    const size = entrySize(BUILD_DIRS[build], page);
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzipped).toBeLessThan(BUDGET_GZIPPED);
  });
});
