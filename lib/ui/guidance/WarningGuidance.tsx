/**
 * The warning page's guidance, in the details behind the first screen, one disclosure a topic:
 * what the listing means for each category that matched, the risks, how to find a real pharmacy,
 * what to do after a purchase, where to report in the person's country and what Medicrime says;
 * and the "Report this site" link.
 */
import { reportTarget } from '../../guidance/country';
import type { GuidanceCategory } from '../../guidance/schema';
import { t } from '../../i18n';
import type { MatchDetails } from '../../messaging';
import { Disclosure } from '../Disclosure';
import { CountryLine } from './CountryLine';
import { guideUrl } from './links';
import { FindPharmacySection, ReportSection } from './country';
import { AlreadyBoughtSection, CategorySection, LawSection, Paragraphs, RisksSection } from './sections';
import type { GuidanceState } from './useGuidance';
import { Verification } from './Verification';

/** The national authority's reporting page where one is known, else the guide's reporting section. */
export function ReportLink({ state }: { state: GuidanceState }) {
  const country = state.status === 'ready' ? state.country : null;
  const target = country ? reportTarget(country) : null;
  const status = country?.authority?.verificationStatus;
  const flagged = target !== null && status !== undefined && status !== 'verified';
  return (
    <>
      <a
        class="button secondary"
        href={target ?? guideUrl('#report')}
        target="_blank"
        rel="noopener noreferrer"
        data-report-target={target ? 'authority' : 'guide'}
        aria-describedby={flagged ? 'report-link-status' : undefined}
      >
        {t('reportLink')}
        <span class="visually-hidden"> {t('opensInNewTab')}</span>
      </a>
      {flagged && <Verification status={status} id="report-link-status" />}
    </>
  );
}

function blockCategories(matches: readonly MatchDetails[]): GuidanceCategory[] {
  const categories = matches.filter((m) => m.kind === 'block').map((m) => m.category);
  return [...new Set(categories.filter((c): c is GuidanceCategory => c !== null))];
}

export function WarningGuidance({ state, matches }: { state: GuidanceState; matches: readonly MatchDetails[] }) {
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('guidanceUnavailable')}</p>;
  const { guidance, country } = state;
  return (
    <div class="guidance g" lang={guidance.language}>
      <Disclosure id="w-meaning" level={2} title={t('warningGuidanceHeading')}>
        <CountryLine country={country} />
        <Paragraphs texts={guidance.verdicts.listed.meaning} />
        {blockCategories(matches).map((category) => (
          <CategorySection key={category} guidance={guidance} level={3} category={category} />
        ))}
      </Disclosure>
      <RisksSection guidance={guidance} level={2} />
      <FindPharmacySection guidance={guidance} level={2} country={country} />
      <AlreadyBoughtSection guidance={guidance} level={2} />
      <ReportSection guidance={guidance} level={2} country={country} />
      <LawSection guidance={guidance} level={2} country={country} />
    </div>
  );
}
