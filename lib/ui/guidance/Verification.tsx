/**
 * How far a contact was checked, in words and with a symbol, never by colour alone. Anything but
 * "verified" tells the person to check on the authority's own website.
 */
import type { VerificationStatus } from '../../guidance/authorities';
import { t, type MessageKey } from '../../i18n';

const SYMBOL: Record<VerificationStatus, string> = { verified: '✓', 'partly-verified': '!', unverified: '?' };

export function Verification({ status, id }: { status: VerificationStatus; id?: string }) {
  return (
    <p class={`g-verification g-verification-${status}`} id={id} data-verification={status}>
      <span class="g-verification-symbol" aria-hidden="true">{SYMBOL[status]}</span>
      {t(`verification_${status.replace('-', '_')}` as MessageKey)}
    </p>
  );
}
