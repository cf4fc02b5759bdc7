/**
 * Per-tab records, kept in session storage so they survive the service worker being stopped,
 * and forgotten when the tab navigates or closes. Nothing is written to disk.
 */
import browser from 'webextension-polyfill';
import type { Claim } from '../claims/types';
import type { PageReport, SelectionCheck, TabState } from '../messages';

/** One kind of record per tab, stored under `<prefix>:<tabId>`. */
function perTab<T>(prefix: string) {
  const key = (tabId: number) => `${prefix}:${tabId}`;
  return {
    async save(tabId: number, value: T): Promise<void> {
      await browser.storage.session.set({ [key(tabId)]: value });
    },
    async load(tabId: number): Promise<T | null> {
      const stored = await browser.storage.session.get(key(tabId));
      return (stored[key(tabId)] as T | undefined) ?? null;
    },
    async forget(tabId: number): Promise<void> {
      await browser.storage.session.remove(key(tabId));
    },
  };
}

/** The page's results; the popup listens for changes under the same keys. */
export const tabStates = perTab<TabState>('tab');
/** The last "Check with Patient Data Context" on the tab's selected text. */
export const selectionChecks = perTab<SelectionCheck>('selection');

export async function saveTabState(tabId: number, report: PageReport, claims: Claim[]): Promise<TabState> {
  const state: TabState = { report, claims, updatedAt: Date.now() };
  await tabStates.save(tabId, state);
  return state;
}
