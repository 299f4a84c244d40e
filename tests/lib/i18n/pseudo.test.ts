import { describe, expect, it } from 'vitest';
import en from '../../../data/guidance/en.json';
import { argumentsOf, parseMessage } from '../../../lib/i18n/format';
import { PSEUDO_GROWTH, pseudoGuidance, pseudoMessage, pseudoText } from '../../../lib/i18n/pseudo';
import { parseGuidance } from '../../../lib/guidance';

describe('the pseudo-locale', () => {
  it('accents every letter it can, keeps the words, and makes the text at least 40% longer, in brackets', () => {
    const text = 'Back to safety';
    const pseudo = pseudoText(text);
    expect(pseudo).toMatch(/^\[.*\]$/);
    expect(pseudo.slice(1, text.length + 1)).toBe('Báçķ ţó šáfêţý'.replace('ê', 'é'));
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.ceil(text.length * (1 + PSEUDO_GROWTH)));
  });

  it('leaves arguments and plural branches alone', () => {
    const message = 'Listed as {domain}: {count, plural, one {# list} other {# lists}}';
    const pseudo = pseudoMessage(message);
    expect([...argumentsOf(parseMessage(pseudo))]).toEqual([...argumentsOf(parseMessage(message))]);
    expect(pseudo).toContain('{domain}');
    expect(pseudo).toContain('one {');
    expect(pseudo).not.toContain('Listed');
  });

  it('makes guidance that the schema accepts, with URLs and article numbers untouched', () => {
    const guidance = parseGuidance(pseudoGuidance(en), 'en-XA');
    expect(guidance.law.conventionUrl).toBe(en.law.conventionUrl);
    expect(guidance.categories['illegal-pharmacy'].articles).toEqual(en.categories['illegal-pharmacy'].articles);
    expect(guidance.guide.title).not.toBe(en.guide.title);
    expect(guidance.law.articles['5']).toMatch(/^\[/);
  });
});
