/**
 * The background owns per-tab state: it takes reports from content scripts, shows the badge,
 * answers the popup, and injects the content script on a user's click (activeTab).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  fail,
  ok,
  parseContentToBackground,
  parsePageToBackground,
  type Result,
} from '../messages';
import { setBadgeStyle, showCount } from './badge';
import { checkPageClaims } from './claims';
import { createMenu, forgetSelectionCheck, loadSelectionCheck, onMenuClick } from './selection';
import { forgetTab, loadTabState, saveTabState } from './tab-state';

/** Messages from the extension's own pages (popup, options), not from content scripts. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

async function handle(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown> | undefined> {
  if (sender.id !== browser.runtime.id) return undefined;

  if (fromExtensionPage(sender)) {
    const request = parsePageToBackground(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'get-tab-state':
        return ok(await loadTabState(request.payload.tabId));
      case 'get-selection-check':
        return ok(await loadSelectionCheck(request.payload.tabId));
      case 'scan-tab': {
        const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
        if (!file) return fail('No content script in the manifest');
        await browser.scripting.executeScript({ target: { tabId: request.payload.tabId }, files: [file] });
        return ok(null);
      }
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
      await showCount(tabId, report.mentions.length);
      return ok(null);
    }
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
    void forgetTab(tabId);
    void forgetSelectionCheck(tabId);
    void showCount(tabId, 0);
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetSelectionCheck(tabId);
});
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
browser.runtime.onInstalled.addListener(() => {
  createMenu();
  void setBadgeStyle();
});
browser.runtime.onStartup.addListener(() => void setBadgeStyle());
