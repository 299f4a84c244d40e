/**
 * Plain language, measured: Flesch Reading Ease (lib/i18n/readability.ts) over the English UI
 * strings and the English guidance. 60 is where Flesch's "plain English" band starts (60–70,
 * readable by 13- to 15-year-olds); the guidance is held to 65 and the warning's first screen,
 * which a person reads in a hurry, to 70 ("fairly easy"). Measured when these tests were written:
 * UI 68.7, guidance 71.8. Other languages have no comparable formula; their translators follow the
 * same rules (short sentences, common words), and the 30-word sentence limit applies to all.
 */
import { describe, expect, it } from 'vitest';
import guidance from '../../data/guidance/en.json';
import english from '../../locales/en.json';
import { messagesOf } from '../../lib/i18n/compile';
import { mapText, parseMessage } from '../../lib/i18n/format';
import { readability } from '../../lib/i18n/readability';

const messages = messagesOf(english);

/** A message's own words, without its argument names or plural syntax. */
function words(message: string): string {
  const parts: string[] = [];
  mapText(parseMessage(message), (text) => (parts.push(text), text));
  return parts.join(' ');
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return /^https:/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('plain English', () => {
  it('the UI strings score at least 60', () => {
    expect(readability(Object.values(messages).map(words)).score).toBeGreaterThanOrEqual(60);
  });

  it('the guidance scores at least 65', () => {
    expect(readability(strings(guidance)).score).toBeGreaterThanOrEqual(65);
  });

  it("the warning's first screen scores at least 70", () => {
    const firstScreen = ['warningHeading', 'warningLead', 'backToSafety', 'warningDetails'] as const;
    expect(readability(firstScreen.map((key) => words(messages[key]!))).score).toBeGreaterThanOrEqual(70);
  });

  it('scores legal prose low (the measure can fail)', () => {
    const legal = [
      'Each Party shall take the necessary legislative and other measures to establish as offences under its domestic law the intentional manufacturing of counterfeit medical products, active substances, excipients, parts, materials and accessories.',
    ];
    expect(readability(legal).score).toBeLessThan(30);
    expect(readability(['Do not buy here.']).score).toBeGreaterThan(90);
  });
});
