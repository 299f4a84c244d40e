import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATEGORIES, PUBLISHER_TYPES } from '../../../lib/lists';
import { categoryLabel, isWebUrl, publisherTypeLabel, verdictLabel } from '../../../lib/ui/labels';

const english = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  { message: string }
>;

describe('labels', () => {
  beforeEach(() => {
    // Like Chrome: the English message, or '' for an unknown key.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => english[key]?.message ?? '') as typeof fakeBrowser.i18n.getMessage);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(CATEGORIES)('labels the category %s', (category) => {
    expect(categoryLabel(category)).not.toBe('');
  });

  it('labels each category differently', () => {
    expect(new Set(CATEGORIES.map(categoryLabel)).size).toBe(CATEGORIES.length);
  });

  it.each(PUBLISHER_TYPES)('labels the publisher type %s', (type) => {
    expect(publisherTypeLabel(type)).not.toBe('');
  });

  it.each(['listed', 'caution', 'verified', 'unknown'] as const)('labels the verdict %s', (kind) => {
    expect(verdictLabel(kind)).not.toBe('');
  });
});

describe('isWebUrl', () => {
  it.each(['https://rogue.example/', 'http://rogue.example/a?b#c', 'HTTPS://ROGUE.EXAMPLE', 'http:rogue.example', '  https://rogue.example/'])(
    'accepts the web URL %j',
    (url) => {
      expect(isWebUrl(url)).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://rogue.example/6f1c',
    'file:///etc/passwd',
    'chrome://settings',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'about:blank',
    'ftp://rogue.example/',
    '//rogue.example/',
    '/relative',
    'rogue.example',
    'http://',
    '',
  ])('refuses %j', (url) => {
    expect(isWebUrl(url)).toBe(false);
  });
});
