import { LANGUAGE_CHOICES, type LanguageChoice } from '../settings';
import { resolveLanguage, t } from '../ui/i18n';

/** Each language is named in itself, so a reader can find their own whatever the page is in. */
const NATIVE_NAME = { en: 'English', cy: 'Cymraeg' } as const;

export function LanguageSetting({ choice, onChange }: { choice: LanguageChoice; onChange: (choice: LanguageChoice) => void }) {
  return (
    <fieldset>
      <legend>{t('languageHeading')}</legend>
      <label class="field">
        <span>{t('languageLabel')}</span>
        <select value={choice} onChange={(event) => onChange(event.currentTarget.value as LanguageChoice)}>
          {LANGUAGE_CHOICES.map((option) => (
            <option key={option} value={option} lang={option === 'auto' ? undefined : option}>
              {option === 'auto' ? t('languageAuto', NATIVE_NAME[resolveLanguage('auto')]) : NATIVE_NAME[option]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
