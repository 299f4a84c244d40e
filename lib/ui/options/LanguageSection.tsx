/**
 * The language of every Pharmacheck page, the badge and the notices: automatic (the browser's
 * language, as far as Pharmacheck has it) or one of the languages it speaks, each named in itself.
 * Saved on change; every open page follows at once (lib/i18n/page.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  chosenLanguage,
  languageInfo,
  readLanguageSetting,
  SPOKEN_LANGUAGES,
  t,
  writeLanguageSetting,
  type LanguageSetting,
} from '../../i18n';
import { browserLanguages } from '../../i18n/page';

type Saved = { status: 'idle' } | { status: 'saved'; name: string } | { status: 'failed' };

const nameOf = (code: string) => languageInfo(code)?.name ?? code;

export function LanguageSection() {
  const [setting, setSetting] = useState<LanguageSetting | null>(null);
  const [saved, setSaved] = useState<Saved>({ status: 'idle' });
  const automatic = chosenLanguage('auto', browserLanguages());

  useEffect(() => {
    readLanguageSetting().then(setSetting, () => setSetting('auto'));
  }, []);

  const choose = (value: string) => {
    const next = value as LanguageSetting;
    setSetting(next);
    writeLanguageSetting(next).then(
      () => setSaved({ status: 'saved', name: nameOf(chosenLanguage(next, browserLanguages())) }),
      () => setSaved({ status: 'failed' }),
    );
  };

  return (
    <section aria-labelledby="language-heading" class="options-country options-language">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <p id="language-explain">{t('languageExplain')}</p>
      {setting !== null && (
        <>
          <label for="language-select">{t('languageLabel')}</label>
          <select id="language-select" value={setting} aria-describedby="language-explain" onChange={(e) => choose(e.currentTarget.value)}>
            <option value="auto">{t('languageAuto', nameOf(automatic))}</option>
            {SPOKEN_LANGUAGES.map((language) => (
              // Each name in its own language and direction, so a screen reader reads it as written.
              <option key={language.code} value={language.code} lang={language.code} dir={language.dir}>
                {language.name}
              </option>
            ))}
          </select>
        </>
      )}
      <p role="status" class="options-saved" data-testid="language-status">
        {saved.status === 'saved' ? t('languageSaved', saved.name) : ''}
        {saved.status === 'failed' ? t('languageSaveFailed') : ''}
      </p>
    </section>
  );
}
