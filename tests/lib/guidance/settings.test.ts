import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCountrySetting, watchCountrySetting, writeCountrySetting } from '../../../lib/guidance';

describe('the country setting', () => {
  it('is automatic until the person chooses', async () => {
    expect(await readCountrySetting()).toBe('auto');
  });

  it('keeps a chosen country in local extension storage', async () => {
    await writeCountrySetting('FR');
    expect(await readCountrySetting()).toBe('FR');
    expect(await fakeBrowser.storage.local.get('guidanceCountry')).toEqual({ guidanceCountry: 'FR' });
    await writeCountrySetting('other');
    expect(await readCountrySetting()).toBe('other');
  });

  it('reads a damaged stored value as automatic', async () => {
    await fakeBrowser.storage.local.set({ guidanceCountry: { country: 'FR' } });
    expect(await readCountrySetting()).toBe('auto');
  });

  it('refuses to store anything but a setting', async () => {
    await expect(writeCountrySetting('france')).rejects.toThrow('not a country setting: france');
    expect(await fakeBrowser.storage.local.get('guidanceCountry')).toEqual({});
  });

  it('tells open pages when the setting changes', async () => {
    const seen = vi.fn();
    const unwatch = watchCountrySetting(seen);
    await writeCountrySetting('DE');
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith('DE'));
    unwatch();
    await writeCountrySetting('GB');
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
