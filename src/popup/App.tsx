import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { dataset } from '../data/bundled';
import { datasetAge } from '../data/freshness';
import { brand } from '../brand';
import type { SelectionCheck, TabState } from '../messages';
import type { Settings } from '../settings';
import { BrandLinks } from '../ui/BrandLinks';
import { formatCount, formatDate, t } from '../ui/i18n';
import { requestAllSites, setRunMode } from '../ui/settings-store';
import { DatasetStale } from './states/DatasetStale';
import { ErrorState } from './states/ErrorState';
import { Loading } from './states/Loading';
import { MentionsFound } from './states/MentionsFound';
import { NotCovered } from './states/NotCovered';
import { NothingFound } from './states/NothingFound';
import { SelectionResult } from './SelectionResult';
import { getSelectionCheck, getTabState, onTabStateChange, scanTab, showMention, targetTabId } from './tab';

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'not-covered'; tabId: number }
  | { kind: 'results'; tabId: number; state: TabState };

/** A short line for screen readers whenever the view changes; the view itself is too long to announce. */
function announcement(view: View): string {
  if (view.kind === 'loading') return t('loading');
  if (view.kind === 'error') return t('errorHeading');
  if (view.kind === 'not-covered') return t('notCoveredHeading');
  const count = view.state.report.flagged;
  return count > 0 ? t('foundCount', formatCount(count)) : t('nothingHeading');
}

/** Asks for all sites from the click, then has the background register the content script for them. */
async function allowAllSites(): Promise<boolean> {
  if (!(await requestAllSites())) return false;
  await setRunMode('all-sites');
  return true;
}

export function App({ settings }: { settings: Settings }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [selection, setSelection] = useState<SelectionCheck | null>(null);

  const refresh = useCallback(async (tabId: number) => {
    const [state, check] = await Promise.all([getTabState(tabId), getSelectionCheck(tabId)]);
    setSelection(check);
    setView(state ? { kind: 'results', tabId, state } : { kind: 'not-covered', tabId });
  }, []);

  useEffect(() => {
    let unsubscribe = () => {};
    const fail = (error: unknown) => setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    targetTabId()
      .then(async (tabId) => {
        if (tabId === null) throw new Error('No tab to show');
        unsubscribe = onTabStateChange(tabId, () => void refresh(tabId).catch(fail));
        await refresh(tabId);
      })
      .catch(fail);
    return () => unsubscribe();
  }, [refresh]);

  return (
    <>
      <header>
        <h1>{brand.name}</h1>
        <p class="muted">{t('independent')}</p>
      </header>
      {datasetAge(dataset.asOf, new Date()).stale && <DatasetStale />}
      <p role="status" class="visually-hidden">{announcement(view)}</p>
      <main>
        {selection && <SelectionResult check={selection} />}
        {view.kind === 'loading' && <Loading />}
        {view.kind === 'error' && <ErrorState message={view.message} />}
        {view.kind === 'not-covered' && (
          <NotCovered runMode={settings.runMode} onScan={() => scanTab(view.tabId).then(() => undefined)} onAllowAllSites={allowAllSites} />
        )}
        {view.kind === 'results' &&
          (view.state.report.mentions.length > 0 ? (
            <MentionsFound report={view.state.report} claims={view.state.claims} onShow={(index) => showMention(view.tabId, index)} />
          ) : (
            <NothingFound truncated={view.state.report.truncated} />
          ))}
      </main>
      <footer class="muted">
        <span>{t('asOf', formatDate(dataset.asOf))}</span>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
        <BrandLinks brand={brand} />
      </footer>
    </>
  );
}
