import { describe, expect, it } from 'vitest';
import { warningPageFor } from '../../../lib/blocking';
import { urlToCheck } from '../../../lib/protection';

const WARNING = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html';

describe('urlToCheck', () => {
  it.each([
    'https://rogue.example/',
    'https://rogue.example/buy?a=1&b=2#top',
    'https://rogue.example/?url=https://cvs.example/',
  ])('checks the URL a warning page warns about (%j)', (url) => {
    expect(urlToCheck(warningPageFor(WARNING, url), WARNING)).toBe(url);
  });

  it.each([
    'https://rogue.example/',
    'chrome://newtab/',
    '',
    WARNING,
    `${WARNING}?tab=1&url=https://rogue.example/`,
    `https://rogue.example/?x=${WARNING}?url=https://cvs.example/`,
    `chrome-extension://otherextensionidotherextensionid/warning.html?url=https://rogue.example/`,
  ])('checks any other URL as it is (%j)', (url) => {
    expect(urlToCheck(url, WARNING)).toBe(url);
  });

  it('unwraps one warning page only', () => {
    const inner = warningPageFor(WARNING, 'https://rogue.example/');
    expect(urlToCheck(warningPageFor(WARNING, inner), WARNING)).toBe(inner);
  });
});
