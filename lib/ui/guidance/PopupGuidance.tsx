/** The popup's short guidance: what the verdict means in a sentence, what to do, and the guide. */
import type { GuidanceVerdict } from '../../guidance/schema';
import { t } from '../../i18n';
import { guideUrl } from './links';
import { useGuidance } from './useGuidance';
import './guidance.css';

export function PopupGuidance({ verdict }: { verdict: GuidanceVerdict | null }) {
  const state = useGuidance();
  const content = state.status === 'ready' && verdict ? state.guidance.verdicts[verdict] : null;
  return (
    <section class="popup-guidance" aria-labelledby="popup-guidance-heading" data-guidance-verdict={verdict ?? 'none'}>
      <h2 id="popup-guidance-heading">{t('popupGuidanceHeading')}</h2>
      {content && (
        <>
          <p>{content.summary}</p>
          <p><strong>{content.action}</strong></p>
        </>
      )}
      <p>
        <a href={guideUrl()} target="_blank" rel="noopener">
          {t('guideLinkText')}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      </p>
    </section>
  );
}
