// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkText } from '../../src/background/selection';
import { topicById } from '../../src/data/bundled';
import { SelectionResult } from '../../src/popup/SelectionResult';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

const RELEVANT = "NHS Digital passed patients' addresses to the Home Office to trace immigration offenders.";

describe('popup: the check of selected text', () => {
  it('shows the start of the selection and each topic found in it, with its passage', () => {
    const { container } = render(<SelectionResult check={checkText(RELEVANT)} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Selected text' })).toBeTruthy();
    expect(container.querySelector('blockquote')!.textContent).toBe(RELEVANT);
    const items = [...container.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.topic)).toEqual(['home-office-mou']);
    expect(items[0]!.textContent).toBe(`${topicById('home-office-mou')!.title}: ${RELEVANT}`);
    expect(container.querySelector('.warning')).toBeNull();
  });

  it('says when the selection is not about NHS data being shared', () => {
    const { container } = render(<SelectionResult check={checkText('NHS waiting lists fell again this month.')} />);
    expect(container.textContent).toContain('The selected text is not about NHS patient data being shared.');
    expect(container.querySelector('li')).toBeNull();
  });

  it('says how much of a very long selection was checked, and claims nothing of the rest', () => {
    const { container } = render(<SelectionResult check={checkText(`${'The bus timetable changed. '.repeat(1000)}${RELEVANT}`)} />);
    expect(container.querySelector('.warning')!.textContent).toBe('The selection is very long: only its first 20,000 characters were checked.');
    expect(container.textContent).toContain('The part checked is not about NHS patient data being shared.');
    expect(container.textContent).not.toContain('The selected text is not about');
  });

  it('has no serious accessibility violation', async () => {
    const { container } = render(<SelectionResult check={checkText(RELEVANT)} />);
    await expectNoSeriousViolations(container);
  });
});
