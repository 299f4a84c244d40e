/** What the options page and the warning say about who vouches for a list, in English. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Vouch } from '../../../lib/lists';
import { notCountingText, vouchText } from '../../../lib/ui/trust';

const english = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** Like Chrome: the English message with its placeholders filled in, or '' for an unknown key. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const m = english[key];
  if (!m) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_all, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/, (_d, n: string) => subs[Number(n) - 1] ?? '');
  });
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
});
afterEach(() => vi.restoreAllMocks());

describe('vouchText', () => {
  it('names the publisher and its country when the directory vouches', () => {
    const vouch: Vouch = { by: 'directory', publisher: { id: 'fr-agency', name: 'Agence nationale', type: 'authority', country: 'FR' } };
    expect(vouchText(vouch)).toBe('The directory of publishers: Agence nationale (France)');
  });

  it.each<[Vouch, string]>([
    [{ by: 'policy' }, 'Your organisation’s policy'],
    [{ by: 'bundled' }, 'Pharmacheck (included with the extension)'],
    [{ by: 'person' }, 'You added this list; nobody else vouches for it'],
    [{ by: 'revoked', keyId: '0123456789abcdef', reason: 'lost', since: '2026-03-01T00:00:00Z' }, 'Nobody: its key was revoked'],
  ])('says who vouches: %j', (vouch, text) => {
    expect(vouchText(vouch)).toBe(text);
  });
});

describe('notCountingText', () => {
  it('says a revoked key’s list is not used, with the key, the reason and the date', () => {
    const text = notCountingText({ by: 'revoked', keyId: '0123456789abcdef', reason: 'compromised', since: '2026-03-01T00:00:00Z' }, 'block');
    expect(text).toBe('Nothing: the directory of publishers revoked its key 0123456789abcdef (compromised, since March 1, 2026). Sites on it are no longer blocked or verified because of it.');
  });

  it('says an allowlist a person added verifies nothing and lifts no warning', () => {
    expect(notCountingText({ by: 'person' }, 'allow')).toMatch(/^Nothing: a list of authorised pharmacies counts only when .* lifts no warning\.$/);
  });

  it('has nothing to say of a list that counts', () => {
    expect(notCountingText({ by: 'person' }, 'block')).toBeNull();
    expect(notCountingText({ by: 'directory', publisher: { id: 'r', name: 'R', type: 'register' } }, 'allow')).toBeNull();
  });
});
