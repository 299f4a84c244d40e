/** Which country the guidance is for, and where to change it. */
import { browser } from 'wxt/browser';
import type { ResolvedCountry } from '../../guidance/country';
import { t } from '../../i18n';
import { countryName } from './countryName';

export function CountryLine({ country }: { country: ResolvedCountry }) {
  const name = country.code === null ? null : countryName(country.code, country.authority?.country ?? country.medicrime?.country);
  return (
    <p class="g-country" data-country={country.code ?? 'none'}>
      {name === null ? t('guidanceForNoCountry') : t('guidanceFor', name)}{' '}
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
        {t('changeCountry')}
        <span class="visually-hidden"> {t('opensInNewTab')}</span>
      </a>
    </p>
  );
}
