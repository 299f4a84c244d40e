/**
 * Reporting on the options page: the hub reports go to, and the person's reports with their status
 * (queued, sent, refused with the hub's reason); queued and refused ones can be deleted.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, isolateLtr, t } from '../../i18n';
import type { OutboxItem } from '../../lists';
import { sendToBackground } from '../../messaging';
import { normalizeHubUrl } from '../../reports/hub-url';
import { reportHubSetting } from '../../reports/settings';
import { Domain } from '../Domain';
import { useHub } from '../report/useHub';

export function ReportingSection() {
  const hub = useHub();
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  const refresh = () => sendToBackground('ui-bg-outbox', {}).then(setItems, () => setItems([]));
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, []);

  const save = async () => {
    const value = (draft ?? hub ?? '').trim();
    if (value === '') {
      await reportHubSetting.setValue(null);
      setStatus(t('optionsHubCleared'));
      return;
    }
    const url = normalizeHubUrl(value);
    if (!url) {
      setStatus(t('optionsHubInvalid'));
      return;
    }
    await reportHubSetting.setValue(url);
    setDraft(null);
    setStatus(t('optionsHubSaved', isolateLtr(url)));
  };

  return (
    <section aria-labelledby="reporting-heading" class="reporting">
      <h2 id="reporting-heading">{t('optionsReportingHeading')}</h2>
      <form class="add-subscription" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label for="hub-url">{t('optionsHubLabel')}</label>
        <p id="hub-help">{t('optionsHubHelp')}</p>
        <input id="hub-url" type="url" dir="ltr" aria-describedby="hub-help" value={draft ?? hub ?? ''} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="button primary">{t('optionsHubSave')}</button>
        <p role="status" aria-live="polite" data-testid="hub-status">{status}</p>
      </form>
      <h3>{t('optionsReportsHeading')}</h3>
      {items.length === 0 ? (
        <p>{t('optionsReportsNone')}</p>
      ) : (
        <>
          <p>
            <button type="button" class="button secondary" onClick={() => void sendToBackground('ui-bg-outbox-retry', {}).then(setItems)}>
              {t('optionsReportsRetry')}
            </button>
          </p>
          <ul class="subscription-list">
            {items.map((item) => (
              <li key={item.key} class="subscription" data-report-key={item.key} data-status={item.status}>
                <h4 class="wrap"><Domain name={item.report.page} /></h4>
                <p>{statusText(item)}</p>
                {item.status !== 'sent' && (
                  <button
                    type="button"
                    class="button secondary"
                    aria-label={t('optionsReportDeleteOne', isolateLtr(item.report.page))}
                    onClick={() => void sendToBackground('ui-bg-outbox-delete', { key: item.key }).then(refresh)}
                  >
                    {t('optionsReportDelete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function statusText(item: OutboxItem): string {
  const created = formatDateTime(item.createdAt);
  if (item.status === 'sent') return t('optionsReportSent', created, item.receipt ? formatDateTime(item.receipt.receivedAt) : '');
  if (item.status === 'refused') return t('optionsReportRefused', created, item.lastError?.message ?? '');
  return item.lastError
    ? t('optionsReportRetrying', created, item.lastError.message, item.nextAttempt ? formatDateTime(item.nextAttempt) : '')
    : t('optionsReportQueued', created);
}
