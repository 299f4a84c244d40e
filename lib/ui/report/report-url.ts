/**
 * The report page's address: `report.html?kind=<kind>&url=<page address, raw>`. The address comes
 * last and is read back by slicing (an `&` in it would split a URLSearchParams read).
 */
import type { ReportKind } from '../../reports/schema';

export function reportPageFor(reportPageUrl: string, kind: ReportKind, url: string): string {
  return `${reportPageUrl}?kind=${kind}&url=${url}`;
}

export function readReportPage(href: string): { kind: ReportKind; url: string } {
  const at = href.indexOf('&url=');
  const query = href.slice(href.indexOf('?') + 1, at === -1 ? undefined : at);
  const kind = new URLSearchParams(query).get('kind') === 'false-positive' ? 'false-positive' : 'suspicious-site';
  return { kind, url: at === -1 ? '' : href.slice(at + '&url='.length) };
}
