// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotCovered } from '../../src/popup/states/NotCovered';
import type { RunMode } from '../../src/settings';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

function renderNotCovered(runMode: RunMode, onScan = vi.fn(async (): Promise<void> => undefined), onAllowAllSites = vi.fn(async () => true)) {
  return { onScan, onAllowAllSites, ...render(<NotCovered runMode={runMode} onScan={onScan} onAllowAllSites={onAllowAllSites} />) };
}
const status = () => screen.getByRole('status').textContent;

describe('popup: page not covered', () => {
  it('explains why the page was not read, for each run mode', () => {
    const texts = (['news-sites', 'on-click', 'all-sites'] as const).map((mode) => {
      const { container, unmount } = renderNotCovered(mode);
      const text = container.textContent!;
      unmount();
      return text;
    });
    expect(texts[0]).toContain('reads only the news sites it lists');
    expect(texts[1]).toContain('You chose to have pages read only when you click');
    expect(texts[2]).toContain('before all sites were allowed');
  });

  it('scans the page on request, and says when the page cannot be scanned', async () => {
    const onScan = vi.fn(async () => {
      throw new Error('Cannot access a chrome:// URL');
    });
    renderNotCovered('news-sites', onScan);
    const button = screen.getByRole('button', { name: 'Scan this page' });
    fireEvent.click(button);
    expect(onScan).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(status()).toContain('This page cannot be scanned'));
  });

  it('disables its buttons while a scan runs', () => {
    renderNotCovered('news-sites', vi.fn(() => new Promise<void>(() => {})));
    fireEvent.click(screen.getByRole('button', { name: 'Scan this page' }));
    expect((screen.getByRole('button', { name: 'Scanning…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Allow on all sites' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('allows all sites and then scans this page', async () => {
    const { onScan, onAllowAllSites } = renderNotCovered('on-click');
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    expect(onAllowAllSites).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onScan).toHaveBeenCalledTimes(1));
  });

  it('changes nothing when the user declines all sites, and says so', async () => {
    const { onScan } = renderNotCovered('news-sites', undefined, vi.fn(async () => false));
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    await waitFor(() => expect(status()).toBe('Access to all sites was not granted. Nothing was changed.'));
    expect(onScan).not.toHaveBeenCalled();
  });

  it('does not offer all sites when they are already allowed', () => {
    renderNotCovered('all-sites');
    expect(screen.queryByRole('button', { name: 'Allow on all sites' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Scan this page' })).toBeTruthy();
  });

  it('has no serious accessibility violation', async () => {
    const { container } = renderNotCovered('news-sites');
    await expectNoSeriousViolations(container);
  });
});
