import browser from 'webextension-polyfill';

/** The badge shows the number of flagged passages on the tab, and nothing when there are none. */
export function badgeText(flaggedPassages: number): string {
  if (flaggedPassages <= 0) return '';
  return flaggedPassages > 999 ? '999+' : String(flaggedPassages);
}

export async function showCount(tabId: number, flaggedPassages: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: badgeText(flaggedPassages) });
}

export async function setBadgeStyle(): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#8a3b00' });
  // Not in every browser's API; the default text colour is fine where it is missing.
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
}
