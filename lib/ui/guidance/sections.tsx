/** The guidance sections that read the same for everyone: category, risks, law, already bought. */
import { MEDICRIME_ARTICLES, type Guidance, type GuidanceCategory, type MedicrimeArticle } from '../../guidance/schema';
import type { ResolvedCountry } from '../../guidance/country';
import { formatList, t } from '../../i18n';
import { Disclosure } from '../Disclosure';
import { below, Heading, type Level } from './Heading';
import { MedicrimeStatus } from './MedicrimeStatus';
import './guidance.css';

interface Props {
  readonly guidance: Guidance;
  readonly level: Level;
}

const Paragraphs = ({ texts }: { texts: readonly string[] }) => (
  <>
    {texts.map((text) => (
      <p key={text}>{text}</p>
    ))}
  </>
);

function articleList(guidance: Guidance, articles: readonly MedicrimeArticle[]): string {
  const label = articles.length === 1 ? guidance.law.articleLabel : guidance.law.articlesLabel;
  return `${label} ${formatList(articles, guidance.language, 'unit')}`;
}

/** Why a site is on a list, for one list category, and which articles of Medicrime speak to it. */
export function CategorySection({ guidance, level, category }: Props & { category: GuidanceCategory }) {
  const content = guidance.categories[category];
  return (
    <section aria-labelledby={`g-category-${category}`} class="g-category">
      <Heading level={level} id={`g-category-${category}`}>{content.title}</Heading>
      <Paragraphs texts={content.meaning} />
      {content.articles.length > 0 && (
        <p>
          {t('guidanceMedicrimeArticles')} <a href="#g-law">{articleList(guidance, content.articles)}</a>
        </p>
      )}
    </section>
  );
}

export function RisksSection({ guidance, level }: Props) {
  const { risks } = guidance;
  return (
    <Disclosure id="g-risks" level={level} title={risks.heading}>
      <p>{risks.intro}</p>
      <ul class="g-risks">
        {risks.items.map((item) => (
          <li key={item.title}>
            <strong>{item.title}:</strong> {item.text}
          </li>
        ))}
      </ul>
    </Disclosure>
  );
}

export function LawSection({ guidance, level, country }: Props & { country: ResolvedCountry }) {
  const { law } = guidance;
  return (
    <Disclosure id="g-law" level={level} title={law.heading}>
      <Paragraphs texts={law.intro} />
      <dl class="g-articles">
        {MEDICRIME_ARTICLES.map((article) => (
          <div key={article}>
            <dt>{`${law.articleLabel} ${article}`}</dt>
            <dd>{law.articles[article]}</dd>
          </div>
        ))}
      </dl>
      <p class="g-convention">{law.conventionName}</p>
      <ul class="g-links">
        <li><a href={law.conventionUrl}>{law.conventionLink}</a></li>
        <li><a href={law.treatyUrl}>{law.treatyLink}</a></li>
      </ul>
      <Heading level={below(level)}>{t('medicrimeCountryHeading')}</Heading>
      <MedicrimeStatus country={country} />
    </Disclosure>
  );
}

export function AlreadyBoughtSection({ guidance, level }: Props) {
  const { alreadyBought } = guidance;
  return (
    <Disclosure id="g-already" level={level} title={alreadyBought.heading}>
      <p>{alreadyBought.intro}</p>
      <ol class="g-steps">
        {alreadyBought.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </Disclosure>
  );
}

export { Paragraphs };
