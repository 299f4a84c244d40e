/** The guidance sections that depend on the person's country: finding a pharmacy, reporting. */
import type { Authority } from '../../guidance/authorities';
import type { ResolvedCountry } from '../../guidance/country';
import type { Guidance } from '../../guidance/schema';
import { t } from '../../i18n';
import { countryName } from './countryName';
import { Disclosure } from '../Disclosure';
import { Domain } from '../Domain';
import { below, Heading, type Level } from './Heading';
import { Paragraphs } from './sections';
import { Verification } from './Verification';

interface Props {
  readonly guidance: Guidance;
  readonly level: Level;
  readonly country: ResolvedCountry;
}

const nameOf = (country: ResolvedCountry) =>
  country.code === null ? null : countryName(country.code, country.authority?.country ?? country.medicrime?.country);

export function FindPharmacySection({ guidance, level, country }: Props) {
  const { findPharmacy } = guidance;
  const name = nameOf(country);
  const authority = country.authority;
  return (
    <Disclosure id="g-find" level={level} title={findPharmacy.heading}>
      <Paragraphs texts={findPharmacy.intro} />
      {name !== null && (
        <div class="g-box" data-register={authority?.register ? 'known' : 'unknown'}>
          <Heading level={below(level)}>{t('findPharmacyInCountry', name)}</Heading>
          {authority?.euCommonLogoApplies && <p>{t('euLogoApplies', name)}</p>}
          {authority?.register ? (
            <>
              <p>
                <a href={authority.register.url}>{t('registerLink', name)}</a>
              </p>
              <Verification status={authority.verificationStatus} />
            </>
          ) : (
            <p>{t('registerUnknown', name)}</p>
          )}
        </div>
      )}
      <Heading level={below(level)}>{findPharmacy.euHeading}</Heading>
      <ol class="g-steps">
        {findPharmacy.euSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <Heading level={below(level)}>{findPharmacy.outsideEuHeading}</Heading>
      <Paragraphs texts={findPharmacy.outsideEu} />
      <Heading level={below(level)}>{findPharmacy.signsHeading}</Heading>
      <ul>
        {findPharmacy.signs.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
    </Disclosure>
  );
}

function Link({ href }: { href: string }) {
  return (
    <a href={href} class="wrap">
      <Domain name={href.replace(/^https?:\/\//, '').replace(/\/$/, '')} />
    </a>
  );
}

/** The authority's contacts, each as the data has it, with how far they were verified. */
export function AuthorityCard({ authority, name, level }: { authority: Authority & { authority: string }; name: string; level: Level | 4 }) {
  return (
    <div class="g-box g-authority" data-authority={authority.iso2}>
      <Heading level={level}>{t('authorityHeading', name)}</Heading>
      <dl class="g-contacts">
        <dt>{t('authorityName')}</dt>
        {/* The name as the (English) source writes it, so screen readers pronounce it as English. */}
        <dd lang="en" dir="auto">{authority.authority}</dd>
        {authority.website && (
          <>
            <dt>{t('authorityWebsite')}</dt>
            <dd><Link href={authority.website} /></dd>
          </>
        )}
        <dt>{t('authorityReportPage')}</dt>
        <dd>{authority.reportUrl ? <Link href={authority.reportUrl} /> : t('authorityReportPageUnknown')}</dd>
        {authority.register && (
          <>
            <dt>{t('authorityRegister')}</dt>
            <dd><Link href={authority.register.url} /></dd>
          </>
        )}
      </dl>
      <Verification status={authority.verificationStatus} />
      <details class="g-sources">
        <summary>{t('sourcesSummary')}</summary>
        <p>{t('sourcesNoteLabel')}</p>
        <blockquote lang="en" dir="auto">
          <p>{authority.verification}</p>
          {authority.register?.note && <p>{authority.register.note}</p>}
        </blockquote>
        {authority.source.length > 0 && (
          <ul lang="en" dir="auto">
            {authority.source.map((source) => (
              <li key={source} class="wrap" dir="auto">{source}</li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}

export function ReportSection({ guidance, level, country }: Props) {
  const { report, law } = guidance;
  const name = nameOf(country);
  const authority = country.authority;
  return (
    <Disclosure id="report" level={level} title={report.heading}>
      <Paragraphs texts={report.intro} />
      {name !== null && authority?.authority ? (
        <AuthorityCard authority={{ ...authority, authority: authority.authority }} name={name} level={below(level)} />
      ) : (
        <div class="g-box" data-authority="none">
          <p>{name === null ? t('countryNotKnown') : t('authorityNotKnown', name)}</p>
          <Paragraphs texts={report.noAuthority} />
          <p>
            <a href={law.conventionUrl}>{law.conventionLink}</a>
          </p>
        </div>
      )}
      <p class="g-emergency">{report.emergency}</p>
    </Disclosure>
  );
}
