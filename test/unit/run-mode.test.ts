import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followPermissionChanges, setRunMode } from '../../src/background/run-mode';
import { fakeBrowser } from './support/fake-browser';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

const { scripting, permissions, storage } = fakeBrowser;
let registered: { id: string }[] = [];

beforeEach(() => {
  vi.resetAllMocks();
  registered = [];
  scripting.getRegisteredContentScripts.mockImplementation(async () => [...registered]);
  scripting.registerContentScripts.mockImplementation(async (scripts) => {
    // The browser refuses a second script with the same id.
    for (const script of scripts as { id: string }[]) {
      if (registered.some((r) => r.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered.push(script);
    }
  });
  scripting.unregisterContentScripts.mockImplementation(async () => void (registered = []));
});

describe('switching where the content script runs', () => {
  it('registers the declared script for every other site once all sites are granted', async () => {
    permissions.contains.mockResolvedValue(true);
    await expect(setRunMode('all-sites')).resolves.toBe('all-sites');
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([
      { id: 'all-sites', js: ['src/content.js'], matches: ['<all_urls>'], excludeMatches: ['https://news.example/*'], runAt: 'document_idle' },
    ]);
    expect(storage.local.set).toHaveBeenCalledWith({ runMode: 'all-sites' });
  });

  it('refuses all sites without the permission, and changes nothing', async () => {
    permissions.contains.mockResolvedValue(false);
    await expect(setRunMode('all-sites')).rejects.toThrow('not been granted');
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(storage.local.set).not.toHaveBeenCalled();
  });

  it('registers once when the grant arrives twice at the same time', async () => {
    permissions.contains.mockResolvedValue(true);
    await Promise.all([setRunMode('all-sites'), setRunMode('all-sites')]);
    expect(registered).toHaveLength(1);
  });

  it.each(['news-sites', 'on-click'] as const)('on leaving all sites for %s: stores the mode, unregisters, gives the permission back', async (mode) => {
    permissions.contains.mockResolvedValue(true);
    await setRunMode('all-sites');
    await setRunMode(mode);
    expect(registered).toEqual([]);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect(storage.local.set).toHaveBeenLastCalledWith({ runMode: mode });
    // Stored before the permission goes, so its removal is not read as a revocation.
    expect(storage.local.set.mock.invocationCallOrder.at(-1)!).toBeLessThan(permissions.remove.mock.invocationCallOrder.at(-1)!);
  });
});

describe('following the browser’s permission changes', () => {
  beforeEach(() => followPermissionChanges());

  it('switches to all sites when the permission is granted from anywhere', async () => {
    permissions.contains.mockResolvedValue(true);
    await permissions.onAdded.dispatch({ origins: ['<all_urls>'] });
    await vi.waitFor(() => expect(registered).toHaveLength(1));
    expect(storage.local.set).toHaveBeenCalledWith({ runMode: 'all-sites' });
  });

  it('goes back to news sites when all sites are revoked in the browser', async () => {
    registered = [{ id: 'all-sites' }];
    storage.local.get.mockResolvedValue({ runMode: 'all-sites' });
    await permissions.onRemoved.dispatch({ origins: ['<all_urls>'] });
    expect(registered).toEqual([]);
    expect(storage.local.set).toHaveBeenCalledWith({ runMode: 'news-sites' });
  });

  it('leaves another mode alone when the permission goes', async () => {
    storage.local.get.mockResolvedValue({ runMode: 'on-click' });
    await permissions.onRemoved.dispatch({ origins: ['<all_urls>'] });
    expect(storage.local.set).not.toHaveBeenCalled();
  });

  it('ignores other permissions', async () => {
    await permissions.onAdded.dispatch({ origins: ['https://example.org/*'] });
    await permissions.onRemoved.dispatch({ permissions: ['storage'] });
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(storage.local.set).not.toHaveBeenCalled();
  });
});
