/**
 * Who vouches for a list, as the options page and the warning's details say it: the directory of
 * publishers (naming the publisher), the organisation's policy, Pharmacheck itself, or "you added
 * this"; what the list counts as; and, when the list claims more than anyone vouches for, what it
 * claimed. A list's own words about its publisher are never shown as a fact (lib/lists/standing.ts).
 */
import { formatDate, t, type MessageKey } from '../i18n';
import type { Publisher, Vouch } from '../lists';
import { countryName } from './guidance/countryName';
import { publisherTypeLabel } from './labels';

export function vouchText(vouch: Vouch): string {
  switch (vouch.by) {
    case 'directory':
      return vouch.publisher.country
        ? t('trustVouchDirectory', vouch.publisher.name, countryName(vouch.publisher.country))
        : t('trustVouchDirectoryNoCountry', vouch.publisher.name);
    case 'policy':
      return t('trustVouchPolicy');
    case 'bundled':
      return t('trustVouchBundled');
    case 'person':
      return t('trustVouchPerson');
    case 'revoked':
      return t('trustVouchRevoked');
  }
}

/** Why a list gives no verdict at all: its key was revoked, or it is an allowlist nobody vouches for. */
export function notCountingText(vouch: Vouch, kind: 'block' | 'allow' | null): string | null {
  if (vouch.by === 'revoked') return t('trustNotCountingRevoked', vouch.keyId, t(`trustRevocationReason_${vouch.reason}` as MessageKey), formatDate(vouch.since));
  if (kind === 'allow' && (vouch.by === 'person' || vouch.by === 'policy')) return t('trustNotCountingAllow');
  return null;
}

interface StandingProps {
  readonly vouch: Vouch;
  readonly declared: Publisher['type'];
  /** The publisher type the list is ranked by; null when it does not count. */
  readonly rankedAs: Publisher['type'] | null;
  readonly kind: 'block' | 'allow' | null;
  readonly keyId: string | null;
}

/** Rows of a `<dl>`: what the list counts as, who vouches for it, its key. */
export function StandingRows({ vouch, declared, rankedAs, kind, keyId }: StandingProps) {
  const notCounting = rankedAs === null ? notCountingText(vouch, kind) : null;
  return (
    <>
      <dt>{t('trustRankedAsLabel')}</dt>
      <dd data-field="standing">{rankedAs !== null ? publisherTypeLabel(rankedAs) : (notCounting ?? t('trustNotCounting'))}</dd>
      <dt>{t('trustVouchLabel')}</dt>
      <dd data-field="vouch">{vouchText(vouch)}</dd>
      {rankedAs !== null && rankedAs !== declared && (
        <>
          <dt>{t('trustDeclaredLabel')}</dt>
          <dd data-field="declared">{t('trustDeclaredNotVouched', publisherTypeLabel(declared))}</dd>
        </>
      )}
      {keyId && (
        <>
          <dt>{t('trustKeyLabel')}</dt>
          <dd data-field="key"><code>{keyId}</code></dd>
        </>
      )}
    </>
  );
}
