/**
 * What a report carries, in the categories of Firefox's built-in data consent (addons.mozilla.org's
 * taxonomy): the Firefox manifest declares these as optional data collection, and the report form
 * asks Firefox for the ones a report holds before it is sent (lib/platform/data-consent.ts).
 */
import type { Report } from './schema';

/** Every category a report can carry, as the Firefox manifest declares them (wxt.config.ts). */
export const REPORT_DATA_CATEGORIES = ['browsingActivity', 'personalCommunications', 'personallyIdentifyingInfo', 'websiteContent'] as const;
export type ReportDataCategory = (typeof REPORT_DATA_CATEGORIES)[number];

export function reportDataCategories(report: Pick<Report, 'comment' | 'contact' | 'signals'>): ReportDataCategory[] {
  return [
    // The address of the reported page: a site the person visited.
    'browsingActivity',
    // A comment the person wrote to the authority.
    ...(report.comment?.trim() ? (['personalCommunications'] as const) : []),
    // An e-mail address, only when the person agreed to be contacted.
    ...(report.contact ? (['personallyIdentifyingInfo'] as const) : []),
    // The names of the caution signs Pharmacheck saw on the page, when the person attaches them.
    ...(report.signals?.length ? (['websiteContent'] as const) : []),
  ];
}
