/** The toolbar badge: colour, a short text, and a title that screen readers read. */
import { isolateLtr, t } from '../i18n';
import { backgroundLanguage } from '../i18n/background';
import { actionApi, hasSiteAccess } from '../platform';
import type { Verdict } from '../verdict';

export interface BadgeLook {
  readonly text: string;
  readonly color: string | null;
  readonly title: string;
}

/**
 * Pure: what the badge shows for a verdict (null verdict: not a web page). Without access to
 * sites nothing is checked, and the badge says so on every tab rather than look reassuringly empty.
 * The host sits in a left-to-right isolate, so a right-to-left title cannot reorder it. A page that
 * tried to show a listed site in a frame (`embedded`) gets the listed site's colour and mark, with
 * a title that names the framed site, unless the page itself is listed.
 */
export function badgeLook(verdict: Verdict | null, siteAccess = true, embedded: readonly string[] = []): BadgeLook {
  if (!siteAccess) return { text: t('badgeNoAccessText'), color: '#44464F', title: t('badgeNoAccessTitle') };
  if (verdict !== null && verdict.kind !== 'listed' && embedded.length > 0) {
    return { text: t('badgeListedText'), color: '#B3261E', title: t('badgeEmbeddedTitle', isolateLtr(embedded[0]!)) };
  }
  switch (verdict?.kind) {
    case 'listed':
      return { text: t('badgeListedText'), color: '#B3261E', title: t('badgeListedTitle', isolateLtr(verdict.host.name)) };
    case 'caution':
      // Amber, 5.0:1 against the white badge text.
      return { text: t('badgeCautionText'), color: '#B45309', title: t('badgeCautionTitle', isolateLtr(verdict.host.name)) };
    case 'verified':
      return { text: t('badgeVerifiedText'), color: '#1B6E35', title: t('badgeVerifiedTitle', isolateLtr(verdict.host.name)) };
    default:
      return { text: '', color: null, title: t('actionTitle') };
  }
}

export async function showBadge(tabId: number, verdict: Verdict | null, embedded: readonly string[] = []): Promise<void> {
  await backgroundLanguage();
  const look = badgeLook(verdict, await hasSiteAccess(), embedded);
  const action = actionApi();
  await Promise.all([
    action.setBadgeText({ tabId, text: look.text }),
    action.setTitle({ tabId, title: look.title }),
    look.color ? action.setBadgeBackgroundColor({ tabId, color: look.color }) : Promise.resolve(),
  ]);
  if (look.color && 'setBadgeTextColor' in action) await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
}
