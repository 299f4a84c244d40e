/** Whether the person's country has joined the Medicrime Convention, as far as the data knows. */
import type { MedicrimeStatus as Status } from '../../guidance/authorities';
import type { ResolvedCountry } from '../../guidance/country';
import { formatDate, t, type MessageKey } from '../../i18n';
import { countryName } from './countryName';
import { Verification } from './Verification';

/** The sentence for each status the data can hold (a locale test checks English has each). */
export const MEDICRIME_STATUS_KEYS: Record<Status, MessageKey> = {
  ratified: 'medicrime_ratified',
  'party (has declaration)': 'medicrime_party',
  'ratified (reported)': 'medicrime_ratified_reported',
  signed: 'medicrime_signed',
  'signed (reported)': 'medicrime_signed_reported',
  'invited to accede': 'medicrime_invited',
};

export function MedicrimeStatus({ country }: { country: ResolvedCountry }) {
  if (country.code === null) return <p data-medicrime="none">{t('medicrimeNoCountry')}</p>;
  const name = countryName(country.code, country.authority?.country ?? country.medicrime?.country);
  const party = country.medicrime;
  if (!party) return <p data-medicrime="no-record">{t('medicrime_no_record', name)}</p>;
  const dates: [MessageKey, string | null][] = [
    ['medicrimeSignedOn', party.signatureDate],
    ['medicrimeRatifiedOn', party.ratificationDate],
    ['medicrimeInForceOn', party.entryIntoForce],
  ];
  return (
    <div data-medicrime={party.status}>
      <p>{t(MEDICRIME_STATUS_KEYS[party.status], name)}</p>
      {dates.some(([, date]) => date) && (
        <ul class="g-dates">
          {dates.map(([key, date]) => date && <li key={key}>{t(key, formatDate(date))}</li>)}
        </ul>
      )}
      <Verification status={party.verificationStatus} />
    </div>
  );
}
