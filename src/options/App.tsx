import { useEffect, useState } from 'preact/hooks';
import { brand } from '../brand';
import type { LanguageChoice, RunMode, Settings } from '../settings';
import { resolveLanguage, setLanguage, t } from '../ui/i18n';
import { requestAllSites, saveSetting, setRunMode } from '../ui/settings-store';
import { ContactLinks } from './ContactLinks';
import { DatasetInfo } from './DatasetInfo';
import { HighlightsSetting } from './HighlightsSetting';
import { LanguageSetting } from './LanguageSetting';
import { RunModeSetting } from './RunModeSetting';
import { StorageInfo } from './StorageInfo';

export function App({ settings: initial }: { settings: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    document.title = t('optionsTitle', brand.name);
  }, [settings.language]);

  /** Saves a change and says whether it worked; the controls show `settings` either way. */
  const save = async (change: () => Promise<Partial<Settings> | null>, declined = '') => {
    try {
      const saved = await change();
      // A refusal still re-renders, so a control the user moved goes back to the stored value.
      setSettings((current) => ({ ...current, ...saved }));
      setNotice(saved ? t('saved') : declined);
    } catch {
      setSettings((current) => ({ ...current }));
      setNotice(t('saveFailed'));
    }
  };

  const changeRunMode = (mode: RunMode) => {
    // The permission prompt must come straight from the user's action, before anything is awaited.
    const granted = mode === 'all-sites' ? requestAllSites() : Promise.resolve(true);
    void save(async () => ((await granted) ? { runMode: await setRunMode(mode) } : null), t('allSitesDeclined'));
  };

  const changeLanguage = (language: LanguageChoice) =>
    void save(async () => {
      await saveSetting('language', language);
      setLanguage(resolveLanguage(language));
      return { language };
    });

  const changeHighlights = (highlights: boolean) =>
    void save(async () => {
      await saveSetting('highlights', highlights);
      return { highlights };
    });

  return (
    <>
      <header>
        <h1>{t('optionsTitle', brand.name)}</h1>
        <p class="muted">{t('independent')}</p>
      </header>
      <main>
        <RunModeSetting mode={settings.runMode} onChange={changeRunMode} />
        <HighlightsSetting on={settings.highlights} onChange={changeHighlights} />
        <LanguageSetting choice={settings.language} onChange={changeLanguage} />
        <p role="status" class="notice">{notice}</p>
        <DatasetInfo />
        <StorageInfo />
        <ContactLinks />
      </main>
    </>
  );
}
