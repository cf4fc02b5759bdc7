/**
 * "Check with Patient Data Context" on selected text, on any page: the browser hands the
 * selection to the extension, so no access to the page is needed. The result is kept per tab,
 * like page results, and shown in the popup.
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { brand } from '../brand';
import { checkClaims } from '../claims';
import { dataset } from '../data/bundled';
import { blocksFromPlainText } from '../detect/blocks';
import { detect } from '../detect/detector';
import { buildLexicon } from '../detect/lexicon';
import { summarise } from '../detect/summary';
import type { SelectionCheck } from '../messages';
import { selectionChecks } from './tab-state';

export const MENU_ID = 'check-selection';
/** Selections longer than this are checked in part; the popup says so. */
const MAX_SELECTION_CHARS = 20_000;

let lexicon: ReturnType<typeof buildLexicon> | null = null;

export function checkText(selection: string): SelectionCheck {
  lexicon ??= buildLexicon(dataset.topics);
  const text = selection.slice(0, MAX_SELECTION_CHARS);
  const blocks = blocksFromPlainText(text);
  const mentions = detect(lexicon, text, blocks);
  return {
    excerpt: text.length > 300 ? `${text.slice(0, 299)}…` : text,
    report: { mentions: mentions.map((m) => summarise(text, m)), flagged: mentions.length, truncated: text.length < selection.length, chars: text.length },
    claims: checkClaims(text, mentions, dataset, { blocks }),
    checkedAt: Date.now(),
  };
}

export function createMenu(): void {
  browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('checkSelection', brand.name), contexts: ['selection'] });
}

/** Checks the selection, keeps the result for the tab, and shows it: in the popup where the browser allows, else in a tab. */
export async function onMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.selectionText || tab?.id === undefined) return;
  await selectionChecks.save(tab.id, checkText(info.selectionText));
  try {
    await browser.action.openPopup();
  } catch {
    const popup = browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';
    await browser.tabs.create({ url: `${browser.runtime.getURL(popup)}?tab=${tab.id}`, openerTabId: tab.id });
  }
}
