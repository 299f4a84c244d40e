/**
 * The words of the notice a content script shows on a page with strong signs of an illegal
 * pharmacy, translated here so that the content script carries no strings of its own.
 */
import type { CautionAssessment } from '../caution';
import { t, uiLanguage, type MessageKey } from '../i18n';
import type { CautionNotice } from '../messaging';

/** The notice names the strongest few reasons; the popup shows them all. */
const NOTICE_REASONS = 3;

export function cautionNotice(assessment: CautionAssessment): CautionNotice {
  return {
    label: t('cautionNoticeLabel'),
    heading: t('cautionNoticeHeading'),
    text: t('cautionNoticeText'),
    reasons: assessment.signals.slice(0, NOTICE_REASONS).map((s) => t(s.reason.key as MessageKey, ...s.reason.subs)),
    dismiss: t('cautionNoticeDismiss'),
    guide: t('cautionNoticeGuide'),
    lang: uiLanguage(),
    dir: t('@@bidi_dir' as MessageKey) === 'rtl' ? 'rtl' : 'ltr',
  };
}
