/**
 * The report page's address: `report.html?kind=<kind>[&signals=<id,id>]&url=<page address, raw>`.
 * The address comes last and is read back by slicing (an `&` in it would split a URLSearchParams
 * read). `signals` are the caution signals the popup saw, offered to the person to attach.
 */
import type { ReportKind } from '../../reports/schema';

const SIGNAL_ID = /^(?:name|page|logo)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_OFFERED = 24;

export function reportPageFor(reportPageUrl: string, kind: ReportKind, url: string, signals: readonly string[] = []): string {
  const offered = signals.filter((s) => SIGNAL_ID.test(s)).slice(0, MAX_OFFERED);
  return `${reportPageUrl}?kind=${kind}${offered.length ? `&signals=${offered.join(',')}` : ''}&url=${url}`;
}

export function readReportPage(href: string): { kind: ReportKind; url: string; signals: string[] } {
  const at = href.indexOf('&url=');
  const query = new URLSearchParams(href.slice(href.indexOf('?') + 1, at === -1 ? undefined : at));
  const kind = query.get('kind') === 'false-positive' ? 'false-positive' : 'suspicious-site';
  const signals = [...new Set((query.get('signals') ?? '').split(',').filter((s) => SIGNAL_ID.test(s)))].slice(0, MAX_OFFERED);
  return { kind, url: at === -1 ? '' : href.slice(at + '&url='.length), signals };
}
