/**
 * UI text for the extension's own pages and the hover card, in the language the reader chose.
 * `browser.i18n` always answers in the browser's language, so both locales are bundled here and
 * one is picked; the files stay the single source of text.
 */
import browser from 'webextension-polyfill';
import cy from '../../public/_locales/cy/messages.json';
import en from '../../public/_locales/en/messages.json';
import { dateLocale, formatDate as formatIn } from '../dates';
import type { LanguageChoice } from '../settings';

export interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleMessages = Record<string, LocaleEntry>;
/** Every UI string's key; English is the reference locale (a unit test keeps Welsh in step). */
export type MessageKey = keyof typeof en;

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOCALES: Record<Language, LocaleMessages> = { en, cy };

let current: Language = 'en';

/** The language to show for a choice: `auto` follows the browser, falling back to English. */
export function resolveLanguage(choice: LanguageChoice, uiLanguage = browser.i18n.getUILanguage()): Language {
  if (choice !== 'auto') return choice;
  return uiLanguage.toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

/** Switches every later `t` and `formatDate` call, and the document's language, to `language`. */
export function setLanguage(language: Language): void {
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return current;
}

/**
 * A message with its substitutions, following the `_locales` format: `$NAME$` stands for the
 * named placeholder's content, `$1`…`$9` for the substitutions, `$$` for a dollar sign.
 */
export function fillMessage(entry: LocaleEntry, substitutions: readonly string[] = []): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const positional = (text: string) => text.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (substitutions[Number(n) - 1] ?? '')));
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\d|\$)/g, (whole, name: string | undefined) =>
    name !== undefined ? positional(named.get(name.toLowerCase()) ?? '') : positional(whole),
  );
}

/** A UI string in the current language, with its placeholders filled. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return fillMessage(LOCALES[current][key] ?? en[key], typeof substitutions === 'string' ? [substitutions] : substitutions);
}

/** A count in the current language ("111,034"). */
export function formatCount(count: number): string {
  return count.toLocaleString(dateLocale(current));
}

/** A date from the dataset in the current language. */
export function formatDate(iso: string): string {
  return formatIn(iso, dateLocale(current));
}
