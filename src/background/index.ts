/**
 * The background owns per-tab state: it takes reports from content scripts, shows the badge,
 * answers the popup, injects the content script on a user's click (activeTab) and switches where
 * the content script runs by itself.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  call,
  fail,
  ok,
  parseContentToBackground,
  parsePageToBackground,
  type PopupToContent,
  type Result,
} from '../messages';
import { setBadgeStyle, showCount } from './badge';
import { checkPageClaims } from './claims';
import { hoverCardText } from './hover-card-text';
import { declaredContentScript, followPermissionChanges, setRunMode } from './run-mode';
import { createMenu, onMenuClick } from './selection';
import { saveTabState, selectionChecks, tabStates } from './tab-state';
import { resolveLanguage } from '../ui/i18n';
import { loadSettings } from '../ui/settings-store';

/** Messages from the extension's own pages (popup, options), not from content scripts. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/**
 * Whether the tab's page still runs the content script, so that its results still apply. Without
 * the `tabs` permission, tab updates do not say where a tab went (to a site the extension does
 * not read, or to a page left for a click), so the page itself is asked.
 */
function pageAnswers(tabId: number): Promise<boolean> {
  return call<PopupToContent, 'ping'>((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }), 'ping', {}).catch(() => false);
}

async function forgetTabResults(tabId: number): Promise<void> {
  await Promise.all([tabStates.forget(tabId), selectionChecks.forget(tabId)]);
}

async function handle(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown> | undefined> {
  if (sender.id !== browser.runtime.id) return undefined;

  if (fromExtensionPage(sender)) {
    const request = parsePageToBackground(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'get-tab-state': {
        const { tabId } = request.payload;
        const state = await tabStates.load(tabId);
        if (state && !(await pageAnswers(tabId))) {
          await forgetTabResults(tabId);
          return ok(null);
        }
        return ok(state);
      }
      case 'get-selection-check':
        return ok(await selectionChecks.load(request.payload.tabId));
      case 'scan-tab': {
        const target = { tabId: request.payload.tabId };
        // Tells the content script that a user asked, which it needs in "only when I click" mode.
        await browser.scripting.executeScript({
          target,
          func: () => {
            (globalThis as { pdcScanRequested?: boolean }).pdcScanRequested = true;
          },
        });
        await browser.scripting.executeScript({ target, files: declaredContentScript().js });
        return ok(null);
      }
      case 'set-run-mode':
        return ok(await setRunMode(request.payload.mode));
    }
  }

  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  const request = parseContentToBackground(message);
  if (!request) return undefined;
  switch (request.type) {
    case 'page-report': {
      const { context, ...report } = request.payload;
      await saveTabState(tabId, report, checkPageClaims(context));
      await showCount(tabId, report.flagged);
      return ok(null);
    }
    case 'hover-card-text': {
      const { language } = await loadSettings();
      return ok(hoverCardText(request.payload.topic, resolveLanguage(language)));
    }
    case 'lexicon':
      return ok(__PDC_LEXICON__);
    case 'open-details': {
      const popup = browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';
      const url = `${browser.runtime.getURL(popup)}?tab=${tabId}#${encodeURIComponent(request.payload.topic)}`;
      await browser.tabs.create({ url, openerTabId: tabId });
      return ok(null);
    }
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handle(message, sender).catch((error: unknown) => fail(error)),
);

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A new document is loading: the old page's results no longer apply.
  if (changeInfo.status === 'loading' && changeInfo.url !== undefined) {
    void forgetTabResults(tabId);
    void showCount(tabId, 0);
  }
  // Also fired by frames and same-page navigations, so it checks rather than forgets.
  if (changeInfo.status === 'complete') {
    void pageAnswers(tabId).then((answers) => (answers ? undefined : forgetTabResults(tabId)));
  }
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTabResults(tabId));
followPermissionChanges();
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
browser.runtime.onInstalled.addListener(() => {
  createMenu();
  void setBadgeStyle();
});
browser.runtime.onStartup.addListener(() => void setBadgeStyle());
