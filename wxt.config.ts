import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import bundled from './data/lists/bundled.json';

// Extension pages may only run the extension's own scripts; nothing remote, no eval, never framed
// (the warning page is web-accessible so that declarativeNetRequest can redirect to it, and
// frame-ancestors stops a site from framing it to trick a click on "Proceed anyway").
const extensionPagesCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "style-src 'self'",
  "connect-src 'self'",
].join('; ');

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The bundled lists live in data/ (with their provenance) and ship as files the background
    // reads on first run, so they never weigh on the service worker's own script.
    'build:publicAssets': (_wxt, files) => {
      for (const { file } of bundled) files.push({ absoluteSrc: resolve('data', file), relativeDest: file });
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['declarativeNetRequest', 'storage'],
    // Redirect rules only act on hosts the extension may access; every web site must be checked.
    host_permissions: ['http://*/*', 'https://*/*'],
    web_accessible_resources: [{ resources: ['warning.html'], matches: ['http://*/*', 'https://*/*'] }],
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: { extension_pages: extensionPagesCsp },
  },
});
