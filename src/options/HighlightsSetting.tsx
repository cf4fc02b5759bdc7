import { t } from '../ui/i18n';

/** Whether key phrases are marked on the page; the badge and popup work either way. */
export function HighlightsSetting({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <fieldset>
      <legend>{t('highlightsHeading')}</legend>
      <label class="choice">
        <input type="checkbox" checked={on} onChange={(event) => onChange(event.currentTarget.checked)} />
        <span>
          {t('highlightsLabel')}
          <span class="hint">{t('highlightsHint')}</span>
        </span>
      </label>
    </fieldset>
  );
}
