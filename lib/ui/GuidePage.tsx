/**
 * "Buying medicines online safely": the whole guidance, for the person's language and country,
 * short first: the title, the introduction and the country, then one disclosure a topic. Reached
 * from the popup, the options and the warning's "Report this site" (#report, which opens that
 * section and moves the focus to it).
 */
import { useEffect } from 'preact/hooks';
import { GUIDANCE_CATEGORIES, VERDICTS } from '../guidance/schema';
import { t } from '../i18n';
import { Disclosure } from './Disclosure';
import {
  AlreadyBoughtSection,
  CategorySection,
  CountryLine,
  FindPharmacySection,
  LawSection,
  Paragraphs,
  ReportSection,
  RisksSection,
  useGuidance,
} from './guidance';
import { verdictLabel } from './labels';

/** The section named in the address (#report), once the content that holds it has loaded. */
function useFocusOnHash(ready: boolean, hash: string): void {
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
    target?.focus();
  }, [ready, hash]);
}

export function GuidePage({ hash }: { hash: string }) {
  const state = useGuidance();
  useFocusOnHash(state.status === 'ready', hash);

  if (state.status === 'loading') return <main class="page"><p role="status">{t('loading')}</p></main>;
  if (state.status === 'error') {
    return (
      <main class="page">
        <h1>{t('guideLinkText')}</h1>
        <p role="alert">{t('guidanceUnavailable')}</p>
      </main>
    );
  }
  const { guidance, country } = state;
  return (
    <main class="page guide g" lang={guidance.language}>
      <h1>{guidance.guide.title}</h1>
      <Paragraphs texts={guidance.guide.intro} />
      <CountryLine country={country} />
      <Disclosure id="g-verdicts" level={2} title={guidance.guide.verdictsHeading}>
        {VERDICTS.map((verdict) => (
          <div key={verdict} class={`g-box g-verdict g-verdict-${verdict}`} data-verdict-guide={verdict}>
            <h3>
              <span class="g-verdict-tag">{verdictLabel(verdict)}</span> {guidance.verdicts[verdict].title}
            </h3>
            <Paragraphs texts={guidance.verdicts[verdict].meaning} />
          </div>
        ))}
      </Disclosure>
      <Disclosure id="g-categories" level={2} title={guidance.guide.categoriesHeading}>
        {GUIDANCE_CATEGORIES.map((category) => (
          <CategorySection key={category} guidance={guidance} level={3} category={category} />
        ))}
      </Disclosure>
      <RisksSection guidance={guidance} level={2} />
      <FindPharmacySection guidance={guidance} level={2} country={country} />
      <AlreadyBoughtSection guidance={guidance} level={2} />
      <ReportSection guidance={guidance} level={2} country={country} />
      <LawSection guidance={guidance} level={2} country={country} />
      <Disclosure id="g-about" level={2} title={t('guideAboutHeading')}>
        <p>{t('guideAboutText')}</p>
      </Disclosure>
    </main>
  );
}
