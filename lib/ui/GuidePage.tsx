/**
 * "Buying medicines online safely": the whole guidance on one page, for the person's language and
 * country. Reached from the popup, the options and the warning's "Report this site" (#report).
 */
import { useEffect } from 'preact/hooks';
import { GUIDANCE_CATEGORIES, VERDICTS } from '../guidance/schema';
import { t } from '../i18n';
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
      <section aria-labelledby="g-verdicts">
        <h2 id="g-verdicts">{guidance.guide.verdictsHeading}</h2>
        {VERDICTS.map((verdict) => (
          <div key={verdict} class={`g-box g-verdict g-verdict-${verdict}`} data-verdict-guide={verdict}>
            <h3>
              <span class="g-verdict-tag">{verdictLabel(verdict)}</span> {guidance.verdicts[verdict].title}
            </h3>
            <Paragraphs texts={guidance.verdicts[verdict].meaning} />
          </div>
        ))}
      </section>
      <section aria-labelledby="g-categories">
        <h2 id="g-categories">{guidance.guide.categoriesHeading}</h2>
        {GUIDANCE_CATEGORIES.map((category) => (
          <CategorySection key={category} guidance={guidance} level={3} category={category} />
        ))}
      </section>
      <RisksSection guidance={guidance} level={2} />
      <FindPharmacySection guidance={guidance} level={2} country={country} />
      <AlreadyBoughtSection guidance={guidance} level={2} />
      <ReportSection guidance={guidance} level={2} country={country} />
      <LawSection guidance={guidance} level={2} country={country} />
      <section aria-labelledby="g-about">
        <h2 id="g-about">{t('guideAboutHeading')}</h2>
        <p>{t('guideAboutText')}</p>
      </section>
    </main>
  );
}
