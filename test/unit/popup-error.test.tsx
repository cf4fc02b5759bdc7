// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorState } from '../../src/popup/states/ErrorState';
import { Loading } from '../../src/popup/states/Loading';
import { expectNoSeriousViolations } from './support/render';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));
afterEach(cleanup);

describe('popup: error and loading states', () => {
  it('says something went wrong, what to do, and the error itself', async () => {
    const { container } = render(<ErrorState message="Receiving end does not exist." />);
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(container.textContent).toContain('Reload the page and try again.');
    expect(container.textContent).toContain('Receiving end does not exist.');
    await expectNoSeriousViolations(container);
  });

  it('says it is reading the results while they load', () => {
    const { container } = render(<Loading />);
    expect(container.textContent).toBe('Reading this page’s results…');
  });
});
