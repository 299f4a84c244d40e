/** The toolbar popup: the verdict for the current tab's site, which lists say so, and details. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { warningPageFor } from '../blocking/warning-url';
import { reportPageFor } from './report/report-url';
import { formatList, t, type MessageKey } from '../i18n';
import { sendToBackground, type CautionView, type VerdictReport } from '../messaging';
import { Domain, Sentence } from './Domain';
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
      <PopupGuidance verdict={report?.host ? (report.verdict ?? null) : null}>
        {siteAccess !== false && report?.verdict != null && report.host !== null && <VerdictDetails report={report} />}
      </PopupGuidance>
    </main>
  );
}

/** Short first: the verdict in a sentence, and which lists say so or what the caution signals found; the rest behind "More about this site". */
function Verdict({ report, host }: { report: VerdictReport; host: string }) {
  const kind = report.verdict ?? 'unknown';
  const key = kind === 'listed' ? 'popupListed' : kind === 'verified' ? 'popupVerified' : kind === 'caution' ? 'popupCaution' : 'popupUnknown';
  return (
    <section class={`verdict verdict-${kind}`} data-verdict={kind} aria-live="polite">
      <p class="verdict-tag">{verdictLabel(kind)}</p>
      <p class="verdict-text"><Sentence k={key} args={[<Domain name={host} />]} /></p>
      {report.matches.length > 0 && <p>{t('popupListedBy', formatList(report.matches.map((m) => m.listName)))}</p>}
      {report.matches.length > 0 && (
        <p>
          <a href={warningPageFor(browser.runtime.getURL('/warning.html'), report.url)} target="_blank" rel="noopener">
            {t('popupDetailsLink')}
          </a>
        </p>
      )}
      {report.matches.length === 0 && report.caution && <CautionReasons caution={report.caution} />}
      {kind !== 'listed' && report.embedded?.map((site) => (
        <p key={site} class="embedded" data-testid="embedded"><Sentence k="popupEmbeddedListed" args={[<Domain name={site} />]} /></p>
      ))}
    </section>
  );
}

function VerdictDetails({ report }: { report: VerdictReport }) {
  const kind = report.verdict ?? 'unknown';
  const signals = report.caution?.signals.map((s) => s.id) ?? [];
  const register = report.matches.length === 0 ? (report.caution?.register ?? report.register) : undefined;
  return (
    <>
      {report.matches.length === 0 && !report.caution && <p>{t('popupUnknownHint')}</p>}
      {register && <RegisterCheck register={register} />}
      {report.matches.length === 0 && report.caution && <p class="caution-private">{t('popupCautionOnDevice')}</p>}
      <p>
        <a href={reportPageFor(browser.runtime.getURL('/report.html'), kind === 'listed' ? 'false-positive' : 'suspicious-site', report.url, signals)} target="_blank" rel="noopener">
          {kind === 'listed' ? t('reportMistakeLink') : t('reportSiteLink')}
        </a>
      </p>
    </>
  );
}

/** What the caution signals found, in plain words. */
function CautionReasons({ caution }: { caution: CautionView }) {
  return (
    <>
      <h2 class="caution-heading">{t('popupCautionReasons')}</h2>
      <ul class="caution-reasons" data-testid="caution-reasons">
        {caution.signals.map((s) => (
          <li key={s.id} data-signal={s.id}>
            <Sentence k={s.key as MessageKey} args={s.subs.map((sub) => <bdi>{sub}</bdi>)} />
          </li>
        ))}
      </ul>
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
