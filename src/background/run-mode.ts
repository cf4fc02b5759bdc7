/**
 * Where the content script runs by itself. The news sites are declared in the manifest and always
 * stay registered; "all sites" adds a dynamic registration for every other site, which exists only
 * while the optional `<all_urls>` permission is granted. "Only when I click" is enforced by the
 * content script itself (it reads the mode and waits for a click), so it unregisters nothing here.
 */
import browser from 'webextension-polyfill';
import { ALL_SITES_PERMISSION, type RunMode } from '../settings';

const ALL_SITES_SCRIPT_ID = 'all-sites';

/** The content script as the manifest declares it for the news sites. */
export function declaredContentScript(): { js: string[]; matches: string[] } {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  if (!declared?.js?.length) throw new Error('No content script in the manifest');
  return { js: declared.js, matches: declared.matches ?? [] };
}

async function registerForAllSites(): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (existing.length > 0) return;
  const { js, matches } = declaredContentScript();
  await browser.scripting.registerContentScripts([
    // The news sites are left out: their declared script already runs there.
    { id: ALL_SITES_SCRIPT_ID, js, matches: ['<all_urls>'], excludeMatches: matches, runAt: 'document_idle' },
  ]);
}

async function unregisterFromAllSites(): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
}

async function apply(mode: RunMode): Promise<RunMode> {
  if (mode === 'all-sites') {
    if (!(await browser.permissions.contains(ALL_SITES_PERMISSION))) throw new Error('Access to all sites has not been granted');
    await registerForAllSites();
    await browser.storage.local.set({ runMode: mode });
    return mode;
  }
  // Stored first, so the permission's removal below is not taken for a revocation of this mode.
  await browser.storage.local.set({ runMode: mode });
  await unregisterFromAllSites();
  // Leaving "all sites" gives the access back rather than keeping it unused.
  await browser.permissions.remove(ALL_SITES_PERMISSION);
  return mode;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Switches the run mode. Calls run one at a time: a grant reaches the background both as the
 * page's message and as `permissions.onAdded`, and the two must not register the script twice.
 */
export function setRunMode(mode: RunMode): Promise<RunMode> {
  const next = queue.then(() => apply(mode));
  queue = next.catch(() => undefined);
  return next;
}

const grantsAllSites = (permissions: { origins?: string[] }) => permissions.origins?.includes('<all_urls>') ?? false;

/**
 * Follows grants and revocations made outside the extension's pages: a grant from a popup that
 * closed before it could answer (Firefox closes it for the prompt), or a revocation in the
 * browser's own settings.
 */
export function followPermissionChanges(): void {
  browser.permissions.onAdded.addListener((permissions) => {
    if (grantsAllSites(permissions)) void setRunMode('all-sites').catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(async (permissions) => {
    if (!grantsAllSites(permissions)) return;
    const { runMode } = await browser.storage.local.get('runMode');
    if (runMode === 'all-sites') await setRunMode('news-sites').catch(() => undefined);
  });
}
