/** The toolbar badge: colour, a short text, and a title that screen readers read. */
import { isolateLtr, t } from '../i18n';
import { backgroundLanguage } from '../i18n/background';
import { browser } from 'wxt/browser';
import { actionApi, knownSiteAccess } from '../platform';
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

/**
 * What each tab's badge was last set to (lookKey), so that a look the tab already shows costs no
 * call: in Firefox each action call is a round trip to the parent process, which also carries the
 * pages' loads (README, "Page load"). Lost when the background stops; the next look is then set again.
 */
const shown = new Map<number, string>();
/** Counts each tab's resets: a call made before a reset must not record its look as shown after it. */
const resets = new Map<number, number>();

const lookKey = (look: BadgeLook) => `${look.text}\u0000${look.color ?? ''}\u0000${look.title}`;

/** What a tab shows once the browser has reset its badge: the manifest's, in the browser's language. */
function resetKey(): string {
  return lookKey({ text: '', color: null, title: browser.i18n.getMessage('actionTitle') });
}

/**
 * What a tab change did to the tab's badge and what the background does about it (pure). Firefox
 * resets a tab's badge, text and title, when a document loads in it (a new page or a reload: the
 * change then carries the address and "loading") but not on a same-document navigation (a
 * fragment, pushState: "complete"); its first "loading" comes before that reset, so setting the
 * badge then is wasted (tests/e2e/firefox.test.ts, "badge"). Chrome keeps a tab's badge until the
 * tab closes and tells of a reload only by "loading".
 *
 * - `navigated`: a new address, its caution starts again and the badge follows (`sameDocument`:
 *   the page stays, and so does its caution; only Firefox tells);
 * - `badge`: the same address loads again, the badge follows;
 * - `reset`: the browser has put the tab's badge back to the manifest's; `unknown`: it may have.
 */
export function tabChange(change: { url?: string; status?: string }, firefox: boolean): TabChange {
  if (change.url !== undefined) {
    const sameDocument = firefox && change.status === 'complete';
    const reset = !firefox || sameDocument ? null : change.status === 'loading' ? 'reset' : 'unknown';
    return { update: 'navigated', reset, sameDocument };
  }
  if (change.status === 'loading' && !firefox) return { update: 'badge', reset: null, sameDocument: false };
  return { update: null, reset: null, sameDocument: false };
}

export interface TabChange {
  readonly update: 'navigated' | 'badge' | null;
  readonly reset: 'reset' | 'unknown' | null;
  readonly sameDocument: boolean;
}

/**
 * Whether a commit (webNavigation.onCommitted, which tells of no same-document navigation) has
 * reset the tab's badge, for the browser whose tab events do not say so: Chrome, in the main frame.
 */
export function committedResetsBadge(frameId: number, firefox: boolean): boolean {
  return !firefox && frameId === 0;
}

/** The browser put the tab's badge back to the manifest's (`reset`), or may have (`unknown`). */
export function badgeReset(tabId: number, reset: 'reset' | 'unknown'): void {
  resets.set(tabId, (resets.get(tabId) ?? 0) + 1);
  if (reset === 'reset') shown.set(tabId, resetKey());
  else shown.delete(tabId);
}

/** The tab closed: nothing to remember for it. */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
  resets.delete(tabId);
}

export async function showBadge(tabId: number, verdict: Verdict | null, embedded: readonly string[] = []): Promise<void> {
  const before = resets.get(tabId);
  await backgroundLanguage();
  const look = badgeLook(verdict, await knownSiteAccess(), embedded);
  const key = lookKey(look);
  if (shown.get(tabId) === key) return;
  // Forgotten first: a call that fails leaves the tab's badge unknown, so the next look is set again.
  shown.delete(tabId);
  const action = actionApi();
  await Promise.all([
    action.setBadgeText({ tabId, text: look.text }),
    action.setTitle({ tabId, title: look.title }),
    look.color ? action.setBadgeBackgroundColor({ tabId, color: look.color }) : Promise.resolve(),
  ]);
  if (look.color && 'setBadgeTextColor' in action) await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
  // A reset since the look was worked out may have come after these calls: then the look is unknown.
  if (resets.get(tabId) === before) shown.set(tabId, key);
}
