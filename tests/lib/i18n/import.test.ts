import { describe, expect, it } from 'vitest';
import { chromeToCatalogue, convertMessage, placeholderOrder } from '../../../lib/i18n/import';
import { parseMessage } from '../../../lib/i18n/format';

describe('npm run i18n:import', () => {
  it.each([
    ['Listed as $DOMAIN$ by “$LIST$”', 'Listed as {domain} by “{list}”'],
    ['Costs $$5', 'Costs $5'],
    ["the authority's site", "the authority's site"],
    ['a {brace}', "a '{'brace'}'"],
    ["'$NAME$'", "''{name}'"],
  ])('turns %j into %j', (chrome, catalogue) => {
    expect(convertMessage(chrome)).toBe(catalogue);
    expect(() => parseMessage(catalogue)).not.toThrow();
  });

  it('orders placeholders by their $n', () => {
    expect(placeholderOrder({ message: '', placeholders: { list: { content: '$2' }, DOMAIN: { content: '$1' } } })).toEqual(['domain', 'list']);
  });

  it('adds new keys with their description and placeholders, and keeps what the catalogue already says', () => {
    const chrome = {
      kept: { message: 'Old text' },
      added: { message: 'On $LIST$', description: 'Where it is', placeholders: { list: { content: '$1', example: 'Agency' } } },
    };
    const current = { '@@locale': 'en', kept: '{count, plural, one {# new} other {# new}}', '@kept': { description: 'd', placeholders: { count: {} } } };
    const result = chromeToCatalogue(chrome, current, null, false);
    expect(result.added).toEqual(['added']);
    expect(result.differing).toEqual(['kept']);
    expect(result.catalogue.kept).toBe(current.kept);
    expect(result.catalogue.added).toBe('On {list}');
    expect(result.catalogue['@added']).toEqual({ description: 'Where it is', placeholders: { list: { example: 'Agency' } } });
    expect(chromeToCatalogue(chrome, current, null, true).catalogue.kept).toBe('Old text');
  });

  it('writes no metadata into a translation', () => {
    const result = chromeToCatalogue({ added: { message: 'Sur $LIST$', placeholders: { list: { content: '$1' } } } }, { '@@locale': 'fr' }, { '@@locale': 'en' }, false);
    expect(result.catalogue).toEqual({ '@@locale': 'fr', added: 'Sur {list}' });
  });
});
