/** The toolbar popup: the verdict for the current tab's site, which lists say so, and details. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { warningPageFor } from '../blocking/warning-url';
import { reportPageFor } from './report/report-url';
import { t, type MessageKey } from '../i18n';
import { sendToBackground, type CautionView, type VerdictReport } from '../messaging';
import { PopupGuidance } from './guidance/PopupGuidance';
import { verdictLabel } from './labels';
import { SiteAccessNotice, useSiteAccess } from './SiteAccess';

async function currentTabId(search: string): Promise<number | undefined> {
  // Tests (and the "describe a tab" link) open the popup in a tab with ?tab=ID.
  const asked = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function PopupPage({ search }: { search: string }) {
  const [report, setReport] = useState<VerdictReport | null | 'loading'>('loading');
  const siteAccess = useSiteAccess();

  useEffect(() => {
    currentTabId(search)
      .then((tabId) => (tabId === undefined ? null : sendToBackground('ui-bg-tab-verdict', { tabId })))
      .then(setReport, () => setReport(null));
  }, [search]);

  if (report === 'loading') return <main class="popup"><p role="status">{t('loading')}</p></main>;
  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      <SiteAccessNotice granted={siteAccess} />
      {/* Without access the browser hides the tab's address: no verdict rather than a wrong one. */}
      {siteAccess !== false &&
        (report?.verdict == null || report.host === null ? (
          <p data-verdict="none">{t('popupNoWebPage')}</p>
        ) : (
          <Verdict report={report} host={report.host} />
        ))}
      <PopupGuidance verdict={report?.host ? (report.verdict ?? null) : null} />
    </main>
  );
}

function Verdict({ report, host }: { report: VerdictReport; host: string }) {
  const kind = report.verdict ?? 'unknown';
  const text =
    kind === 'listed'
      ? t('popupListed', host)
      : kind === 'verified'
        ? t('popupVerified', host)
        : kind === 'caution'
          ? t('popupCaution', host)
          : t('popupUnknown', host);
  const signals = report.caution?.signals.map((s) => s.id) ?? [];
  return (
    <section class={`verdict verdict-${kind}`} data-verdict={kind} aria-live="polite">
      <p class="verdict-tag">{verdictLabel(kind)}</p>
      <p class="verdict-text">{text}</p>
      {report.matches.length > 0 ? (
        <>
          <p>{t('popupListedBy', report.matches.map((m) => m.listName).join(', '))}</p>
          <p>
            <a href={warningPageFor(browser.runtime.getURL('/warning.html'), report.url)} target="_blank" rel="noopener">
              {t('popupDetailsLink')}
            </a>
          </p>
        </>
      ) : report.caution ? (
        <CautionDetails caution={report.caution} />
      ) : (
        <>
          <p>{t('popupUnknownHint')}</p>
          {report.register && <RegisterCheck register={report.register} />}
        </>
      )}
      <p>
        <a href={reportPageFor(browser.runtime.getURL('/report.html'), kind === 'listed' ? 'false-positive' : 'suspicious-site', report.url, signals)} target="_blank" rel="noopener">
          {kind === 'listed' ? t('reportMistakeLink') : t('reportSiteLink')}
        </a>
      </p>
    </section>
  );
}

/** What the caution signals found, in plain words, and the register the page's EU logo claims. */
function CautionDetails({ caution }: { caution: CautionView }) {
  return (
    <>
      <h2 class="caution-heading">{t('popupCautionReasons')}</h2>
      <ul class="caution-reasons" data-testid="caution-reasons">
        {caution.signals.map((s) => (
          <li key={s.id} data-signal={s.id}>
            {t(s.key as MessageKey, ...s.subs)}
          </li>
        ))}
      </ul>
      {caution.register && <RegisterCheck register={caution.register} />}
      <p class="caution-private">{t('popupCautionOnDevice')}</p>
    </>
  );
}

/** The page's EU logo links to a national register: the person checks the claim in one click. */
function RegisterCheck({ register }: { register: NonNullable<CautionView['register']> }) {
  return (
    <>
      <p>
        <a href={register.url} target="_blank" rel="noopener noreferrer" data-testid="register-check">
          {t('popupRegisterCheck', register.authority)}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      </p>
      <p>{t('popupRegisterCheckHint')}</p>
    </>
  );
}
