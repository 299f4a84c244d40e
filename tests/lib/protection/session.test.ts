import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isFirstWakeOfSession, markSessionStarted, startFirstWakeCheck } from '../../../lib/protection/session';

describe('the first wake of a browser session', () => {
  afterEach(() => vi.restoreAllMocks());

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

  it('begun at the script\'s first lines (startFirstWakeCheck), is taken once by the next check; the one after reads anew', async () => {
    startFirstWakeCheck();
    startFirstWakeCheck();
    // Begun before the session was marked started: it says what storage said then, once.
    await markSessionStarted();
    expect(await isFirstWakeOfSession()).toBe(true);
    expect(await isFirstWakeOfSession()).toBe(false);
    expect(await isFirstWakeOfSession()).toBe(false);
  });

  it('begun and failed, hands its failure to the check that takes it, and raises nothing before', async () => {
    const failure = new Error('storage.session is unavailable');
    const reading = vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(failure);
    startFirstWakeCheck();
    // Unhandled rejections fail the run (vitest): a turn of the event loop passes untaken.
    await new Promise((resolve) => setTimeout(resolve, 10));
    reading.mockRestore();
    await expect(isFirstWakeOfSession()).rejects.toThrow(failure);
    expect(await isFirstWakeOfSession()).toBe(true);
  });
});
