import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isFirstWakeOfSession, markSessionStarted } from '../../../lib/protection/session';

describe('the first wake of a browser session', () => {
  it('is the first wake until the session is marked started, and not after', async () => {
    expect(await isFirstWakeOfSession()).toBe(true);
    expect(await isFirstWakeOfSession()).toBe(true);
    await markSessionStarted();
    expect(await isFirstWakeOfSession()).toBe(false);
  });

  it('comes again when session storage is emptied (a browser restart, an extension update)', async () => {
    await markSessionStarted();
    await fakeBrowser.storage.session.clear();
    expect(await isFirstWakeOfSession()).toBe(true);
  });

  it('is kept in session storage, not in local storage that outlives the browser', async () => {
    await markSessionStarted();
    expect(Object.keys(await fakeBrowser.storage.local.get())).toEqual([]);
    expect(await fakeBrowser.storage.session.get('started')).toEqual({ started: true });
  });
});
