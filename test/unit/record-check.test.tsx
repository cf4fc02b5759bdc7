// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims';
import type { Source } from '../../src/data/schema';
import { RecordCheck, type RecordCheckLabels } from '../../src/ui/RecordCheck';

const labels: RecordCheckLabels = {
  heading: 'What the record says',
  verdicts: { matches: 'Matches the record', differs: 'Differs from the record', disputed: 'Sources disagree', unverified: 'Not on record' },
  record: 'The record:',
  noRecord: 'nothing on record',
  sources: 'Sources:',
};

const sources: Source[] = [
  { id: 'gov', title: 'Information requests from the Home Office', publisher: 'GOV.UK', url: 'https://www.gov.uk/mou', kind: 'primary' },
  { id: 'paper', title: 'A news report', publisher: 'A paper', url: 'https://news.example/report', kind: 'secondary' },
];

const claims: Pick<Claim, 'text' | 'verdict' | 'expected' | 'sources'>[] = [
  { text: 'withdrawn in December 2018', verdict: 'differs', expected: '9 November 2018', sources: ['gov'] },
  { text: 'signed in November 2016', verdict: 'disputed', expected: 'In effect from 1 January 2017', sources: ['gov', 'paper', 'gone'] },
  { text: '3,000 requests', verdict: 'unverified', expected: '', sources: [] },
];

afterEach(cleanup);

describe('RecordCheck', () => {
  it('lists each claim with its verdict, the page’s words, the record and named sources', () => {
    render(<RecordCheck claims={claims} sources={sources} labels={labels} />);
    const section = screen.getByRole('region', { name: 'What the record says' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-verdict'))).toEqual(['differs', 'disputed', 'unverified']);

    expect(items[0]!.textContent).toContain('Differs from the record');
    expect(items[0]!.querySelector('q')!.textContent).toBe('withdrawn in December 2018');
    expect(items[0]!.textContent).toContain('The record: 9 November 2018');
    const link = within(items[0]!).getByRole('link', { name: 'Information requests from the Home Office' });
    expect(link.getAttribute('href')).toBe('https://www.gov.uk/mou');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    // Unknown source ids are shown as they are rather than dropped.
    expect(within(items[1]!).getAllByRole('link')).toHaveLength(2);
    expect(items[1]!.textContent).toContain('gone');

    // Nothing on record: said plainly, and no empty sources line.
    expect(items[2]!.textContent).toContain('The record: nothing on record');
    expect(items[2]!.querySelector('.sources')).toBeNull();
  });

  it('renders nothing when there are no claims', () => {
    const { container } = render(<RecordCheck claims={[]} sources={sources} labels={labels} />);
    expect(container.innerHTML).toBe('');
  });

  it('keeps its labelled place when asked to, saying nothing was checked', () => {
    const { container } = render(<RecordCheck claims={[]} sources={sources} labels={{ ...labels, none: 'No dates or figures on this page were checked.' }} />);
    const section = screen.getByRole('region', { name: 'What the record says' });
    expect(section.textContent).toContain('No dates or figures on this page were checked.');
    expect(container.querySelectorAll('li')).toHaveLength(0);
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<RecordCheck claims={claims} sources={sources} labels={labels} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
