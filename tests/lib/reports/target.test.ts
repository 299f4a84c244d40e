import { describe, expect, it } from 'vitest';
import { reportTarget } from '../../../lib/reports';

describe('what a report is about', () => {
  it.each([
    ['https://shop.rogue.co.uk/x?y=1', 'shop.rogue.co.uk', 'rogue.co.uk'],
    ['HTTP://WWW.Rogue-Pharmacy.EXAMPLE./', 'www.rogue-pharmacy.example', 'rogue-pharmacy.example'],
    ['https://user:pw@rogue.example:8443/p', 'rogue.example', 'rogue.example'],
    ['rogue.example', 'rogue.example', 'rogue.example'],
    ['  a.b.rogue.example  ', 'a.b.rogue.example', 'rogue.example'],
    ['https://pills.blogspot.com/', 'pills.blogspot.com', 'pills.blogspot.com'],
    ['https://аптека.рф/', 'xn--80aaouxs.xn--p1ai', 'xn--80aaouxs.xn--p1ai'],
  ])('reads %s as host %s, domain %s', (page, host, domain) => {
    expect(reportTarget(page)).toEqual({ host, domain });
  });

  it.each(['', 'co.uk', 'com', 'blogspot.com', 'http://192.168.0.1/', 'http://[::1]/', 'ftp://rogue.example/', 'javascript:alert(1)', 'rogue.example/path', 'not a domain'])(
    'finds nothing to list in %j',
    (page) => {
      expect(reportTarget(page)).toBeNull();
    },
  );
});
