/** Labels and dates as the review page shows them. */
import type { ReportKind, ReportReason } from '../../lib/reports/schema';

export const REASON_LABELS: Record<ReportReason, string> = {
  'no-prescription': 'Sells prescription medicines without prescription',
  'prices-too-low': 'Prices far too low',
  'no-address-or-licence': 'No address or licence',
  'fake-or-missing-eu-logo': 'Fake or missing EU logo',
  'came-from-spam': 'Came from spam',
  'harmed-or-suspicious-product': 'Harmed, or the product was suspicious',
  other: 'Other',
};

export const KIND_LABELS: Record<ReportKind, string> = {
  'suspicious-site': 'Suspicious site',
  'false-positive': 'Warning is a mistake',
};

export const CATEGORY_LABELS: Record<string, string> = {
  'illegal-pharmacy': 'Illegal pharmacy',
  'falsified-medicines': 'Falsified medicines',
  'unauthorised-medicines': 'Unauthorised medicines',
  'pharmacy-spam': 'Pharmacy spam',
  fraud: 'Fraud',
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export const OUTCOME_LABELS: Record<'complete' | 'truncated' | 'timeout' | 'refused' | 'failed', string> = {
  complete: 'complete',
  truncated: 'cut at the size limit',
  timeout: 'timed out (what arrived is kept)',
  refused: 'refused by the address rules',
  failed: 'failed',
};

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
