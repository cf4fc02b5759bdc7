import { useCallback, useEffect, useState } from 'preact/hooks';
import { brand } from '../brand';
import type { SelectionCheck, TabState } from '../messages';
import { dataset } from '../data/bundled';
import { BrandLinks } from '../ui/BrandLinks';
import { formatDate, t } from '../ui/i18n';
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

export function App() {
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
        <h1>{t('extName')}</h1>
        <p class="muted">{t('independent')}</p>
      </header>
      <main aria-live="polite">
        {selection && <SelectionResult check={selection} />}
        {view.kind === 'loading' && <Loading />}
        {view.kind === 'error' && <ErrorState message={view.message} />}
        {view.kind === 'not-covered' && <NotCovered onScan={() => scanTab(view.tabId).then(() => undefined)} />}
        {view.kind === 'results' &&
          (view.state.report.mentions.length > 0 ? (
            <MentionsFound report={view.state.report} onShow={(index) => showMention(view.tabId, index)} />
          ) : (
            <NothingFound />
          ))}
      </main>
      <footer class="muted">
        {t('asOf', formatDate(dataset.asOf))}
        <BrandLinks brand={brand} />
      </footer>
    </>
  );
}
