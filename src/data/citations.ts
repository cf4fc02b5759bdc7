/**
 * Citations of the dataset's sources, for copying into notes and reference managers: a plain
 * reference, BibTeX and CSL-JSON. Pure functions of the sources; no I/O.
 */
import { sourceForm } from './export';
import type { Source } from './schema';

export const CITATION_FORMATS = ['plain', 'bibtex', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** Ends a title with a full stop unless it already ends with a stop, question or exclamation mark. */
const asSentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** `Publisher (2018-10-22). Title. https://…`: the date as the dataset records it, left out when unknown. */
export function plainReference(source: Source): string {
  const date = source.published ? ` (${source.published})` : '';
  return `${asSentence(`${source.publisher}${date}`)} ${asSentence(source.title)} ${source.url}`;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text safe inside a braced BibTeX field: LaTeX's special characters escaped. */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!);
}

/**
 * A `@misc` entry keyed by the source's id. The publisher is a corporate author (double braces
 * keep BibTeX from splitting it into names) and the title keeps its capitals. `url` is read
 * verbatim by biblatex and by natbib's styles, so it is not escaped; braces cannot appear in it.
 */
export function bibtexEntry(source: Source): string {
  const [year, month] = (source.published ?? '').split('-');
  const fields: string[] = [`  author = {{${bibtexText(source.publisher)}}}`, `  title = {{${bibtexText(source.title)}}}`];
  if (year) fields.push(`  year = {${year}}`);
  if (month) fields.push(`  month = ${BIBTEX_MONTHS[Number(month) - 1]}`);
  if (source.published) fields.push(`  date = {${source.published}}`);
  fields.push(`  url = {${source.url.replace(/\{/g, '%7B').replace(/\}/g, '%7D')}}`);
  if (source.note) fields.push(`  note = {${bibtexText(source.note)}}`);
  return `@misc{${source.id},\n${fields.join(',\n')}\n}`;
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON (the format of Zotero, Mendeley and citeproc)

export interface CslItem {
  id: string;
  type: 'legislation' | 'legal_case' | 'report' | 'webpage';
  title: string;
  author: { literal: string }[];
  publisher: string;
  URL: string;
  issued?: { 'date-parts': [number[]] };
  note?: string;
}

const CSL_TYPE = { legislation: 'legislation', judgment: 'legal_case', 'committee-report': 'report' } as const;

export function cslItem(source: Source): CslItem {
  const form = sourceForm(source);
  const item: CslItem = {
    id: source.id,
    type: form in CSL_TYPE ? CSL_TYPE[form as keyof typeof CSL_TYPE] : 'webpage',
    title: source.title,
    author: [{ literal: source.publisher }],
    publisher: source.publisher,
    URL: source.url,
  };
  if (source.published) item.issued = { 'date-parts': [source.published.split('-').map(Number)] };
  if (source.note) item.note = source.note;
  return item;
}

// ---------------------------------------------------------------------------------------------

/** One or more sources as text to paste: a line per reference, a blank line between BibTeX entries, or one CSL-JSON array. */
export function formatCitations(sources: readonly Source[], format: CitationFormat): string {
  if (format === 'plain') return sources.map(plainReference).join('\n');
  if (format === 'bibtex') return sources.map(bibtexEntry).join('\n\n');
  return JSON.stringify(sources.map(cslItem), null, 2);
}
