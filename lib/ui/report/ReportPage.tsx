/**
 * "Report this site" / "This warning is a mistake": a short form, a preview of exactly what will
 * be sent, the outbox's answer, and the national authority's own channel with a summary to copy.
 */
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatList, t, type MessageKey } from '../../i18n';
import { sendToBackground } from '../../messaging';
import { requestDataConsent } from '../../platform/data-consent';
import { REPORT_REASONS, reportDataCategories, reportTarget, trimmedPage, type ReportReason } from '../../reports';
import { Domain, Sentence } from '../Domain';
import { useGuidance } from '../guidance/useGuidance';
import { buildReport, type ReportForm } from './build-report';
import { readReportPage } from './report-url';
import { useHub } from './useHub';

const reasonLabel = (r: ReportReason) => t(`reportReason_${r.replaceAll('-', '_')}` as MessageKey);

export function ReportPage({ href }: { href: string }) {
  const initial = useMemo(() => readReportPage(href), [href]);
  const [form, setForm] = useState<ReportForm>({ kind: initial.kind, page: initial.url, domainOnly: false, fullAddress: false, reasons: [], comment: '', email: '', consent: false, signals: initial.signals, attachSignals: false });
  const [key] = useState(() => crypto.randomUUID());
  const [createdAt] = useState(() => new Date().toISOString());
  const [result, setResult] = useState<{ kind: 'queued' | 'sent' | 'refused' | 'error'; text: string } | null>(null);
  const hub = useHub();
  const guidance = useGuidance();
  const built = buildReport(form, key, createdAt, browser.runtime.getManifest().version);
  const target = reportTarget(form.page);
  const set = (patch: Partial<ReportForm>) => setForm({ ...form, ...patch });
  const heading = form.kind === 'false-positive' ? t('reportMistakeHeading') : t('reportHeading');

  const send = async () => {
    if (!built.ok) return;
    // Firefox's data consent for what this report carries; nothing is queued without it.
    if (!(await requestDataConsent(reportDataCategories(built.report)))) {
      setResult({ kind: 'error', text: t('reportConsentRefused') });
      return;
    }
    const answer = await sendToBackground('ui-bg-report-send', { report: built.report });
    if (!answer.ok) setResult({ kind: 'error', text: answer.message });
    else if (answer.item.status === 'sent') setResult({ kind: 'sent', text: t('reportSent') });
    else if (answer.item.status === 'refused') setResult({ kind: 'refused', text: t('reportRefused', answer.item.lastError?.message ?? '') });
    else setResult({ kind: 'queued', text: t('reportQueued') });
  };

  const summary = [
    `${t('reportSummarySite')}: ${built.ok ? built.report.page : form.page}`,
    `${t('reportSummaryReasons')}: ${form.reasons.length ? formatList(form.reasons.map(reasonLabel)) : '—'}`,
    ...(form.comment.trim() ? [`${t('reportSummaryComment')}: ${form.comment.trim()}`] : []),
  ].join('\n');
  const authority = guidance.status === 'ready' ? guidance.country.authority : null;

  return (
    <main class="page report">
      <h1>{heading}</h1>
      <p>{form.kind === 'false-positive' ? t('reportMistakeIntro') : t('reportIntro')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} aria-describedby="report-privacy">
        <label for="report-page">{t('reportPageLabel')}</label>
        <input id="report-page" type="text" dir="ltr" value={form.page} maxLength={4096} onInput={(e) => set({ page: e.currentTarget.value })} />
        {target && (
          <label class="check">
            <input type="checkbox" checked={form.domainOnly} onChange={(e) => set({ domainOnly: e.currentTarget.checked })} />
            <Sentence k="reportDomainOnly" args={[<Domain name={target.domain} />]} />
          </label>
        )}
        {!form.domainOnly && trimmedPage(form.page) !== form.page.trim() && (
          <label class="check">
            <input type="checkbox" checked={form.fullAddress} onChange={(e) => set({ fullAddress: e.currentTarget.checked })} />
            <Sentence k="reportFullAddress" args={[<bdi dir="ltr">{trimmedPage(form.page)}</bdi>]} />
          </label>
        )}
        <fieldset>
          <legend>{form.kind === 'false-positive' ? t('reportReasonsOptional') : t('reportReasonsLegend')}</legend>
          {REPORT_REASONS.map((reason) => (
            <label class="check" key={reason}>
              <input
                type="checkbox"
                checked={form.reasons.includes(reason)}
                onChange={(e) => set({ reasons: e.currentTarget.checked ? [...form.reasons, reason] : form.reasons.filter((r) => r !== reason) })}
              />
              {reasonLabel(reason)}
            </label>
          ))}
        </fieldset>
        {form.signals.length > 0 && (
          <label class="check">
            <input type="checkbox" checked={form.attachSignals} onChange={(e) => set({ attachSignals: e.currentTarget.checked })} />
            {t('reportAttachSignals', form.signals.join(', '))}
          </label>
        )}
        <label for="report-comment">{t('reportCommentLabel')}</label>
        <textarea id="report-comment" rows={4} maxLength={2000} value={form.comment} onInput={(e) => set({ comment: e.currentTarget.value })} />
        <label for="report-email">{t('reportEmailLabel')}</label>
        <input id="report-email" type="email" dir="ltr" value={form.email} maxLength={254} autocomplete="email" onInput={(e) => set({ email: e.currentTarget.value })} />
        <label class="check">
          <input type="checkbox" checked={form.consent} onChange={(e) => set({ consent: e.currentTarget.checked })} />
          {t('reportConsent')}
        </label>
        <p id="report-privacy">{t('reportPrivacy')}</p>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('reportPreviewHeading')}</h2>
          {hub ? <p><Sentence k="reportPreviewTo" args={[<Domain name={hub} />]} /></p> : <p>{t('reportNoHub')}</p>}
          {built.ok ? (
            <pre class="preview" data-testid="report-preview" dir="ltr" tabIndex={0}>{JSON.stringify(built.report, null, 2)}</pre>
          ) : (
            <p role="alert">{t('reportIncomplete', formatList(built.problems))}</p>
          )}
        </section>
        <button type="submit" class="button primary" disabled={!built.ok || !hub || result?.kind === 'sent' || result?.kind === 'queued'}>
          {t('reportSend')}
        </button>
        <p role="status" aria-live="polite" data-testid="report-result" data-result={result?.kind ?? ''}>
          {result?.text ?? ''}
        </p>
      </form>
      <section aria-labelledby="official-heading">
        <h2 id="official-heading">{t('reportOfficialHeading')}</h2>
        {authority?.reportUrl ? (
          <p>
            <a href={authority.reportUrl} target="_blank" rel="noopener noreferrer">{t('reportOfficialLink', authority.authority ?? authority.iso2)}</a>
            {authority.verificationStatus !== 'verified' && <> {t('reportOfficialUnverified')}</>}
          </p>
        ) : (
          <p>{t('reportOfficialNone')}</p>
        )}
        <label for="report-summary">{t('reportSummaryLabel')}</label>
        <textarea id="report-summary" readOnly rows={4} value={summary} />
        <button type="button" class="button secondary" onClick={() => void navigator.clipboard.writeText(summary)}>
          {t('reportCopy')}
        </button>
      </section>
    </main>
  );
}
