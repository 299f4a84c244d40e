/**
 * The full-page warning a listed site is redirected to, in one screen as Chrome's own Safe Browsing
 * warning: that the site was stopped, which site, why in a sentence, "Back to safety" (focused)
 * and "Details". The details (the lists that matched, the guidance, the law and "Proceed anyway")
 * open below. "Proceed anyway" asks the background to let this one host through for the session,
 * then goes to the exact original URL, and only ever to an http(s) one.
 */
import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { originalUrlFromWarning } from '../blocking/warning-url';
import { reportPageFor } from './report/report-url';
import { t } from '../i18n';
import { sendToBackground, type VerdictReport } from '../messaging';
import { Disclosure } from './Disclosure';
import { Domain } from './Domain';
import { ReportLink, useGuidance, WarningGuidance } from './guidance';
import { isWebUrl } from './labels';
import { MatchList } from './MatchList';

type State = { step: 'loading' } | { step: 'invalid' } | { step: 'ready'; url: string; report: VerdictReport };

function backToSafety(): void {
  if (history.length > 1) history.back();
  else location.replace('about:blank');
}

export function WarningPage({ href }: { href: string }) {
  const [state, setState] = useState<State>({ step: 'loading' });
  const [refused, setRefused] = useState(false);
  const [details, setDetails] = useState(false);
  const safeButton = useRef<HTMLButtonElement>(null);
  const guidance = useGuidance();

  useEffect(() => {
    const url = originalUrlFromWarning(href);
    if (url === null || !isWebUrl(url)) {
      setState({ step: 'invalid' });
      return;
    }
    sendToBackground('ui-bg-verdict', { url }).then(
      (report) => setState(report.verdict === null ? { step: 'invalid' } : { step: 'ready', url, report }),
      () => setState({ step: 'invalid' }),
    );
  }, [href]);

  useEffect(() => {
    if (state.step === 'ready') safeButton.current?.focus();
  }, [state.step]);

  const proceed = async (url: string) => {
    const result = await sendToBackground('ui-bg-proceed', { url });
    if (result.ok && result.url === url && isWebUrl(url)) location.replace(url);
    else setRefused(true);
  };

  if (state.step === 'loading') return <main class="page"><p role="status">{t('loading')}</p></main>;
  if (state.step === 'invalid') {
    return (
      <main class="page">
        <h1>{t('invalidUrlHeading')}</h1>
        <p>{t('invalidUrlText')}</p>
      </main>
    );
  }

  const { url, report } = state;
  if (report.verdict !== 'listed') {
    return (
      <main class="page">
        <h1>{t('notListedHeading')}</h1>
        <p>{t('notListedText')}</p>
        <p class="wrap"><code><Domain name={url} /></code></p>
        <a class="button" href={url}>{t('openSite')}</a>
      </main>
    );
  }

  return (
    <main class="page warning" aria-labelledby="warning-heading">
      <div class="first-screen">
        <header class="warning-header">
          <p class="verdict-tag" aria-hidden="true">!</p>
          <h1 id="warning-heading">{t('warningHeading')}</h1>
        </header>
        <p class="warning-site">
          <span class="visually-hidden">{t('warningSiteLabel')}: </span>
          <Domain name={report.host ?? url} class="warning-host" />
        </p>
        <p class="lead" id="warning-reason">{t('warningLead')}</p>
        <div class="actions">
          <button ref={safeButton} type="button" class="button primary" onClick={backToSafety} aria-describedby="warning-reason">
            {t('backToSafety')}
          </button>
          <button type="button" class="button secondary details-toggle" id="warning-details-toggle" aria-expanded={details} aria-controls="warning-details" onClick={() => setDetails(!details)}>
            {t('warningDetails')}
          </button>
        </div>
      </div>
      <div id="warning-details" class="warning-details" hidden={!details}>
        <div class="actions">
          <ReportLink state={guidance} />
        </div>
        <Disclosure id="w-why" level={2} title={t('warningWhyHeading')}>
          <dl class="site">
            <dt>{t('warningAddressLabel')}</dt>
            <dd class="wrap"><code><Domain name={url} /></code></dd>
          </dl>
          <MatchList matches={report.matches} />
          <p>
            <a href={reportPageFor(browser.runtime.getURL('/report.html'), 'false-positive', url)}>{t('reportMistakeLink')}</a>
          </p>
        </Disclosure>
        <WarningGuidance state={guidance} matches={report.matches} />
        <section class="proceed" aria-label={t('proceedAnyway')}>
          <p id="proceed-explain">{t('proceedExplain')}</p>
          <button type="button" class="button secondary" aria-describedby="proceed-explain" onClick={() => void proceed(url)}>
            {t('proceedAnyway')}
          </button>
          {refused && <p role="alert">{t('proceedRefused')}</p>}
        </section>
      </div>
    </main>
  );
}
