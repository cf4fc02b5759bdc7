// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataset, topicById } from '../../src/data/bundled';
import { formatCitations } from '../../src/data/citations';
import { keyDatesOf, sourcesOf } from '../../src/data/topics';
import { formatDate } from '../../src/dates';
import type { Claim } from '../../src/claims';
import type { PageReport } from '../../src/messages';
import { MentionsFound } from '../../src/popup/states/MentionsFound';
import { FIRST_SOURCES } from '../../src/ui/TopicSources';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

const mou = topicById('home-office-mou')!;
const mention = (topic: string, passage: string) => ({ topic, passage, phrases: ['NHS Digital'], confidence: 0.9 });
const report: PageReport = {
  mentions: [
    mention('home-office-mou', 'NHS Digital handed patients’ addresses to the Home Office.'),
    mention('care-data', 'The care.data scheme was closed in 2016.'),
    mention('home-office-mou', 'The memorandum was withdrawn in November 2018.'),
  ],
  flagged: 3,
  truncated: false,
  chars: 4000,
};
const writeText = vi.fn(async (_text: string) => undefined);

beforeEach(() => {
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(cleanup);

const renderFound = (onShow = vi.fn(async (_index: number) => true), value = report, claims: Claim[] = []) => ({
  onShow,
  ...render(<MentionsFound report={value} claims={claims} onShow={onShow} />),
});
const topicCard = (container: Element, id: string) => container.querySelector<HTMLElement>(`[data-topic="${id}"]`)!;

describe('popup: mentions found', () => {
  it('groups the passages by topic, in dataset order, with the count', () => {
    const { container } = renderFound();
    expect(screen.getByRole('heading', { level: 2, name: 'This page mentions NHS data sharing' })).toBeTruthy();
    expect(container.textContent).toContain('3 passage(s) flagged on this page.');
    expect(container.textContent).not.toContain('Only the first');
    const order = dataset.topics.map((t) => t.id).filter((id) => id === 'home-office-mou' || id === 'care-data');
    expect([...container.querySelectorAll('article')].map((a) => a.dataset.topic)).toEqual(order);
    const passages = [...topicCard(container, 'home-office-mou').querySelectorAll('blockquote')];
    expect(passages.map((p) => p.textContent)).toEqual([report.mentions[0]!.passage, report.mentions[2]!.passage]);
  });

  it('shows each topic’s status, since when and the record’s date, then its summary', () => {
    const { container } = renderFound();
    const card = topicCard(container, 'home-office-mou');
    const banner = card.querySelector('.status-banner')!.textContent!;
    expect(banner).toContain(`${mou.status.label} since ${formatDate(mou.status.since, 'en-GB')}`);
    expect(banner).toContain(`Record as of ${formatDate(dataset.asOf, 'en-GB')}`);
    expect(card.querySelector('.summary')!.textContent).toBe(mou.summary);
  });

  it('shows the key dates first and every date on demand', () => {
    const { container } = renderFound();
    const card = topicCard(container, 'home-office-mou');
    const dates = () => [...card.querySelectorAll('.timeline time')].map((time) => time.getAttribute('datetime'));
    expect(dates()).toEqual(keyDatesOf(mou.events).map((e) => e.date));
    expect(dates().length).toBeLessThan(mou.events.length);
    const more = within(card).getByRole('button', { name: `Show all ${mou.events.length} dates` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(dates()).toEqual(mou.events.map((e) => e.date));
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toBe('Show the key dates only');
  });

  it('lists sources primary first, marked by kind, opening in a new tab', () => {
    const { container } = renderFound();
    const card = topicCard(container, 'home-office-mou');
    const expected = sourcesOf(dataset, mou);
    const items = () => [...card.querySelectorAll('.source-list > li')];
    expect(items()).toHaveLength(FIRST_SOURCES);
    fireEvent.click(within(card).getByRole('button', { name: `Show all ${expected.length} sources` }));
    expect(items()).toHaveLength(expected.length);
    expect(items().map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(expected.map((s) => s.url));
    for (const link of card.querySelectorAll('.source-list a')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const labels = items().map((li) => li.querySelector('.kind')!.textContent);
    const [press, party] = [expected.findIndex((s) => s.kind === 'secondary'), expected.findIndex((s) => s.kind === 'party')];
    expect(0).toBeLessThan(press);
    expect(press).toBeLessThan(party);
    expect(labels[0]).toBe('Primary source');
    expect(labels[press]).toBe('Press or commentary');
    expect(labels[party]).toBe('Statement by a party involved');
  });

  it('copies one source or all of a topic’s sources in the chosen format, and says so', async () => {
    const { container } = renderFound();
    const card = topicCard(container, 'home-office-mou');
    const sources = sourcesOf(dataset, mou);
    fireEvent.click(within(card).getByRole('button', { name: `Copy the citation for ${sources[1]!.title}` }));
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Copied 1 reference as Plain reference.'));
    expect(writeText).toHaveBeenLastCalledWith(formatCitations([sources[1]!], 'plain'));

    fireEvent.change(within(card).getByLabelText('Cite as'), { target: { value: 'bibtex' } });
    fireEvent.click(within(card).getByRole('button', { name: `Copy all ${sources.length}` }));
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe(`Copied ${sources.length} references as BibTeX.`));
    expect(writeText).toHaveBeenLastCalledWith(formatCitations(sources, 'bibtex'));
  });

  it('says so when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    const { container } = renderFound();
    const card = topicCard(container, 'care-data');
    fireEvent.click(within(card).getByRole('button', { name: /^Copy all/ }));
    await waitFor(() => expect(within(card).getByRole('status').textContent).toContain('Could not copy'));
  });

  it('asks the page to show a passage, and says when it is gone', async () => {
    const onShow = vi.fn(async (index: number) => index !== 2);
    const { container } = renderFound(onShow);
    const buttons = within(topicCard(container, 'home-office-mou')).getAllByRole('button', { name: 'Show on page' });
    fireEvent.click(buttons[1]!);
    expect(onShow).toHaveBeenCalledWith(2);
    await waitFor(() => expect(container.textContent).toContain('That passage is no longer on the page.'));
  });

  it('keeps a labelled place for what the record says, saying when no date or figure was checked', () => {
    renderFound();
    const section = screen.getByRole('region', { name: 'What the record says' });
    expect(section.textContent).toContain('No dates or figures on this page were checked.');
  });

  it('lists the page’s checked dates and figures with the verdict and what the record says', () => {
    const withdrawn = mou.events.find((e) => /withdrawn/i.test(e.title))!;
    const claim: Claim = {
      start: 0,
      end: 0,
      text: 'withdrawn in December 2018',
      kind: 'date',
      topic: mou.id,
      verdict: 'differs',
      expected: formatDate(withdrawn.date, 'en-GB'),
      sources: withdrawn.sources,
      record: null,
    };
    renderFound(undefined, report, [claim]);
    const section = screen.getByRole('region', { name: 'What the record says' });
    expect(section.textContent).toContain('Differs from the record');
    expect(section.textContent).toContain(`The record: ${claim.expected}`);
    expect(section.textContent).not.toContain('No dates or figures');
    const titles = withdrawn.sources.map((id) => dataset.sources.find((s) => s.id === id)!.title);
    expect(within(section).getAllByRole('link').map((a) => a.textContent)).toEqual(titles);
  });

  it('counts every flagged passage of a page with more than it lists, and says only the first are listed', () => {
    const { container } = renderFound(undefined, { ...report, flagged: 12_480 });
    expect(container.textContent).toContain('12,480 passage(s) flagged on this page.');
    expect(container.textContent).toContain('Only the first 3 are listed below.');
    expect(container.querySelectorAll('blockquote')).toHaveLength(3);
  });

  it('says when only the start of a long page was read, and copes with a topic it does not know', () => {
    const { container } = renderFound(undefined, { ...report, mentions: [mention('retired-topic', 'Patient data went somewhere.')], flagged: 1, truncated: true });
    expect(container.textContent).toContain('only its first part was scanned');
    expect(screen.getByRole('heading', { level: 3, name: 'Other NHS data sharing' })).toBeTruthy();
    expect(container.textContent).toContain('Patient data went somewhere.');
  });

  it('has no serious accessibility violation', async () => {
    const { container } = renderFound();
    await expectNoSeriousViolations(container);
  });
});
