/**
 * The user's settings, kept in `storage.local` one key each. Pure and free of the polyfill, so the
 * content script can read them with the browser's own API while the extension's pages use the
 * polyfill.
 */

/**
 * Where the extension reads pages by itself: the curated news sites (the default), every site
 * (after the user grants the optional `<all_urls>` permission) or none, scanning only on a click.
 */
export const RUN_MODES = ['news-sites', 'all-sites', 'on-click'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** The optional host permission behind the `all-sites` mode. */
export const ALL_SITES_PERMISSION = { origins: ['<all_urls>'] };

/** `auto` follows the browser's language. */
export const LANGUAGE_CHOICES = ['auto', 'en', 'cy'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export interface Settings {
  runMode: RunMode;
  /** Whether the content script marks key phrases on the page. */
  highlights: boolean;
  language: LanguageChoice;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { runMode: 'news-sites', highlights: true, language: 'auto' };

/** The storage keys to ask for, one per setting. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T => options.includes(value as T);

/** Settings from what storage returned; anything missing or malformed takes its default. */
export function settingsFrom(stored: Record<string, unknown>): Settings {
  return {
    runMode: isOneOf(RUN_MODES, stored.runMode) ? stored.runMode : DEFAULT_SETTINGS.runMode,
    highlights: typeof stored.highlights === 'boolean' ? stored.highlights : DEFAULT_SETTINGS.highlights,
    language: isOneOf(LANGUAGE_CHOICES, stored.language) ? stored.language : DEFAULT_SETTINGS.language,
  };
}
