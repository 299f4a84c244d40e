/** The toolbar badge: colour, a short text, and a title that screen readers read. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { Verdict } from '../verdict';

/** MV3 has `action`, Firefox's MV2 build `browserAction`: the one place that knows. */
export function actionApi(): typeof browser.action {
  const api = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return (api.action ?? api.browserAction)!;
}

export interface BadgeLook {
  readonly text: string;
  readonly color: string | null;
  readonly title: string;
}

/** Pure: what the badge shows for a verdict (null verdict: not a web page). */
export function badgeLook(verdict: Verdict | null): BadgeLook {
  switch (verdict?.kind) {
    case 'listed':
      return { text: t('badgeListedText'), color: '#B3261E', title: t('badgeListedTitle', verdict.host.name) };
    case 'verified':
      return { text: t('badgeVerifiedText'), color: '#1B6E35', title: t('badgeVerifiedTitle', verdict.host.name) };
    default:
      return { text: '', color: null, title: t('actionTitle') };
  }
}

export async function showBadge(tabId: number, verdict: Verdict | null): Promise<void> {
  const look = badgeLook(verdict);
  const action = actionApi();
  await Promise.all([
    action.setBadgeText({ tabId, text: look.text }),
    action.setTitle({ tabId, title: look.title }),
    look.color ? action.setBadgeBackgroundColor({ tabId, color: look.color }) : Promise.resolve(),
  ]);
  if (look.color && 'setBadgeTextColor' in action) await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
}
