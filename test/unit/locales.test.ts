import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import cy from '../../public/_locales/cy/messages.json';
import en from '../../public/_locales/en/messages.json';
import { fillMessage, resolveLanguage, type LocaleMessages } from '../../src/ui/i18n';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

const ROOT = join(import.meta.dirname, '../..');
const locales: Record<string, LocaleMessages> = { en, cy };

/** `$NAME$` markers in a message, and the placeholder table, as comparable strings. */
function placeholdersOf(entry: LocaleMessages[string]): string {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  const table = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`);
  return `${[...new Set(used)].sort().join(',')} | ${table.sort().join(',')}`;
}

describe('the locales', () => {
  it('are the ones in public/_locales', () => {
    expect(readdirSync(join(ROOT, 'public/_locales')).sort()).toEqual(Object.keys(locales).sort());
  });

  it('have the same keys', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders for every key, each one used in its message', () => {
    for (const key of Object.keys(en)) {
      const [english, welsh] = [en, cy].map((locale) => placeholdersOf((locale as LocaleMessages)[key]!));
      expect(welsh, key).toBe(english);
      const entry = (en as LocaleMessages)[key]!;
      for (const name of Object.keys(entry.placeholders ?? {})) expect(entry.message.toLowerCase(), key).toContain(`$${name}$`);
    }
  });

  it('are translated: Welsh differs from English except for names', () => {
    const sameOnPurpose = new Set(['extName', 'formatBibtex', 'formatCslJson']);
    const same = Object.keys(en).filter((key) => !sameOnPurpose.has(key) && (cy as LocaleMessages)[key]!.message === (en as LocaleMessages)[key]!.message);
    expect(same).toEqual([]);
  });
});

describe('filling a message', () => {
  it('puts substitutions where the named placeholders say', () => {
    expect(fillMessage(en.statusSince, ['Withdrawn', '9 November 2018'])).toBe('Withdrawn since 9 November 2018');
    expect(fillMessage(cy.statusSince, ['Withdrawn', '9 Tachwedd 2018'])).toBe('Withdrawn ers 9 Tachwedd 2018');
  });

  it('follows the _locales rules: case-insensitive names, $1 directly, $$ for a dollar, missing ones empty', () => {
    const entry = { message: '$Count$ of $TOTAL$ cost $$$1 ($3)', placeholders: { count: { content: '$1' }, total: { content: 'all $2' } } };
    expect(fillMessage(entry, ['3', '9'])).toBe('3 of all 9 cost $3 ()');
  });

  it('leaves text that looks like a placeholder in a substitution alone', () => {
    expect(fillMessage(en.asOf, ['$DATE$ $1'])).toBe('Record as of $DATE$ $1');
  });
});

describe('choosing the language', () => {
  it('follows the browser for "auto", Welsh for any Welsh locale and English otherwise', () => {
    expect(resolveLanguage('auto', 'cy')).toBe('cy');
    expect(resolveLanguage('auto', 'cy-GB')).toBe('cy');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
  });

  it('keeps an explicit choice whatever the browser says', () => {
    expect(resolveLanguage('en', 'cy')).toBe('en');
    expect(resolveLanguage('cy', 'en-US')).toBe('cy');
  });
});
