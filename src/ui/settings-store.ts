/** The extension's pages read and change settings here; the background owns `runMode` (see run-mode.ts). */
import browser from 'webextension-polyfill';
import { call, type PageToBackground } from '../messages';
import { ALL_SITES_PERMISSION, DEFAULT_SETTINGS, SETTING_KEYS, settingsFrom, type RunMode, type Settings } from '../settings';

export async function loadSettings(): Promise<Settings> {
  try {
    return settingsFrom(await browser.storage.local.get(SETTING_KEYS));
  } catch {
    // Unreadable storage must not keep a page from opening: defaults are safe.
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSetting<K extends 'highlights' | 'language'>(key: K, value: Settings[K]): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/**
 * Asks the user for access to all sites. Must be the first thing a click handler does: browsers
 * only show the prompt in response to a user action.
 */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES_PERMISSION);
}

/** Has the background switch where the content script runs (registering it for all sites, or not). */
export function setRunMode(mode: RunMode): Promise<RunMode> {
  return call<PageToBackground, 'set-run-mode'>((message) => browser.runtime.sendMessage(message), 'set-run-mode', { mode });
}
