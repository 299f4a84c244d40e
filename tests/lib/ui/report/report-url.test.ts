/** The report page's address carries the kind and the page address, raw, and reads them back. */
import { describe, expect, it } from 'vitest';
import { REPORT_KINDS, type ReportKind } from '../../../../lib/reports';
import { readReportPage, reportPageFor } from '../../../../lib/ui/report/report-url';

const PAGE = 'chrome-extension://abcdefghijklmnop/report.html';

const addresses = [
  'https://rogue.example/',
  'https://shop.rogue.example/cart?item=1&qty=2',
  'https://rogue.example/search?q=a%20b&next=/x?y=1',
  'https://rogue.example/p#reviews&rating=5',
  'https://rogue.example/a%20b/?q=%26%3D%23#frag?x=1&y=2',
  'https://rogue.example/?kind=false-positive&url=https://other.example/',
];

describe('the report page address', () => {
  it.each(REPORT_KINDS.flatMap((kind) => addresses.map((url) => [kind, url] as [ReportKind, string])))('carries %s and %s there and back unchanged', (kind, url) => {
    expect(readReportPage(reportPageFor(PAGE, kind, url))).toEqual({ kind, url, signals: [] });
  });

  it.each(addresses)('reads %s back after the browser has parsed the address', (url) => {
    const href = new URL(reportPageFor('moz-extension://4b0c1a4e-0000-4000-8000-000000000000/report.html', 'false-positive', url)).href;
    expect(readReportPage(href)).toEqual({ kind: 'false-positive', url, signals: [] });
  });

  it('puts the kind first and the page address last, as typed', () => {
    expect(reportPageFor(PAGE, 'suspicious-site', 'https://rogue.example/?a=1&b=2')).toBe(`${PAGE}?kind=suspicious-site&url=https://rogue.example/?a=1&b=2`);
  });

  it.each([
    ['an unknown kind', `${PAGE}?kind=scam&url=https://rogue.example/`],
    ['an empty kind', `${PAGE}?kind=&url=https://rogue.example/`],
    ['no kind', `${PAGE}?x=1&url=https://rogue.example/`],
    ['a kind in another case', `${PAGE}?kind=FALSE-POSITIVE&url=https://rogue.example/`],
  ])('reads %s as a suspicious site', (_what, href) => {
    expect(readReportPage(href)).toEqual({ kind: 'suspicious-site', url: 'https://rogue.example/', signals: [] });
  });

  it('reads no page address when there is no &url=', () => {
    expect(readReportPage(`${PAGE}?kind=false-positive`)).toEqual({ kind: 'false-positive', url: '', signals: [] });
    expect(readReportPage(`${PAGE}?kind=false-positive&link=https://rogue.example/`)).toEqual({ kind: 'false-positive', url: '', signals: [] });
    expect(readReportPage(PAGE)).toEqual({ kind: 'suspicious-site', url: '', signals: [] });
  });

  it('does not take a kind hidden in the page address', () => {
    expect(readReportPage(reportPageFor(PAGE, 'suspicious-site', 'https://rogue.example/?kind=false-positive'))).toEqual({
      kind: 'suspicious-site',
      url: 'https://rogue.example/?kind=false-positive',
      signals: [],
    });
    expect(readReportPage(`${PAGE}?from=popup&url=https://rogue.example/?a=1&kind=false-positive`)).toEqual({
      kind: 'suspicious-site',
      url: 'https://rogue.example/?a=1&kind=false-positive',
      signals: [],
    });
  });

  it('offers the caution signals of the popup, keeping only well-formed ids', () => {
    const href = reportPageFor(PAGE, 'suspicious-site', 'https://rogue.example/?a=1&signals=x', ['page.no-prescription', 'logo.not-a-register', 'bad id', '']);
    expect(href).toBe(`${PAGE}?kind=suspicious-site&signals=page.no-prescription,logo.not-a-register&url=https://rogue.example/?a=1&signals=x`);
    expect(readReportPage(href)).toEqual({ kind: 'suspicious-site', url: 'https://rogue.example/?a=1&signals=x', signals: ['page.no-prescription', 'logo.not-a-register'] });
    expect(readReportPage(`${PAGE}?kind=suspicious-site&signals=page.a,<b>,page.a&url=https://rogue.example/`).signals).toEqual(['page.a']);
  });
});
