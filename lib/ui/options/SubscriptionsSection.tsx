/**
 * Subscriptions on the options page: each list's name, publisher, who vouches for it and what it
 * counts as, kind, version, entry count, last successful update and last error; "Update now";
 * adding a list by URL and public key; removing a list the person added; the directory of
 * publishers in force.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatDateTime, formatNumber, t } from '../../i18n';
import { sendToBackground, type DirectoryView, type SubscriptionView } from '../../messaging';
import { Domain } from '../Domain';
import { StandingRows } from '../trust';
import { DirectoryStatus } from './DirectoryStatus';

const REFRESH_MS = 5000;

export function SubscriptionsSection() {
  const [subs, setSubs] = useState<readonly SubscriptionView[] | null>(null);
  const [directory, setDirectory] = useState<DirectoryView | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    Promise.all([
      sendToBackground('ui-bg-subscriptions', {}).then(setSubs, () => setSubs([])),
      sendToBackground('ui-bg-directory', {}).then(setDirectory, () => setDirectory(null)),
    ]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const act = async (job: () => Promise<string>) => {
    setBusy(true);
    setStatus(t('optionsWorking'));
    try {
      setStatus(await job());
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const updateNow = (id?: string) =>
    act(async () => {
      const results = await sendToBackground('ui-bg-update-now', id ? { id } : {});
      const failed = results.filter((r) => r.status === 'failed').length;
      return failed > 0 ? t('optionsUpdateFailed', failed) : t('optionsUpdateDone');
    });

  return (
    <section aria-labelledby="subscriptions-heading" class="subscriptions">
      <h2 id="subscriptions-heading">{t('optionsListsHeading')}</h2>
      <p>{t('optionsListsIntro')}</p>
      <p>
        <button type="button" class="button primary" disabled={busy} onClick={() => void updateNow()}>
          {t('optionsUpdateAll')}
        </button>
      </p>
      <p role="status" aria-live="polite" class="status" data-testid="subscriptions-status">
        {status}
      </p>
      {subs === null ? (
        <p>{t('loading')}</p>
      ) : (
        <ul class="subscription-list">
          {subs.map((s) => (
            <SubscriptionItem key={s.id} sub={s} busy={busy} onUpdate={() => void updateNow(s.id)} onRemove={() => void act(async () => {
              const { ok } = await sendToBackground('ui-bg-unsubscribe', { id: s.id });
              return ok ? t('optionsRemoved', s.name ?? s.id) : t('optionsRemoveRefused');
            })} />
          ))}
        </ul>
      )}
      <DirectoryStatus directory={directory} />
      <AddSubscription busy={busy} onSubmit={(url, key) => act(async () => {
        const result = await sendToBackground('ui-bg-subscribe', { url, publicKey: key });
        return result.ok ? t('optionsSubscribed', result.id) : t('optionsSubscribeFailed', result.message);
      })} />
    </section>
  );
}

function SubscriptionItem({ sub, busy, onUpdate, onRemove }: { sub: SubscriptionView; busy: boolean; onUpdate: () => void; onRemove: () => void }) {
  const name = sub.name ?? sub.id;
  return (
    <li class="subscription" data-list-id={sub.id}>
      <h3>{name}</h3>
      <dl>
        {sub.publisher && (
          <>
            <dt>{t('publisherLabel')}</dt>
            <dd>{sub.publisher.name}</dd>
          </>
        )}
        {sub.vouch && sub.publisher && (
          <StandingRows vouch={sub.vouch} declared={sub.publisher.type} rankedAs={sub.rankedAs} kind={sub.kind} keyId={sub.keyId} />
        )}
        <dt>{t('optionsKindLabel')}</dt>
        <dd>{sub.kind === 'allow' ? t('optionsKindAllow') : sub.kind === 'block' ? t('optionsKindBlock') : '—'}</dd>
        <dt>{t('optionsVersionLabel')}</dt>
        <dd data-field="version">{sub.version ?? '—'}</dd>
        <dt>{t('optionsEntriesLabel')}</dt>
        <dd data-field="entries">{formatNumber(sub.entryCount)}</dd>
        <dt>{t('optionsLastUpdateLabel')}</dt>
        <dd>{sub.lastSuccess ? formatDateTime(sub.lastSuccess) : t('optionsNever')}</dd>
        {sub.broken && (
          <>
            <dt>{t('optionsBrokenLabel')}</dt>
            <dd data-field="broken">{t('optionsBrokenText', formatDateTime(sub.broken.at))}</dd>
          </>
        )}
        <dt>{t('optionsLastErrorLabel')}</dt>
        <dd data-field="error">{sub.lastError ? t('optionsErrorText', formatDateTime(sub.lastError.at), sub.lastError.message) : t('optionsNoError')}</dd>
        {sub.expires && sub.kind && Date.parse(sub.expires) <= Date.now() && (
          <>
            <dt>{t('optionsOutOfDateLabel')}</dt>
            <dd data-field="out-of-date">{t(sub.kind === 'allow' ? 'optionsOutOfDateAllow' : 'optionsOutOfDateBlock', formatDate(sub.expires))}</dd>
          </>
        )}
        <dt>{t('optionsSourceLabel')}</dt>
        <dd class="wrap">{sub.url ? <Domain name={sub.url} /> : t('optionsBundled')}</dd>
      </dl>
      <div class="row-actions">
        {sub.url && (
          <button type="button" class="button secondary" disabled={busy} onClick={onUpdate} aria-label={t('optionsUpdateOne', name)}>
            {t('optionsUpdateNow')}
          </button>
        )}
        {sub.removable && (
          <button type="button" class="button secondary" disabled={busy} onClick={onRemove} aria-label={t('optionsRemoveOne', name)}>
            {t('optionsRemove')}
          </button>
        )}
      </div>
    </li>
  );
}

function AddSubscription({ busy, onSubmit }: { busy: boolean; onSubmit: (url: string, key: string) => Promise<void> }) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  return (
    <form
      class="add-subscription"
      aria-labelledby="add-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(url.trim(), key.trim());
      }}
    >
      <h3 id="add-heading">{t('optionsAddHeading')}</h3>
      <p id="add-help">{t('optionsAddHelp')}</p>
      <label for="list-url">{t('optionsUrlLabel')}</label>
      <input id="list-url" type="url" dir="ltr" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} aria-describedby="add-help" />
      <label for="list-key">{t('optionsKeyLabel')}</label>
      <textarea id="list-key" dir="ltr" required rows={3} value={key} onInput={(e) => setKey(e.currentTarget.value)} />
      <button type="submit" class="button primary" disabled={busy}>
        {t('optionsSubscribe')}
      </button>
    </form>
  );
}
