import { describe, expect, it } from 'vitest';
import { argumentsOf, formatMessage, formatParts, MessageSyntaxError, parseMessage, pluralBranches, printMessage } from '../../../lib/i18n/format';

const format = (message: string, args: Record<string, string | number>, language = 'en') => formatMessage(parseMessage(message), args, language);
const LISTS = '{count, plural, =0 {No list} one {# list} other {# lists}}';

describe('formatMessage', () => {
  it('puts named arguments in place', () => {
    expect(format('Listed as {domain} by “{list}”', { domain: 'rogue.example', list: 'Agency' })).toBe('Listed as rogue.example by “Agency”');
  });

  it('writes a number argument as the language writes numbers', () => {
    expect(format('{n} sites', { n: 1234567 }, 'en')).toBe('1,234,567 sites');
    expect(format('{n} sites', { n: 1234567 }, 'de')).toBe('1.234.567 sites');
    expect(format('{n} sites', { n: 1234567 }, 'fr')).toBe('1\u202f234\u202f567 sites');
  });

  it.each<[number, string]>([
    [0, 'No list'],
    [1, '1 list'],
    [2, '2 lists'],
    [1000, '1,000 lists'],
  ])('picks the plural branch for %i: %j', (count, expected) => {
    expect(format(LISTS, { count })).toBe(expected);
  });

  it("follows each language's plural rules (Arabic has six forms)", () => {
    const arabic = '{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => format(arabic, { n }, 'ar'))).toEqual(['z', 'o', 't', 'f', 'm', 'x']);
    // French counts 0 and 1 as "one"; English only 1.
    const french = '{n, plural, one {o} other {x}}';
    expect([0, 1, 2].map((n) => format(french, { n }, 'fr'))).toEqual(['o', 'o', 'x']);
    expect([0, 1, 2].map((n) => format(french, { n }, 'en'))).toEqual(['x', 'o', 'x']);
  });

  it('nests arguments inside plural branches, and writes # outside a plural as it is', () => {
    expect(format('#{count, plural, one {{name} has # entry} other {{name} has # entries}}', { count: 3, name: 'List' })).toBe('#List has 3 entries');
  });

  it('selects a branch by value, "other" when none matches', () => {
    const message = '{kind, select, block {Blocklist} allow {Register} other {List}}';
    expect(['block', 'allow', 'weird'].map((kind) => format(message, { kind }))).toEqual(['Blocklist', 'Register', 'List']);
  });

  it("keeps apostrophes in words and quotes only before braces, as ICU's default mode", () => {
    expect(format("the authority's site, l'autorité", {})).toBe("the authority's site, l'autorité");
    expect(format("a '{literal}' brace, and '' one apostrophe", {})).toBe("a {literal} brace, and ' one apostrophe");
  });

  it('leaves an argument that was not given empty rather than fail', () => {
    expect(format('[{missing}]', {})).toBe('[]');
  });

  it('passes elements through as parts, with the text around them', () => {
    const element = { element: true };
    expect(formatParts(parseMessage('On {list} as {domain}.'), { domain: element, list: 'L' }, 'en')).toEqual(['On L as ', element, '.']);
  });
});

describe('parseMessage refuses a broken message, saying where', () => {
  it.each([
    ['an unclosed argument', 'Hello {name'],
    ['an unmatched brace', 'Hello }'],
    ['a plural without other', '{n, plural, one {x}}'],
    ['an unknown type', '{n, date}'],
    ['a branch given twice', '{n, plural, one {a} one {b} other {c}}'],
    ['an unclosed quote', "a '{ never closed"],
    ['a branch without braces', '{n, plural, one x other {y}}'],
  ])('%s', (_, message) => {
    expect(() => parseMessage(message)).toThrow(MessageSyntaxError);
  });
});

describe('what a message uses', () => {
  it('lists its arguments and how each is used', () => {
    expect([...argumentsOf(parseMessage('{site}: {count, plural, one {# {what}} other {#}}'))]).toEqual([
      ['site', 'text'],
      ['count', 'plural'],
      ['what', 'text'],
    ]);
  });

  it('lists the branches of each plural', () => {
    expect(pluralBranches(parseMessage(LISTS))).toEqual([['=0', 'one', 'other']]);
  });

  it('prints a message back so that it parses to the same thing', () => {
    for (const message of [LISTS, "it's '{x}' {a, select, b {#} other {y}}", '{n, plural, one {a # b} other {c}}']) {
      expect(parseMessage(printMessage(parseMessage(message)))).toEqual(parseMessage(message));
    }
  });
});
