import browser from 'webextension-polyfill';
import { call, type PageToBackground, type PopupToContent, type ResponseOf } from '../messages';

/** The tab the popup is about: `?tab=<id>` (opened as a page, or by tests), else the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const toBackground = (message: unknown) => browser.runtime.sendMessage(message);

export function getTabState(tabId: number): Promise<ResponseOf<PageToBackground, 'get-tab-state'>> {
  return call<PageToBackground, 'get-tab-state'>(toBackground, 'get-tab-state', { tabId });
}

export function getSelectionCheck(tabId: number): Promise<ResponseOf<PageToBackground, 'get-selection-check'>> {
  return call<PageToBackground, 'get-selection-check'>(toBackground, 'get-selection-check', { tabId });
}

export function scanTab(tabId: number): Promise<null> {
  return call<PageToBackground, 'scan-tab'>(toBackground, 'scan-tab', { tabId });
}

export function showMention(tabId: number, index: number): Promise<boolean> {
  return call<PopupToContent, 'show-mention'>((m) => browser.tabs.sendMessage(tabId, m), 'show-mention', { index });
}

/** Calls `listener` whenever the background stores new results for the tab. */
export function onTabStateChange(tabId: number, listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && (`tab:${tabId}` in changes || `selection:${tabId}` in changes)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
