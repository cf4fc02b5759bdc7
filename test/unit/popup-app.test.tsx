// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../src/data/bundled';
import { staleFrom } from '../../src/data/freshness';
import type { TabState } from '../../src/messages';
import { App } from '../../src/popup/App';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { answerMessages, fakeBrowser } from './support/fake-browser';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

const flagged: TabState = {
  report: { mentions: [{ topic: 'gpdpr', passage: 'GP data for planning and research was paused.', phrases: ['GPDPR'], confidence: 1 }], flagged: 1, truncated: false, chars: 900 },
  claims: [],
  updatedAt: 0,
};
const clean: TabState = { report: { mentions: [], flagged: 0, truncated: false, chars: 900 }, claims: [], updatedAt: 0 };

beforeEach(() => {
  vi.resetAllMocks();
  history.replaceState(null, '', '/src/popup/index.html?tab=5');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const renderApp = (settings: Settings = DEFAULT_SETTINGS) => render(<App settings={settings} />);
const heading = (name: string) => screen.findByRole('heading', { level: 2, name });

describe('popup: choosing the state for the tab', () => {
  it('shows the mentions found on the tab named in ?tab=', async () => {
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': ({ tabId }) => (tabId === 5 ? flagged : null) });
    renderApp();
    await heading('This page mentions NHS data sharing');
    // Screen readers hear a short line for the new state, not the whole view.
    expect(document.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('1 passage(s) flagged on this page.');
  });

  it('uses the active tab when no tab is named', async () => {
    history.replaceState(null, '', '/src/popup/index.html');
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': ({ tabId }) => (tabId === 7 ? clean : flagged) });
    renderApp();
    await heading('Nothing found on this page');
  });

  it('says so when nothing was found in the first part of a page too long to read whole', async () => {
    const capped: TabState = { ...clean, report: { ...clean.report, truncated: true } };
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': () => capped });
    renderApp();
    await heading('Nothing found on this page');
    expect(document.querySelector('main .warning')!.textContent).toBe('This page is very long: only its first part was scanned.');
  });

  it('offers a scan when the tab has no results, and shows them once they arrive', async () => {
    let state: TabState | null = null;
    answerMessages({
      'get-selection-check': () => null,
      'get-tab-state': () => state,
      'scan-tab': ({ tabId }) => {
        expect(tabId).toBe(5);
        state = flagged;
        return null;
      },
    });
    renderApp();
    await heading('This page has not been scanned');
    fireEvent.click(screen.getByRole('button', { name: 'Scan this page' }));
    await waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'scan-tab', payload: { tabId: 5 } }));
    // The background stores the new results; the popup follows session storage.
    await fakeBrowser.storage.onChanged.dispatch({ 'tab:5': { newValue: flagged } }, 'session');
    await heading('This page mentions NHS data sharing');
  });

  it('asks for all sites from the click, has the background register them, then scans', async () => {
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': () => null, 'set-run-mode': ({ mode }) => mode, 'scan-tab': () => null });
    renderApp();
    await heading('This page has not been scanned');
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'scan-tab', payload: { tabId: 5 } }));
    const types = fakeBrowser.runtime.sendMessage.mock.calls.map(([message]) => (message as { type: string }).type);
    expect(types.indexOf('set-run-mode')).toBeLessThan(types.indexOf('scan-tab'));
  });

  it('shows the error when the background cannot answer', async () => {
    fakeBrowser.runtime.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    renderApp();
    await heading('Something went wrong');
    expect(document.body.textContent).toContain('Receiving end does not exist.');
  });

  it('warns about an old record from the day it turns stale, not before', async () => {
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': () => flagged });
    const stale = new Date(`${staleFrom(dataset.asOf)}T09:00:00Z`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(stale.getTime() - 86_400_000));
    const before = renderApp();
    await heading('This page mentions NHS data sharing');
    expect(before.container.textContent).not.toContain('The record may be out of date.');
    before.unmount();
    vi.setSystemTime(stale);
    const after = renderApp();
    await heading('This page mentions NHS data sharing');
    expect(after.container.textContent).toContain('The record may be out of date.');
  });

  it('opens the settings from its footer', async () => {
    answerMessages({ 'get-selection-check': () => null, 'get-tab-state': () => clean });
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
  });
});
