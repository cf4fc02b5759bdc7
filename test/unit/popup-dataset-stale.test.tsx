// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../src/data/bundled';
import { STALE_AFTER_MONTHS } from '../../src/data/freshness';
import { formatDate } from '../../src/dates';
import { DatasetStale } from '../../src/popup/states/DatasetStale';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

describe('popup: dataset more than 12 months old', () => {
  it('warns that the record may be out of date, with its review date', async () => {
    const { container } = render(<DatasetStale />);
    expect(container.textContent).toContain('The record may be out of date.');
    expect(container.textContent).toContain(`last reviewed on ${formatDate(dataset.asOf, 'en-GB')}, more than ${STALE_AFTER_MONTHS} months ago`);
    await expectNoSeriousViolations(container);
  });
});
