import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import bundled from './data/lists/bundled.json';
import { GUIDANCE_ASSETS } from './lib/guidance/assets';
import { compileCatalogue } from './lib/i18n/compile';
import { LANGUAGES } from './lib/i18n/languages';
import { stampBundledLists } from './lib/protection/bundled';
import { SITE_ORIGINS } from './lib/platform/origins';
import { REPORT_DATA_CATEGORIES } from './lib/reports/data-categories';
import { DIRECTORY_ASSETS, directoryRootSchema, shippedDirectory } from './lib/trust';

// Extension pages may only run the extension's own scripts; nothing remote, no eval. No
// frame-ancestors: the redirect rule sends a listed site's frame to the warning page, which must
// then show in it. Only warning.html is web-accessible, and inside a frame it shows two sentences
// and nothing to click (lib/ui/FrameNotice.tsx), so a framing page has no "Proceed anyway" to trick.
const extensionPagesCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' data:",
  "style-src 'self'",
  // Lists are downloaded from the URLs a person subscribed to (any web server; signatures, not
  // transport, protect their content) and reports go to the hub the person chose.
  "connect-src 'self' https: http:",
].join('; ');

// Firefox only (Chrome warns about keys it does not know). The id keeps storage and the
// moz-extension origin stable across updates; 140 is the first ESR with built-in data-collection
// consent (Firefox for Android reads the declaration from 142). Nothing is required: protection
// sends nothing about a person. A report, which a person chooses to send, carries optional data
// (the page address, a comment, an e-mail address: lib/reports/data-categories.ts), which the
// report form asks Firefox for before sending (lib/platform/data-consent.ts).
const firefoxSettings = {
  gecko: {
    id: 'pharmacheck@pharmacheck.eu',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'], optional: [...REPORT_DATA_CATEGORIES] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  imports: false,
  // PHARMACHECK_OUT_DIR lets a benchmark or a second checkout build beside another build.
  outDir: process.env.PHARMACHECK_OUT_DIR ?? '.output',
  // MV3 for Firefox too: it blocks with the same declarativeNetRequest rules as Chrome (README, "Firefox").
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // The sources archive Firefox's reviewers rebuild from (README, "Packages"): what the build
  // reads, without screenshots, benchmarks, the hub server or tests.
  zip: { excludeSources: ['artifacts/**', 'bench/**', 'server/**', 'tests/**'] },
  hooks: {
    // The bundled lists live in data/ (with their provenance) and ship as files the background
    // reads on first run, so they never weigh on the service worker's own script. Each build renews
    // their validity from its own date (lib/protection/bundled.ts): SOURCE_DATE_EPOCH when set
    // (reproducible builds, README "Packages"), else now.
    'build:publicAssets': async (_wxt, files) => {
      const epoch = process.env.SOURCE_DATE_EPOCH;
      const builtAt = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
      const stamped = stampBundledLists(bundled, (file) => readFileSync(resolve('data', file), 'utf8'), builtAt);
      for (const { path, contents } of stamped.files) files.push({ contents, relativeDest: path });
      // Guidance and authorities too: a page fetches only the person's language, not all five.
      for (const file of GUIDANCE_ASSETS) files.push({ absoluteSrc: resolve('data', file), relativeDest: file });
      // Message catalogues: each page fetches only its language's (lib/i18n/load.ts).
      const readLocale = (code: string) => JSON.parse(readFileSync(resolve('locales', `${code}.json`), 'utf8')) as Record<string, unknown>;
      const english = readLocale('en');
      for (const { code } of LANGUAGES) {
        if (!existsSync(resolve('locales', `${code}.json`))) continue;
        const { catalogue, missing } = compileCatalogue(code, readLocale(code), english);
        if (missing.length > 0) console.warn(`locales/${code}.json lacks ${missing.length} message(s), shipped in English: ${missing.slice(0, 5).join(', ')}`);
        files.push({ contents: JSON.stringify(catalogue), relativeDest: `messages/${code}.json` });
      }
      // The directory of publishers and its pinned keys ship as signed, never restamped (only a
      // directory key can sign it): a build whose directory does not verify with them fails here.
      const read = (path: string) => readFileSync(resolve('data', path), 'utf8');
      await shippedDirectory({ root: directoryRootSchema.parse(JSON.parse(read(DIRECTORY_ASSETS.root))), text: read(DIRECTORY_ASSETS.directory), signature: read(DIRECTORY_ASSETS.signature) }, builtAt);
      for (const path of Object.values(DIRECTORY_ASSETS)) files.push({ absoluteSrc: resolve('data', path), relativeDest: path });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') Object.assign(manifest, { browser_specific_settings: firefoxSettings });
      // Organisations preinstall lists through managed storage (lib/protection/policy.ts); Firefox
      // reads enterprise policies without a schema key in the manifest.
      else Object.assign(manifest, { storage: { managed_schema: 'managed-schema.json' } });
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webNavigation and browsingData: a listed site that a service worker serves from its cache
    // never reaches the rules; the commit sends the tab to the warning page and the site's workers
    // and caches are removed (lib/protection/service-workers.ts, README "Permissions").
    // webNavigation also tells when a page has loaded, and scripting lets the caution verdict look at
    // it then (lib/protection/page-look.ts) without a content script declared for every page.
    permissions: ['declarativeNetRequestWithHostAccess', 'storage', 'alarms', 'webNavigation', 'browsingData', 'scripting'],
    // Redirect rules only act on hosts the extension may access; every web site must be checked.
    host_permissions: [...SITE_ORIGINS],
    web_accessible_resources: [{ resources: ['warning.html'], matches: ['http://*/*', 'https://*/*'] }],
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    content_security_policy: { extension_pages: extensionPagesCsp },
  },
});
