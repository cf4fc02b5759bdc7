// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../src/data/bundled';
import { formatDate } from '../../src/dates';
import { NothingFound } from '../../src/popup/states/NothingFound';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

describe('popup: nothing found on this page', () => {
  it('says nothing was found and lists every topic with its status', () => {
    const { container } = render(<NothingFound truncated={false} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Nothing found on this page' })).toBeTruthy();
    const summaries = [...container.querySelectorAll('.browse summary')].map((s) => s.textContent);
    expect(summaries).toEqual(dataset.topics.map((t) => `${t.title} — ${t.status.label} since ${formatDate(t.status.since, 'en-GB')}`));
    expect(container.textContent).toContain('No passage on this page was about NHS patient data being shared.');
    expect(container.textContent).not.toContain('only its first part was scanned');
  });

  it('on a page too long to read whole, says that only its first part was scanned and claims nothing of the rest', () => {
    const { container } = render(<NothingFound truncated />);
    expect(container.querySelector('.warning')!.textContent).toBe('This page is very long: only its first part was scanned.');
    expect(container.textContent).toContain('No passage in the part scanned was about NHS patient data being shared.');
    expect(container.textContent).not.toContain('No passage on this page');
  });

  it('keeps each topic’s record (summary, dates, sources) folded until asked for', () => {
    const { container } = render(<NothingFound truncated={false} />);
    const topic = dataset.topics[3]!;
    const details = container.querySelector<HTMLDetailsElement>(`details[data-topic="${topic.id}"]`)!;
    expect(details.open).toBe(false);
    expect(details.querySelector('.summary')!.textContent).toBe(topic.summary);
    expect(details.querySelectorAll('.timeline li').length).toBeGreaterThan(0);
    expect(details.querySelectorAll('.source-list li').length).toBeGreaterThan(0);
    // No page passages or claims: this page had none.
    expect(details.querySelector('.passages, .record-check')).toBeNull();
  });

  it('has no serious accessibility violation', async () => {
    const { container } = render(<NothingFound truncated={false} />);
    await expectNoSeriousViolations(container);
  });
});
