/**
 * Per-tab results, kept in session storage so they survive the service worker being stopped,
 * and forgotten when the tab navigates or closes. Nothing is written to disk.
 */
import browser from 'webextension-polyfill';
import type { Claim } from '../claims/types';
import type { PageReport, TabState } from '../messages';

const key = (tabId: number) => `tab:${tabId}`;

export async function saveTabState(tabId: number, report: PageReport, claims: Claim[]): Promise<TabState> {
  const state: TabState = { report, claims, updatedAt: Date.now() };
  await browser.storage.session.set({ [key(tabId)]: state });
  return state;
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
