/** Request schemas of every message (see protocol.ts). Imported by the background only. */
import { z } from 'zod';
import { MAX_URL_LENGTH } from '../domain';

const url = z.string().min(1).max(MAX_URL_LENGTH);

export const requestSchemas = {
  /** The verdict for a URL, with the details of each matching entry (warning page, popup). */
  'ui-bg-verdict': z.strictObject({ url }),
  /** The verdict for the page shown in a tab (popup). */
  'ui-bg-tab-verdict': z.strictObject({ tabId: z.number().int().nonnegative() }),
  /** "Proceed anyway": allow this URL's host for this browser session. */
  'ui-bg-proceed': z.strictObject({ url }),
} as const;

export const envelopeSchema = z.strictObject({ type: z.string().max(64), payload: z.unknown() });
