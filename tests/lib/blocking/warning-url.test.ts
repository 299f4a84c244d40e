import { describe, expect, it } from 'vitest';
import { originalUrlFromWarning, warningPageFor } from '../../../lib/blocking';

const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html';

describe('originalUrlFromWarning', () => {
  it.each([
    'https://rogue.example/',
    'https://rogue.example/buy?a=1&b=2',
    'https://rogue.example/buy?next=/cart?x=1&url=https://other.example/#section',
    'https://rogue.example/#fragment',
    'http://rogue.example/path%20with%20escapes?q=%26&r=?',
    'https://rogue.example/?url=https://cvs.example/',
    '',
  ])('gives back %j unchanged, with every &, ? and #', (url) => {
    expect(originalUrlFromWarning(`${PAGE}?url=${url}`)).toBe(url);
  });

  it('round-trips with warningPageFor', () => {
    const url = 'https://rogue.example/a?b=1&c=2#d';
    expect(originalUrlFromWarning(warningPageFor(PAGE, url))).toBe(url);
    expect(warningPageFor(PAGE, url)).toBe(`${PAGE}?url=${url}`);
  });

  it.each([PAGE, `${PAGE}?`, `${PAGE}?foo=1&url=https://rogue.example/`, `${PAGE}#url=https://rogue.example/`, `${PAGE}?URL=https://rogue.example/`, ''])(
    'gives null without ?url= (%j)',
    (href) => {
      expect(originalUrlFromWarning(href)).toBeNull();
    },
  );
});
