import { formatDate, t } from '../i18n';
import type { MatchDetails } from '../messaging';
import { Domain, Sentence } from './Domain';
import { categoryLabel, publisherTypeLabel } from './labels';

/** Every list that matched, with who listed the site, when and why. */
export function MatchList({ matches }: { matches: readonly MatchDetails[] }) {
  return (
    <ul class="matches">
      {matches.map((m) => (
        <li key={m.listId} class={`match match-${m.kind}`}>
          <p class="match-title">
            <Sentence k={m.kind === 'allow' ? 'warningListedByAllow' : 'warningListedBy'} args={[<Domain name={m.domain} />, <bdi>{m.listName}</bdi>]} />
          </p>
          <dl>
            <dt>{t('publisherLabel')}</dt>
            <dd dir="auto">{m.publisher.name}</dd>
            <dt>{t('listTypeLabel')}</dt>
            <dd>{publisherTypeLabel(m.publisher.type)}</dd>
            {m.category && (
              <>
                <dt>{t('categoryLabel')}</dt>
                <dd>{categoryLabel(m.category)}</dd>
              </>
            )}
            {m.added && (
              <>
                <dt>{t('addedLabel')}</dt>
                <dd>{formatDate(m.added)}</dd>
              </>
            )}
            {m.evidence && (
              <>
                <dt>{t('evidenceLabel')}</dt>
                <dd dir="auto">{m.evidence.source}</dd>
              </>
            )}
            {m.evidence?.reference && (
              <>
                <dt>{t('referenceLabel')}</dt>
                <dd class="wrap" dir="auto">{m.evidence.reference}</dd>
              </>
            )}
          </dl>
          {m.outOfDate && <p class="match-out-of-date">{t('matchOutOfDate', formatDate(m.expires))}</p>}
        </li>
      ))}
    </ul>
  );
}
