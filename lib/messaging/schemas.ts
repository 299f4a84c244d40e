/** Request schemas of every message (see protocol.ts). Imported by the background only. */
import { z } from 'zod';
import { MAX_URL_LENGTH } from '../domain';

const url = z.string().min(1).max(MAX_URL_LENGTH);
const listId = z.string().min(1).max(64);

export const requestSchemas = {
  /** The verdict for a URL, with the details of each matching entry (warning page, popup). */
  'ui-bg-verdict': z.strictObject({ url }),
  /** The verdict for the page shown in a tab (popup). */
  'ui-bg-tab-verdict': z.strictObject({ tabId: z.number().int().nonnegative() }),
  /** The warning page inside a frame: a listed site was stopped there (lib/protection/frames.ts). */
  'ui-bg-frame-blocked': z.strictObject({ url }),
  /** "Proceed anyway": allow this URL's host for this browser session. */
  'ui-bg-proceed': z.strictObject({ url }),
  /** Every subscription with its list and update status (options page). */
  'ui-bg-subscriptions': z.strictObject({}),
  /** The directory of publishers in force (options page). */
  'ui-bg-directory': z.strictObject({}),
  /** Subscribe to a list: the URL of its latest.json and the publisher's public key. */
  'ui-bg-subscribe': z.strictObject({ url: z.string().min(1).max(2048), publicKey: z.string().min(1).max(2048) }),
  /** Remove a subscription the person added. */
  'ui-bg-unsubscribe': z.strictObject({ id: listId }),
  /** "Update now": one list, or all lists when no id is given. */
  'ui-bg-update-now': z.strictObject({ id: listId.optional() }),
  /** Queue a report and send it; the report itself is checked against lib/reports' schema. */
  'ui-bg-report-send': z.strictObject({ report: z.unknown() }),
  /** The reports the person sent, with their status. */
  'ui-bg-outbox': z.strictObject({}),
  /** Delete a queued or refused report. */
  'ui-bg-outbox-delete': z.strictObject({ key: z.uuid() }),
  /** Try every queued report again now. */
  'ui-bg-outbox-retry': z.strictObject({}),
} as const;

/**
 * Messages from Pharmacheck's own content script in the top frame of a web page (`cs-bg-…`). They
 * answer with nothing a page could use against the person: the notice to show, or nothing.
 */
export const contentRequestSchemas = {
  /** The notice for the page the notice content script was injected into (lib/protection/page-look.ts). */
  'cs-bg-notice': z.strictObject({}),
  /** "Dismiss" on the page notice: not again for this site in this browser session. */
  'cs-bg-notice-dismiss': z.strictObject({}),
  /** "What should I do?" on the page notice: opens the guide in a new tab. */
  'cs-bg-open-guide': z.strictObject({}),
} as const;

export const envelopeSchema = z.strictObject({ type: z.string().max(64), payload: z.unknown() });
