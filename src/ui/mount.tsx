import { render, type FunctionComponent } from 'preact';
import type { Settings } from '../settings';
import { resolveLanguage, setLanguage } from './i18n';
import { loadSettings } from './settings-store';
import './base.css';

/**
 * Renders one of the extension's pages once the settings are read (a local read, a few
 * milliseconds), so the first paint is already in the chosen language.
 */
export async function mount(Page: FunctionComponent<{ settings: Settings }>): Promise<void> {
  const settings = await loadSettings();
  setLanguage(resolveLanguage(settings.language));
  render(<Page settings={settings} />, document.getElementById('app')!);
}
