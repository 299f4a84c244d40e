import { describe, expect, it } from 'vitest';
import { CATEGORIES, PUBLISHER_TYPES } from '../../../lib/lists';
import { categoryLabel, isWebUrl, publisherTypeLabel, verdictLabel } from '../../../lib/ui/labels';

// The English catalogue is in use (tests/setup-unit.ts); a key it lacks would come back as the key itself.
describe('labels', () => {
  it.each(CATEGORIES)('labels the category %s', (category) => {
    expect(categoryLabel(category)).not.toMatch(/^category_|^$/);
  });

  it('labels categories in words', () => {
    expect(categoryLabel('illegal-pharmacy')).toBe('Illegal online pharmacy');
  });

  it('labels each category differently', () => {
    expect(new Set(CATEGORIES.map(categoryLabel)).size).toBe(CATEGORIES.length);
  });

  it.each(PUBLISHER_TYPES)('labels the publisher type %s', (type) => {
    expect(publisherTypeLabel(type)).not.toMatch(/^publisherType_|^$/);
  });

  it.each(['listed', 'caution', 'verified', 'unknown'] as const)('labels the verdict %s', (kind) => {
    expect(verdictLabel(kind)).not.toMatch(/^verdictLabel_|^$/);
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
