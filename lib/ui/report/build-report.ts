/** From the form's fields to exactly the report that will be sent (shown in the preview). */
import { reportSchema, reportTarget, type Report, type ReportKind, type ReportReason } from '../../reports';

export interface ReportForm {
  readonly kind: ReportKind;
  readonly page: string;
  readonly domainOnly: boolean;
  readonly reasons: readonly ReportReason[];
  readonly comment: string;
  readonly email: string;
  readonly consent: boolean;
}

export type Built = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly problems: readonly string[] };

/** Only what the person typed or ticked; the key and time identify this one report. */
export function buildReport(form: ReportForm, key: string, createdAt: string, extensionVersion: string): Built {
  const target = reportTarget(form.page);
  const page = form.domainOnly && target ? target.domain : form.page.trim();
  const candidate = {
    idempotencyKey: key,
    kind: form.kind,
    page,
    reasons: [...form.reasons],
    ...(form.comment.trim() ? { comment: form.comment.trim() } : {}),
    ...(form.email.trim() && form.consent ? { contact: { email: form.email.trim(), consent: true as const } } : {}),
    extensionVersion,
    createdAt,
  };
  const parsed = reportSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, report: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.path[0]?.toString() ?? 'report') };
}
