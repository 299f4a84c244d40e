import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../../lib/i18n';
import { backgroundLanguage, onBackgroundLanguageChange } from '../../../lib/i18n/background';
import { writeLanguageSetting } from '../../../lib/i18n/setting';
import { serveCatalogues } from './catalogues';

beforeEach(async () => {
  serveCatalogues();
  await writeLanguageSetting('auto');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backgroundLanguage', () => {
  it('where a listener hears changes, reads the setting once, and again after it changed', async () => {
    const stop = onBackgroundLanguageChange(() => undefined);
    await writeLanguageSetting('fr');
    await vi.waitFor(async () => expect(await backgroundLanguage()).toBe('fr'));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await backgroundLanguage()).toBe('fr');
    expect(await backgroundLanguage()).toBe('fr');
    expect(get).not.toHaveBeenCalled();
    expect(t('actionTitle')).not.toBe('');

    await writeLanguageSetting('de');
    await vi.waitFor(async () => expect(await backgroundLanguage()).toBe('de'));
    expect(get).toHaveBeenCalled();
    stop();
  });

  it('where nothing listens, reads the setting at each call', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await writeLanguageSetting('it');
    expect(await backgroundLanguage()).toBe('it');
    await writeLanguageSetting('pl');
    expect(await backgroundLanguage()).toBe('pl');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('puts the language in use at each call, whatever was in use meanwhile', async () => {
    await writeLanguageSetting('en');
    await vi.waitFor(async () => expect(await backgroundLanguage()).toBe('en'));
    const english = t('actionTitle');
    await writeLanguageSetting('fr');
    await vi.waitFor(async () => expect(await backgroundLanguage()).toBe('fr'));
    expect(t('actionTitle')).not.toBe(english);
  });

  it('tells a listener once the new language is in use', async () => {
    await vi.waitFor(async () => expect(await backgroundLanguage()).not.toBe('es'));
    const heard: string[] = [];
    const stop = onBackgroundLanguageChange(() => heard.push(t('actionTitle')));
    await writeLanguageSetting('es');
    await vi.waitFor(() => expect(heard.length).toBeGreaterThan(0));
    expect(await backgroundLanguage()).toBe('es');
    expect(heard.at(-1)).toBe(t('actionTitle'));
    stop();
  });
});
