import browser from 'webextension-polyfill';
import { dateLocale, formatDate as formatIn } from '../dates';

/** A UI string from `_locales`, with its placeholders filled. Falls back to the key so a gap shows. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** A date from the dataset in the reader's language. */
export function formatDate(iso: string): string {
  return formatIn(iso, dateLocale(browser.i18n.getUILanguage()));
}
