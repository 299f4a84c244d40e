/**
 * The popup's short guidance: what to do, in one sentence, first; what the verdict means and the
 * page's details (children) behind a disclosure; then the guide.
 */
import type { ComponentChildren } from 'preact';
import type { GuidanceVerdict } from '../../guidance/schema';
import { t } from '../../i18n';
import { Disclosure } from '../Disclosure';
import { guideUrl } from './links';
import { useGuidance } from './useGuidance';
import './guidance.css';

export function PopupGuidance({ verdict, children }: { verdict: GuidanceVerdict | null; children?: ComponentChildren }) {
  const state = useGuidance();
  const content = state.status === 'ready' && verdict ? state.guidance.verdicts[verdict] : null;
  return (
    <section class="popup-guidance" aria-labelledby="popup-guidance-heading" data-guidance-verdict={verdict ?? 'none'}>
      <h2 id="popup-guidance-heading">{t('popupGuidanceHeading')}</h2>
      {content && <p><strong>{content.action}</strong></p>}
      {(content || children) && (
        <Disclosure id="popup-details" level={3} title={t('popupDetails')}>
          {content && <p>{content.summary}</p>}
          {children}
        </Disclosure>
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
