import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDate, t } from '../../../lib/i18n';

describe('t', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('translated');
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks browser.i18n for the key, with the substitutions in order', () => {
    expect(t('warningListedBy', 'rogue.example', 'List')).toBe('translated');
    expect(fakeBrowser.i18n.getMessage).toHaveBeenCalledWith('warningListedBy', ['rogue.example', 'List']);
  });

  it('passes an empty substitution list when there is none', () => {
    t('actionTitle');
    expect(fakeBrowser.i18n.getMessage).toHaveBeenCalledWith('actionTitle', []);
  });
});

describe('formatDate', () => {
  it.each<[string, string, string]>([
    ['2026-11-22', 'en', 'November 22, 2026'],
    ['2026-11-22', 'fr', '22 novembre 2026'],
    ['2026-01-01', 'en', 'January 1, 2026'],
    // A date-time is shown in UTC, so a list's date reads the same everywhere.
    ['2026-11-22T23:30:00Z', 'en', 'November 22, 2026'],
    ['2026-11-22T00:30:00+01:00', 'en', 'November 21, 2026'],
  ])('writes %s in %s as %j', (date, language, expected) => {
    expect(formatDate(date, language)).toBe(expected);
  });

  it.each(['', 'yesterday', '2026-13-45', 'NaN'])('gives back %j unchanged when it is not a date', (value) => {
    expect(formatDate(value, 'en')).toBe(value);
  });
});
