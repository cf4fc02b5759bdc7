import { RUN_MODES, type RunMode } from '../settings';
import { t, type MessageKey } from '../ui/i18n';

const LABEL: Record<RunMode, [label: MessageKey, hint: MessageKey]> = {
  'news-sites': ['runNewsSites', 'runNewsSitesHint'],
  'all-sites': ['runAllSites', 'runAllSitesHint'],
  'on-click': ['runOnClick', 'runOnClickHint'],
};

/** Where the extension reads pages by itself. */
export function RunModeSetting({ mode, onChange }: { mode: RunMode; onChange: (mode: RunMode) => void }) {
  return (
    <fieldset>
      <legend>{t('runModeHeading')}</legend>
      {RUN_MODES.map((option) => {
        const [label, hint] = LABEL[option];
        return (
          <label class="choice" key={option}>
            <input type="radio" name="run-mode" value={option} checked={mode === option} onChange={() => onChange(option)} />
            <span>
              {t(label)}
              <span class="hint">{t(hint)}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
