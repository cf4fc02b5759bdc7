import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingsFrom } from '../../src/settings';

describe('settings from storage', () => {
  it('are the defaults when nothing is stored: news sites, highlights on, the browser’s language', () => {
    expect(settingsFrom({})).toEqual({ runMode: 'news-sites', highlights: true, language: 'auto' });
    expect(SETTING_KEYS.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('keep what is stored when it is valid', () => {
    expect(settingsFrom({ runMode: 'on-click', highlights: false, language: 'cy' })).toEqual({ runMode: 'on-click', highlights: false, language: 'cy' });
  });

  it('take the default for each value that is malformed, and ignore other keys', () => {
    expect(settingsFrom({ runMode: 'everywhere', highlights: 'no', language: 'fr', 'tab:3': {} })).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom({ runMode: 'all-sites', highlights: 0 })).toEqual({ ...DEFAULT_SETTINGS, runMode: 'all-sites' });
  });
});
