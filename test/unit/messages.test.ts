import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { lexiconData } from '../../src/detect/lexicon';
import { call, fail, ok, parseContentToBackground, parseLexiconData, parsePageToBackground, parsePopupToContent, type PageToBackground } from '../../src/messages';

const context = { text: 'NHS Digital shared addresses.', blocks: [{ start: 0, end: 29 }], passages: [{ topic: 'home-office-mou', block: 0 }] };
const report = { mentions: [{ topic: 'home-office-mou', passage: 'NHS Digital shared addresses.', phrases: ['NHS Digital'], confidence: 0.9 }], flagged: 1, truncated: false, chars: 120, context };

describe('message validation', () => {
  it('accepts well-formed messages for each direction', () => {
    expect(parseContentToBackground({ type: 'page-report', payload: report })).toEqual({ type: 'page-report', payload: report });
    expect(parseContentToBackground({ type: 'hover-card-text', payload: { topic: 'home-office-mou' } })).not.toBeNull();
    expect(parsePageToBackground({ type: 'get-tab-state', payload: { tabId: 4 } })).not.toBeNull();
    expect(parsePageToBackground({ type: 'scan-tab', payload: { tabId: 4 } })).not.toBeNull();
    expect(parsePopupToContent({ type: 'show-mention', payload: { index: 0 } })).not.toBeNull();
    expect(parsePopupToContent({ type: 'ping', payload: {} })).toEqual({ type: 'ping', payload: {} });
    expect(parsePopupToContent({ type: 'ping', payload: { index: 0 } })).toBeNull();
  });

  it.each([
    ['a negative index', { type: 'show-mention', payload: { index: -1 } }],
    ['a fractional index', { type: 'show-mention', payload: { index: 1.5 } }],
    ['an index as text', { type: 'show-mention', payload: { index: '0' } }],
    ['an extra payload key', { type: 'show-mention', payload: { index: 0, html: '<b>' } }],
    ['an extra key', { type: 'ping', payload: {}, also: 1 }],
    ['an array payload', { type: 'ping', payload: [] }],
    ['a type for the background', { type: 'get-tab-state', payload: { tabId: 1 } }],
    ['no message at all', null],
  ])('the content script refuses %s', (_case, message) => {
    expect(parsePopupToContent(message)).toBeNull();
  });

  it.each([
    ['unknown type', { type: 'delete-everything', payload: {} }],
    ['wrong direction', { type: 'get-tab-state', payload: { tabId: 1 } }],
    ['missing payload', { type: 'page-report' }],
    ['a topic id that is no id', { type: 'hover-card-text', payload: { topic: '<img src=x>' } }],
    ['confidence out of range', { type: 'page-report', payload: { ...report, mentions: [{ ...report.mentions[0], confidence: 7 }] } }],
    ['no claim context', { type: 'page-report', payload: { ...report, context: undefined } }],
    ['no count of the flagged passages', { type: 'page-report', payload: { ...report, flagged: undefined } }],
    ['a fractional count', { type: 'page-report', payload: { ...report, flagged: 1.5 } }],
    ['oversized claim context', { type: 'page-report', payload: { ...report, context: { ...context, text: 'x'.repeat(70_000) } } }],
    ['oversized passage', { type: 'page-report', payload: { ...report, mentions: [{ ...report.mentions[0], passage: 'x'.repeat(5000) }] } }],
    ['not an object', 'page-report'],
    ['null', null],
  ])('rejects a content-script message with %s', (_case, message) => {
    expect(parseContentToBackground(message)).toBeNull();
  });

  it('takes the lexicon from the background as lists of strings, and nothing else', () => {
    expect(parseContentToBackground({ type: 'lexicon', payload: {} })).toEqual({ type: 'lexicon', payload: {} });
    expect(parseContentToBackground({ type: 'lexicon', payload: { topic: 'gpdpr' } })).toBeNull();
    const data = lexiconData(parseDataset(raw).topics);
    expect(parseLexiconData(JSON.parse(JSON.stringify(data)))).toEqual(data);
    for (const bad of [null, [], 'x', { topics: ['a'] }, { topics: 'a', meanings: {} }, { topics: ['a'], meanings: { nhs: 'NHS' } }, { topics: ['a'], meanings: { nhs: ['NHS', 1] } }, { topics: [2], meanings: {} }]) {
      expect(parseLexiconData(bad)).toBeNull();
    }
  });

  it('accepts each run mode from the pages, and nothing else', () => {
    for (const mode of ['news-sites', 'all-sites', 'on-click']) {
      expect(parsePageToBackground({ type: 'set-run-mode', payload: { mode } })).toEqual({ type: 'set-run-mode', payload: { mode } });
    }
    for (const mode of ['everywhere', '', 1, null]) expect(parsePageToBackground({ type: 'set-run-mode', payload: { mode } })).toBeNull();
    expect(parseContentToBackground({ type: 'set-run-mode', payload: { mode: 'all-sites' } })).toBeNull();
  });

  it('rejects tab ids that are not whole, non-negative numbers', () => {
    for (const tabId of [-1, 1.5, '3', Number.NaN]) {
      expect(parsePageToBackground({ type: 'get-tab-state', payload: { tabId } })).toBeNull();
    }
  });
});

describe('typed calls', () => {
  it('unwraps an ok reply and throws on a failed or missing one', async () => {
    await expect(call<PageToBackground, 'get-tab-state'>(async () => ok(5), 'get-tab-state', { tabId: 1 })).resolves.toBe(5);
    await expect(call<PageToBackground, 'get-tab-state'>(async () => fail(new Error('no such tab')), 'get-tab-state', { tabId: 1 })).rejects.toThrow('no such tab');
    await expect(call<PageToBackground, 'get-tab-state'>(async () => undefined, 'get-tab-state', { tabId: 1 })).rejects.toThrow('No reply');
  });
});
