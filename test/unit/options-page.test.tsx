// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { brand, reportUrl } from '../../src/brand';
import { dataset } from '../../src/data/bundled';
import { formatDate } from '../../src/dates';
import { App } from '../../src/options/App';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { setLanguage } from '../../src/ui/i18n';
import { answerMessages, fakeBrowser } from './support/fake-browser';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

beforeEach(() => {
  vi.resetAllMocks();
  answerMessages({ 'set-run-mode': ({ mode }) => mode });
});
afterEach(() => {
  cleanup();
  setLanguage('en');
});

const renderOptions = (settings = DEFAULT_SETTINGS) => render(<App settings={settings} />);
const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
const notice = () => screen.getByRole('status').textContent;

describe('options page', () => {
  it('shows the current settings, the record’s date and version, and what is stored', () => {
    const { container } = renderOptions({ runMode: 'on-click', highlights: false, language: 'cy' });
    expect(radio(/^Only when I click the button/).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Mark the passages on the page/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('combobox', { name: /Language of the extension/ }) as HTMLSelectElement).value).toBe('cy');
    const facts = container.querySelector('.facts')!.textContent!;
    expect(facts).toContain(formatDate(dataset.asOf, 'en-GB'));
    expect(facts).toContain(`${dataset.topics.length} topics, ${dataset.sources.length} sources`);
    expect(facts).toContain('1.2.3');
    expect(screen.getByRole('heading', { name: 'What it stores and why' })).toBeTruthy();
    expect(container.textContent).toContain('Nothing leaves your browser.');
  });

  it('turns highlights off and says it saved', async () => {
    renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: /Mark the passages on the page/ }));
    await waitFor(() => expect(notice()).toBe('Saved.'));
    expect(fakeBrowser.storage.local.set).toHaveBeenCalledWith({ highlights: false });
  });

  it('switches its own text to the chosen language at once', async () => {
    renderOptions();
    fireEvent.change(screen.getByRole('combobox', { name: /Language of the extension/ }), { target: { value: 'cy' } });
    await screen.findByRole('heading', { level: 1, name: `${brand.name}: gosodiadau` });
    expect(fakeBrowser.storage.local.set).toHaveBeenCalledWith({ language: 'cy' });
    expect(document.documentElement.lang).toBe('cy');
    expect(notice()).toBe('Wedi’i gadw.');
  });

  it('asks for all sites straight from the choice, and keeps the old mode when refused', async () => {
    fakeBrowser.permissions.request.mockResolvedValue(false);
    renderOptions();
    fireEvent.click(radio(/^All sites/));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await waitFor(() => expect(notice()).toBe('Access to all sites was not granted. Nothing was changed.'));
    expect(radio(/^News sites on its list/).checked).toBe(true);
    expect(radio(/^All sites/).checked).toBe(false);
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('has the background register all sites once they are granted', async () => {
    renderOptions();
    fireEvent.click(radio(/^All sites/));
    await waitFor(() => expect(notice()).toBe('Saved.'));
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'set-run-mode', payload: { mode: 'all-sites' } });
    expect(radio(/^All sites/).checked).toBe(true);
  });

  it('switches to "only when I click" without asking for anything', async () => {
    renderOptions({ ...DEFAULT_SETTINGS, runMode: 'all-sites' });
    fireEvent.click(radio(/^Only when I click/));
    await waitFor(() => expect(notice()).toBe('Saved.'));
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'set-run-mode', payload: { mode: 'on-click' } });
  });

  it('says when a change could not be saved, and shows what is still in force', async () => {
    fakeBrowser.runtime.sendMessage.mockRejectedValue(new Error('no background'));
    renderOptions();
    fireEvent.click(radio(/^Only when I click/));
    await waitFor(() => expect(notice()).toBe('The change could not be saved.'));
    expect(radio(/^News sites on its list/).checked).toBe(true);
  });

  it('has no "report a wrong match" link unless this copy has somewhere to send reports', () => {
    renderOptions();
    expect(screen.queryByRole('link', { name: 'Report a wrong match' })).toBeNull();
  });

  it('links a prefilled report, opening in a new tab, when an address is configured', () => {
    const saved = { ...brand };
    Object.assign(brand, { issueUrl: 'https://example.org/reports/new', links: [{ label: 'Our guide', url: 'https://example.org/guide' }] });
    try {
      renderOptions();
      const section = screen.getByRole('heading', { name: 'Contact' }).closest('section')!;
      const report = within(section).getByRole('link', { name: 'Report a wrong match' });
      const body = `Page address:\n\nPassage that was flagged (or missed):\n\nWhat is wrong:\n\n---\nExtension version 1.2.3, record as of ${dataset.asOf}`;
      expect(report.getAttribute('href')).toBe(reportUrl(brand, { title: 'Wrong match on a news page', body }));
      expect(report.getAttribute('target')).toBe('_blank');
      expect(report.getAttribute('rel')).toBe('noopener noreferrer');
      expect(within(section).getByRole('link', { name: 'Our guide' }).getAttribute('href')).toBe('https://example.org/guide');
    } finally {
      Object.assign(brand, saved);
      delete brand.issueUrl;
    }
  });

  it('has no serious accessibility violation', async () => {
    const { container } = renderOptions();
    await expectNoSeriousViolations(container);
  });
});
