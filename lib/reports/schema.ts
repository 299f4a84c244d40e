/**
 * The report the extension sends to a hub (`POST /v1/reports`), and the hub's answers. One schema
 * for both ends, so a report the extension's form accepts is exactly one the hub stores.
 *
 * Only what the person chose to send: the page address (or the domain they trimmed it to), reasons
 * they ticked, an optional comment, and a contact e-mail only with their explicit consent.
 */
import { z } from 'zod';
import { reportTarget } from './target';

/** The reasons a person can tick, in the order the form shows them. */
export const REPORT_REASONS = [
  'no-prescription',
  'prices-too-low',
  'no-address-or-licence',
  'fake-or-missing-eu-logo',
  'came-from-spam',
  'harmed-or-suspicious-product',
  'other',
] as const;
export const reportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof reportReasonSchema>;

/** A site that looks illegal, or a warning that is a mistake (the site is legitimate). */
export const REPORT_KINDS = ['suspicious-site', 'false-positive'] as const;
export const reportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof reportKindSchema>;

export const MAX_PAGE_LENGTH = 4096;
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_EMAIL_LENGTH = 254;

/**
 * Free text that PostgreSQL can store unchanged: no NUL (text columns refuse it) and no lone
 * UTF-16 surrogate (it would silently become U+FFFD on the way to UTF-8).
 */
function storableText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .refine((s) => !/\p{Surrogate}/u.test(s), 'must be well-formed Unicode');
}

export const reportPageSchema = storableText(MAX_PAGE_LENGTH)
  .min(1)
  .refine((page) => reportTarget(page) !== null, 'must be an http(s) address or a domain that can be registered');

/** `<family>.<rule>` as lib/caution names its signals. */
const SIGNAL_ID = /^(?:name|page|logo)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SIGNALS = 24;

export const reportContactSchema = z.strictObject({
  email: z.email().max(MAX_EMAIL_LENGTH),
  /** The person ticked "you may contact me"; without it no address is sent at all. */
  consent: z.literal(true),
});

export const reportSchema = z
  .strictObject({
    /** Chosen by the extension when the report enters its outbox; the hub stores each key once. */
    idempotencyKey: z.uuid(),
    kind: reportKindSchema,
    page: reportPageSchema,
    reasons: z.array(reportReasonSchema).max(REPORT_REASONS.length),
    comment: storableText(MAX_COMMENT_LENGTH).optional(),
    contact: reportContactSchema.optional(),
    /**
     * The caution signals the person chose to attach: their ids only (lib/caution), never page
     * content. A hub that does not know an id still stores it as given.
     */
    signals: z.array(z.string().regex(SIGNAL_ID, 'a signal id is <family>.<rule>')).max(MAX_SIGNALS).optional(),
    extensionVersion: z.string().regex(/^\d{1,9}(?:\.\d{1,9}){0,3}$/, 'a version is 1 to 4 dot-separated numbers'),
    /** When the person sent it (their clock); the hub also records when it arrived. */
    createdAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((report, ctx) => {
    if (report.signals && new Set(report.signals).size !== report.signals.length) {
      ctx.addIssue({ code: 'custom', path: ['signals'], message: 'a signal is given twice' });
    }
    if (new Set(report.reasons).size !== report.reasons.length) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'a reason is given twice' });
    }
    // A warning that is a mistake needs no reason ticked; a suspicious site needs at least one.
    if (report.kind === 'suspicious-site' && report.reasons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'tick at least one reason' });
    }
  });
export type Report = z.infer<typeof reportSchema>;

/**
 * The hub's answer to a stored report: 201 the first time, 200 with the same body on a repeat.
 * Not strict: a newer hub may add fields, and an older extension must still take the receipt.
 */
export const reportReceiptSchema = z.object({
  id: z.number().int().positive(),
  idempotencyKey: z.uuid(),
  domain: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ReportReceipt = z.infer<typeof reportReceiptSchema>;

/**
 * Why the hub refused a request, machine-readable. A 4xx is permanent for that report (the outbox
 * shows it and stops retrying), except `rate-limited` and 5xx/503, which are worth a retry.
 */
export const HUB_ERROR_CODES = [
  'body-too-large',
  'unsupported-media-type',
  'malformed-json',
  'invalid-report',
  'invalid-request',
  'idempotency-key-reused',
  'origin-not-allowed',
  'rate-limited',
  'unauthorized',
  'token-expired',
  'forbidden',
  'not-found',
  'conflict',
  'unavailable',
  'internal',
] as const;
export const hubErrorSchema = z.object({
  error: z.enum(HUB_ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];
export type HubErrorBody = z.infer<typeof hubErrorSchema>;

/** Whether the outbox should try again later (true) or show a permanent refusal (false). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
