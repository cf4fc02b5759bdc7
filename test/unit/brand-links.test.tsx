// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { brand } from '../../src/brand';
import { BrandLinks } from '../../src/ui/BrandLinks';

vi.mock('webextension-polyfill', () => {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'));
  return { default: { i18n: { getMessage: (key: string) => messages[key]?.message ?? '', getUILanguage: () => 'en' } } };
});

afterEach(cleanup);

describe('BrandLinks: who handed out this copy', () => {
  it('shows nothing for the project’s own build, which has no organisation or links', () => {
    expect(brand).toEqual({ name: 'Patient Data Context', links: [] });
    const { container } = render(<BrandLinks brand={brand} />);
    expect(container.innerHTML).toBe('');
  });

  it('names the organisation, linked to its homepage, and lists its links', () => {
    const { container, getByRole } = render(
      <BrandLinks
        brand={{
          name: 'Health Data Watch',
          organisation: 'Example Group',
          homepage: 'https://example.org/data-watch',
          links: [
            { label: 'Get advice', url: 'https://example.org/advice' },
            { label: 'About us', url: 'https://example.org/about' },
          ],
        }}
      />,
    );
    expect(container.textContent).toContain('This copy is from Example Group');
    expect(getByRole('link', { name: 'Example Group' }).getAttribute('href')).toBe('https://example.org/data-watch');
    const links = [...container.querySelectorAll('li a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]);
    expect(links).toEqual([
      ['Get advice', 'https://example.org/advice', '_blank'],
      ['About us', 'https://example.org/about', '_blank'],
    ]);
  });

  it('names an organisation without a homepage as plain text', () => {
    const { container } = render(<BrandLinks brand={{ name: 'Data Watch', organisation: 'Example Group', links: [] }} />);
    expect(container.textContent).toBe('This copy is from Example Group');
    expect(container.querySelector('a')).toBeNull();
  });
});
