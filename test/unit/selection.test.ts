import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
const browser = {
  storage: {
    session: {
      set: vi.fn(async (items: Record<string, unknown>) => Object.entries(items).forEach(([k, v]) => session.set(k, v))),
      get: vi.fn(async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {})),
      remove: vi.fn(async (key: string) => void session.delete(key)),
    },
  },
  action: { openPopup: vi.fn(async () => {}) },
  tabs: { create: vi.fn(async () => ({})) },
  runtime: { getManifest: () => ({ action: { default_popup: 'src/popup/index.html' } }), getURL: (path: string) => `chrome-extension://id/${path}` },
  contextMenus: { create: vi.fn() },
  i18n: { getMessage: (key: string) => key },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { checkText, MENU_ID, onMenuClick } = await import('../../src/background/selection');
const { selectionChecks } = await import('../../src/background/tab-state');
const loadSelectionCheck = selectionChecks.load;

const RELEVANT = "NHS Digital passed patients' addresses to the Home Office to trace immigration offenders.";

describe('checking selected text', () => {
  beforeEach(() => {
    session.clear();
    vi.clearAllMocks();
  });

  it('finds the topic in a relevant selection and nothing in an unrelated one', () => {
    expect(checkText(RELEVANT).report.mentions.map((m) => m.topic)).toEqual(['home-office-mou']);
    expect(checkText('NHS waiting lists fell again this month.').report.mentions).toEqual([]);
  });

  it('caps a huge selection and says so', () => {
    const check = checkText(`${RELEVANT} ${'filler '.repeat(10_000)}`);
    expect(check.report.truncated).toBe(true);
    expect(check.report.chars).toBe(20_000);
    expect(check.excerpt.length).toBeLessThanOrEqual(300);
  });

  it('keeps the result for the tab and opens the popup', async () => {
    await onMenuClick({ menuItemId: MENU_ID, selectionText: RELEVANT, editable: false, modifiers: [] }, { id: 7 } as never);
    expect((await loadSelectionCheck(7))?.report.mentions).toHaveLength(1);
    expect(browser.action.openPopup).toHaveBeenCalled();
    expect(browser.tabs.create).not.toHaveBeenCalled();
  });

  it('opens the popup page in a tab where the browser will not open the popup', async () => {
    browser.action.openPopup.mockRejectedValueOnce(new Error('not allowed'));
    await onMenuClick({ menuItemId: MENU_ID, selectionText: RELEVANT, editable: false, modifiers: [] }, { id: 9 } as never);
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://id/src/popup/index.html?tab=9', openerTabId: 9 });
  });

  it('ignores other menu items and clicks without a selection', async () => {
    await onMenuClick({ menuItemId: 'other', selectionText: RELEVANT, editable: false, modifiers: [] }, { id: 7 } as never);
    await onMenuClick({ menuItemId: MENU_ID, editable: false, modifiers: [] }, { id: 7 } as never);
    expect(session.size).toBe(0);
  });
});

describe('checking selected text against the record', () => {
  it('checks the dates in a selection', () => {
    const check = checkText("NHS Digital's agreement to pass patients' addresses to the Home Office was withdrawn in November 2018.");
    expect(check.claims.map((c) => [c.verdict, c.expected])).toEqual([['matches', '9 November 2018']]);
  });
});
