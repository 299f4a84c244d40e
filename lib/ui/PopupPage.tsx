/** The toolbar popup: the verdict for the current tab's site, which lists say so, and details. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { warningPageFor } from '../blocking/warning-url';
import { reportPageFor } from './report/report-url';
import { formatList, t } from '../i18n';
import { sendToBackground, type VerdictReport } from '../messaging';
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

/** Short first: the verdict in a sentence and which lists say so; the report link behind "More about this site". */
function Verdict({ report, host }: { report: VerdictReport; host: string }) {
  const kind = report.verdict ?? 'unknown';
  const key = kind === 'listed' ? 'popupListed' : kind === 'verified' ? 'popupVerified' : 'popupUnknown';
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
    </section>
  );
}

function VerdictDetails({ report }: { report: VerdictReport }) {
  const kind = report.verdict ?? 'unknown';
  return (
    <>
      {report.matches.length === 0 && <p>{t('popupUnknownHint')}</p>}
      <p>
        <a href={reportPageFor(browser.runtime.getURL('/report.html'), kind === 'listed' ? 'false-positive' : 'suspicious-site', report.url)} target="_blank" rel="noopener">
          {kind === 'listed' ? t('reportMistakeLink') : t('reportSiteLink')}
        </a>
      </p>
    </>
  );
}
