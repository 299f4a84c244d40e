/** Where reports go: the hub setting, and the hub's base URL as the outbox stores it. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normalizeHubUrl, REPORTS_PATH } from '../../../lib/reports';
import { reportHubSetting } from '../../../lib/reports/settings';

describe('the report hub setting', () => {
  it('names no hub until one is set', async () => {
    expect(await reportHubSetting.getValue()).toBeNull();
  });

  it('keeps the hub in local extension storage', async () => {
    await reportHubSetting.setValue('https://hub.example');
    expect(await reportHubSetting.getValue()).toBe('https://hub.example');
    expect(await fakeBrowser.storage.local.get('reportHub')).toEqual({ reportHub: 'https://hub.example' });
  });
});

describe('normalizeHubUrl', () => {
  it.each([
    ['https://hub.example', 'https://hub.example'],
    ['https://hub.example/', 'https://hub.example'],
    ['  https://hub.example/  ', 'https://hub.example'],
    ['\u00a0https://hub.example/\u00a0', 'https://hub.example'],
    ['HTTPS://Hub.EXAMPLE/authority/', 'https://hub.example/authority'],
    ['https://hub.example/authority///', 'https://hub.example/authority'],
    ['https://hub.example:443/', 'https://hub.example'],
    ['https://hub.example:8443/', 'https://hub.example:8443'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://127.1.2.3/', 'http://127.1.2.3'],
    ['https://xn--80aaouxs.xn--p1ai/', 'https://xn--80aaouxs.xn--p1ai'],
    ['https://аптека.рф/', 'https://xn--80aaouxs.xn--p1ai'],
  ])('reads %j as %j', (input, base) => {
    expect(normalizeHubUrl(input)).toBe(base);
  });

  it('gives a base the reports path can be appended to', () => {
    const base = normalizeHubUrl('https://hub.example/authority/');
    expect(new URL(`${base}${REPORTS_PATH}`).pathname).toBe('/authority/v1/reports');
  });

  it.each([
    ['an empty string', ''],
    ['blanks', '   '],
    ['a bare domain', 'hub.example'],
    ['a relative path', '/v1/reports'],
    ['ftp', 'ftp://x'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/plain,hub'],
    ['plain http to a hub elsewhere (reports never travel in clear text)', 'http://hub.example/'],
    ['plain http to a private address', 'http://192.168.1.10:8787/'],
    ['plain http to a name that merely starts like loopback', 'http://127.0.0.1.hub.example/'],
    ['a user and password', 'https://user:pw@hub.example'],
    ['a user alone', 'https://user@hub.example/'],
    ['a password alone', 'https://:pw@hub.example/'],
    ['a query', 'https://hub.example/?token=secret'],
    ['a query after a path', 'https://hub.example/authority?x=1'],
    ['an empty query', 'https://hub.example/?'],
    ['a fragment', 'https://hub.example/#reports'],
    ['an empty fragment', 'https://hub.example/#'],
    ['no host', 'https://'],
    ['text', 'not a url'],
  ])('refuses %s (%j)', (_what, input) => {
    expect(normalizeHubUrl(input)).toBeNull();
  });
});
