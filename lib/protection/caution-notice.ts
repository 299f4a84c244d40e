/**
 * The words of the notice a content script shows on a page with strong signs of an illegal
 * pharmacy, translated here so that the content script carries no strings of its own.
 */
import type { CautionAssessment } from '../caution';
import { currentDir, isolateArg, t, uiLanguage, type MessageKey } from '../i18n';
import { backgroundLanguage } from '../i18n/background';
import type { CautionNotice } from '../messaging';

/** The notice names the strongest few reasons; the popup shows them all. */
const NOTICE_REASONS = 3;

/** In the language the person chose (read on each call: the worker may have slept since a change). */
export async function cautionNotice(assessment: CautionAssessment): Promise<CautionNotice> {
  await backgroundLanguage();
  return {
    label: t('cautionNoticeLabel'),
    heading: t('cautionNoticeHeading'),
    text: t('cautionNoticeText'),
    reasons: assessment.signals.slice(0, NOTICE_REASONS).map((s) => t(s.reason.key as MessageKey, ...s.reason.subs.map(isolateArg))),
    dismiss: t('cautionNoticeDismiss'),
    guide: t('cautionNoticeGuide'),
    lang: uiLanguage(),
    dir: currentDir(),
  };
}
