// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../src/data/bundled';
import { RecordCheck, type CheckedClaim } from '../../src/ui/RecordCheck';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

describe('"what the record says"', () => {
  it('says that nothing was checked when there are no claims', () => {
    const { container } = render(<RecordCheck claims={[]} />);
    expect(container.querySelector('h4')!.textContent).toBe('What the record says');
    expect(container.textContent).toContain('No dates or figures on this page were checked.');
    expect(container.querySelector('li')).toBeNull();
  });

  it('lists each checked claim with its verdict, the record’s value and its sources', async () => {
    const source = dataset.sources[0]!;
    const claims: CheckedClaim[] = [
      { text: 'withdrawn in 2019', kind: 'date', verdict: 'differs', expected: '9 November 2018', sources: [source.id, 'no-such-source'] },
      { text: 'in 2017', kind: 'date', verdict: 'matches', sources: [] },
    ];
    const { container } = render(<RecordCheck claims={claims} />);
    const items = container.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Differs from the record');
    expect(items[0]!.textContent).toContain('The record: 9 November 2018');
    expect(items[1]!.textContent).toContain('Matches the record');
    expect(container.textContent).not.toContain('No dates or figures');
    // Unknown source ids are left out rather than shown as broken links.
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([source.url]);
    await expectNoSeriousViolations(container);
  });
});
