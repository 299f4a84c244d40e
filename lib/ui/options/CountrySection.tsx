/**
 * The person's country for guidance: automatic (the region of the browser's language), one of the
 * countries Pharmacheck has data on, or "another country" (general guidance). Saved on change.
 */
import { useEffect, useState } from 'preact/hooks';
import { countryFromLocales, knownCountries, type CountryData } from '../../guidance/country';
import { fetchExtensionJson } from '../../guidance/page';
import { loadCountryData } from '../../guidance/load';
import { readCountrySetting, writeCountrySetting } from '../../guidance/settings';
import type { CountrySetting } from '../../guidance/settings-value';
import { t } from '../../i18n';
import { countryName, sortByName } from '../guidance/countryName';
import { guideUrl } from '../guidance/links';
import '../guidance/guidance.css';

type Saved = { status: 'idle' } | { status: 'saved'; setting: CountrySetting } | { status: 'failed' };

function settingName(setting: CountrySetting, detected: string | null, data: CountryData): string {
  if (setting === 'other') return t('countryOther');
  const code = setting === 'auto' ? detected : setting;
  if (code === null) return t('countryAutoNone');
  return countryName(code, data.authorities.find((a) => a.iso2 === code)?.country);
}

/** The countries with data, plus a stored one that no longer has any, so the list shows the truth. */
function choices(data: CountryData, setting: CountrySetting): string[] {
  const codes = knownCountries(data);
  return setting === 'auto' || setting === 'other' || codes.includes(setting) ? codes : [...codes, setting];
}

export function CountrySection() {
  const [data, setData] = useState<CountryData | null>(null);
  const [setting, setSetting] = useState<CountrySetting | null>(null);
  const [saved, setSaved] = useState<Saved>({ status: 'idle' });
  const [failed, setFailed] = useState(false);
  const detected = countryFromLocales(navigator.languages);

  useEffect(() => {
    Promise.all([loadCountryData(fetchExtensionJson), readCountrySetting()]).then(
      ([loaded, stored]) => {
        setData(loaded);
        setSetting(stored);
      },
      () => setFailed(true),
    );
  }, []);

  const choose = (value: string) => {
    const next = value as CountrySetting;
    setSetting(next);
    writeCountrySetting(next).then(
      () => setSaved({ status: 'saved', setting: next }),
      () => setSaved({ status: 'failed' }),
    );
  };

  return (
    <section aria-labelledby="country-heading" class="options-country">
      <h2 id="country-heading">{t('countryHeading')}</h2>
      <p id="country-explain">{t('countryExplain')}</p>
      {failed && <p role="alert">{t('guidanceUnavailable')}</p>}
      {data && setting !== null && (
        <>
          <label for="country-select">{t('countryLabel')}</label>
          <select id="country-select" class="select" value={setting} aria-describedby="country-explain" onChange={(e) => choose(e.currentTarget.value)}>
            <option value="auto">
              {detected ? t('countryAuto', countryName(detected)) : t('countryAutoNone')}
            </option>
            {sortByName(choices(data, setting)).map((code) => (
              <option key={code} value={code}>{countryName(code)}</option>
            ))}
            <option value="other">{t('countryOther')}</option>
          </select>
          <p>{t('countryCount', knownCountries(data).length)}</p>
        </>
      )}
      <p role="status" class="options-saved">
        {saved.status === 'saved' && data ? t('countrySaved', settingName(saved.setting, detected, data)) : ''}
        {saved.status === 'failed' ? t('countrySaveFailed') : ''}
      </p>
      <p>
        <a href={guideUrl()} target="_blank" rel="noopener">
          {t('guideLinkText')}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      </p>
    </section>
  );
}
