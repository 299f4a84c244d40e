/**
 * The features script as the build wrote it (lib/protection/page-look.ts runs it in the page's own
 * world): run here in a fresh JavaScript context whose globals are a parsed page's window, as the
 * page's world would give them, it must answer with the page's features as its completion value,
 * leave nothing behind in the page's global scope, and need no extension API (the page's world has
 * none).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageFeaturesSchema } from '../../lib/caution';
import { FEATURES_SCRIPT } from '../../lib/protection/page-look';
import { BUILD_DIRS, BUILD_NAMES } from './support/builds';

const PAGE = `<!doctype html><html lang="en"><head><title>Online pharmacy</title></head><body><h1>Buy tramadol</h1>
<p>No prescription needed. We accept Bitcoin.</p><footer><a href="https://register.example/entry"><img src="/eu-logo.png" alt="EU logo"></a></footer></body></html>`;

function pageWorld(idle: boolean) {
  const { window, document } = parseHTML(PAGE);
  const globals: Record<string, unknown> = { document, window, setTimeout, URL, console };
  if (idle) globals.requestIdleCallback = (job: () => void) => setTimeout(job, 0);
  const context = createContext(globals);
  return { context, before: new Set(Object.keys(context)) };
}

describe.each(BUILD_NAMES)('the %s features script', (build) => {
  const source = readFileSync(join(BUILD_DIRS[build], FEATURES_SCRIPT.slice(1)), 'utf8');

  it.each([true, false])('answers with the page’s features and leaves no global behind (requestIdleCallback: %s)', async (idle) => {
    const { context, before } = pageWorld(idle);
    const result = (await runInContext(source, context)) as unknown;
    const features = pageFeaturesSchema.parse(result);
    expect(features).toMatchObject({ lang: 'en', title: 'Online pharmacy', headings: ['Buy tramadol'] });
    expect(features.text).toContain('No prescription needed');
    expect(features.images).toEqual([expect.objectContaining({ alt: 'EU logo', linkHref: 'https://register.example/entry' })]);
    expect(Object.keys(context).filter((key) => !before.has(key))).toEqual([]);
  });

  it('brings no extension API and no polyfill into the page', () => {
    expect(source).not.toMatch(/chrome\.runtime|browser\.runtime|webextension-polyfill|should only be loaded in a browser extension/);
  });
});
