/**
 * A stand-in for webextension-polyfill in component and background tests:
 * `vi.mock('webextension-polyfill', () => import('./support/fake-browser'))`.
 * The UI picks its messages from the bundled locales by the browser language, English here.
 */
import { vi } from 'vitest';
import { ok } from '../../../src/messages';

type Listener = (...args: any[]) => unknown;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: vi.fn((listener: Listener) => void listeners.add(listener)),
    removeListener: vi.fn((listener: Listener) => void listeners.delete(listener)),
    /** Calls every listener, as the browser would. */
    dispatch: (...args: unknown[]) => Promise.all([...listeners].map((listener) => listener(...args))),
  };
}

export const fakeBrowser = {
  i18n: { getUILanguage: vi.fn(() => 'en-GB') },
  runtime: {
    id: 'test-extension',
    getURL: (path: string) => `chrome-extension://test-extension/${path}`,
    getManifest: vi.fn(() => ({ version: '1.2.3', content_scripts: [{ js: ['src/content.js'], matches: ['https://news.example/*'] }] })),
    sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => ok(null)),
    openOptionsPage: vi.fn(async () => undefined),
  },
  tabs: { query: vi.fn(async () => [{ id: 7 }]), sendMessage: vi.fn(async (): Promise<unknown> => ok(true)) },
  storage: {
    local: { get: vi.fn(async (_keys?: unknown): Promise<Record<string, unknown>> => ({})), set: vi.fn(async (_items: Record<string, unknown>) => undefined) },
    onChanged: fakeEvent(),
  },
  permissions: {
    request: vi.fn(async (_permissions: unknown) => true),
    contains: vi.fn(async (_permissions: unknown) => true),
    remove: vi.fn(async (_permissions: unknown) => true),
    onAdded: fakeEvent(),
    onRemoved: fakeEvent(),
  },
  scripting: {
    getRegisteredContentScripts: vi.fn(async (_filter?: unknown): Promise<{ id: string }[]> => []),
    registerContentScripts: vi.fn(async (_scripts: unknown[]) => undefined),
    unregisterContentScripts: vi.fn(async (_filter?: unknown) => undefined),
  },
};

/** Answers the pages' messages to the background by type, wrapped as the background wraps them. */
export function answerMessages(answers: Record<string, (payload: any) => unknown>): void {
  fakeBrowser.runtime.sendMessage.mockImplementation(async (message: unknown) => {
    const { type, payload } = message as { type: string; payload: unknown };
    const answer = answers[type];
    if (!answer) throw new Error(`unexpected message ${type}`);
    return ok(await answer(payload));
  });
}

export default fakeBrowser;
