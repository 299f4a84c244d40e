/** From the form's fields to exactly the report that will be sent (shown in the preview). */
import { reportSchema, reportTarget, trimmedPage, type Report, type ReportKind, type ReportReason } from '../../reports';

export interface ReportForm {
  readonly kind: ReportKind;
  readonly page: string;
  readonly domainOnly: boolean;
  /** Keep the query, fragment and user-info of the address (trimmed by default: lib/reports/target.ts). */
  readonly fullAddress: boolean;
  readonly reasons: readonly ReportReason[];
  readonly comment: string;
  readonly email: string;
  readonly consent: boolean;
  /** The caution signals offered (from the popup), and whether the person attaches them. */
  readonly signals: readonly string[];
  readonly attachSignals: boolean;
}

export type Built = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly problems: readonly string[] };

/** Only what the person typed or ticked; the key and time identify this one report. */
export function buildReport(form: ReportForm, key: string, createdAt: string, extensionVersion: string): Built {
  const target = reportTarget(form.page);
  const page = form.domainOnly && target ? target.domain : form.fullAddress ? form.page.trim() : trimmedPage(form.page);
  const candidate = {
    idempotencyKey: key,
    kind: form.kind,
    page,
    reasons: [...form.reasons],
    ...(form.comment.trim() ? { comment: form.comment.trim() } : {}),
    ...(form.email.trim() && form.consent ? { contact: { email: form.email.trim(), consent: true as const } } : {}),
    ...(form.attachSignals && form.signals.length > 0 ? { signals: [...form.signals] } : {}),
    extensionVersion,
    createdAt,
  };
  const parsed = reportSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, report: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.path[0]?.toString() ?? 'report') };
}
