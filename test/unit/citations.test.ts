import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { bibtexEntry, bibtexText, CITATION_FORMATS, cslItem, formatCitations, plainReference } from '../../src/data/citations';
import { parseDataset, type Source } from '../../src/data/schema';

const dataset = parseDataset(raw);

const report: Source = {
  id: 'hc677',
  title: 'Memorandum of understanding on data-sharing between NHS Digital and the Home Office',
  publisher: 'House of Commons Health and Social Care Committee',
  url: 'https://publications.parliament.uk/pa/cm201719/cmselect/cmhealth/677/677.pdf',
  published: '2018-04-15',
  kind: 'primary',
};
const awkward: Source = {
  id: 'awkward-source',
  title: 'Costs & 100% of {data}: a_b #1 ~ ^ \\ $5?',
  publisher: 'A&O Shearman',
  url: 'https://example.org/a_b?x=1&y=%20#part',
  kind: 'secondary',
  note: 'Mirror of 50% of the text.',
};

/** Reads the fields of one BibTeX entry, checking its braces balance; written apart from the formatter. */
function readBibtex(entry: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(entry);
  if (!head) throw new Error(`no entry head in ${entry}`);
  const fields = new Map<string, string>();
  let i = head[0].length;
  while (i < entry.length - 1) {
    const name = /^\s*(\w+) = /.exec(entry.slice(i));
    if (!name) break;
    i += name[0].length;
    let value = '';
    if (entry[i] === '{') {
      let depth = 0;
      do {
        const c = entry[i]!;
        if (c === '\\') {
          value += c + entry[i + 1];
          i += 2;
          continue;
        }
        if (c === '{') depth++;
        if (c === '}') depth--;
        value += c;
        i++;
      } while (depth > 0 && i < entry.length);
      if (depth !== 0) throw new Error(`unbalanced braces in ${name[1]}`);
      value = value.slice(1, -1);
    } else {
      value = /^\w+/.exec(entry.slice(i))![0];
      i += value.length;
    }
    fields.set(name[1]!, value);
    if (entry[i] === ',') i++;
  }
  if (entry.slice(i).trim() !== '}') throw new Error(`unexpected text after the fields: ${entry.slice(i)}`);
  return { type: head[1]!, key: head[2]!, fields };
}

describe('plain references', () => {
  it('gives publisher, date, title and address', () => {
    expect(plainReference(report)).toBe(
      'House of Commons Health and Social Care Committee (2018-04-15). Memorandum of understanding on data-sharing between NHS Digital and the Home Office. https://publications.parliament.uk/pa/cm201719/cmselect/cmhealth/677/677.pdf',
    );
  });

  it('leaves out an unknown date and does not double a closing mark', () => {
    expect(plainReference(awkward)).toBe(`A&O Shearman. ${awkward.title} ${awkward.url}`);
  });
});

describe('BibTeX', () => {
  it('writes a @misc entry keyed by the source id, the publisher kept whole as a corporate author', () => {
    const { type, key, fields } = readBibtex(bibtexEntry(report));
    expect([type, key]).toEqual(['misc', 'hc677']);
    expect(fields.get('author')).toBe(`{${report.publisher}}`);
    expect(fields.get('title')).toBe(`{${report.title}}`);
    expect([fields.get('year'), fields.get('month'), fields.get('date')]).toEqual(['2018', 'apr', '2018-04-15']);
    expect(fields.get('url')).toBe(report.url);
  });

  it('escapes LaTeX’s special characters in text, but not the address', () => {
    expect(bibtexText('A&O 50% {x} a_b #1 $ ~ ^ \\')).toBe('A\\&O 50\\% \\{x\\} a\\_b \\#1 \\$ \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    const { fields } = readBibtex(bibtexEntry(awkward));
    expect(fields.get('author')).toBe('{A\\&O Shearman}');
    expect(fields.get('note')).toBe('Mirror of 50\\% of the text.');
    expect(fields.get('url')).toBe(awkward.url);
    expect(fields.has('year')).toBe(false);
  });

  it('gives a year-only or month-only date what it has', () => {
    const { fields } = readBibtex(bibtexEntry({ ...report, published: '2018-05' }));
    expect([fields.get('year'), fields.get('month'), fields.get('date')]).toEqual(['2018', 'may', '2018-05']);
    expect(readBibtex(bibtexEntry({ ...report, published: '2016' })).fields.has('month')).toBe(false);
  });

  it('writes a well-formed entry with a unique key for every source in the dataset', () => {
    const keys = dataset.sources.map((source) => readBibtex(bibtexEntry(source)).key);
    expect(new Set(keys).size).toBe(dataset.sources.length);
  });
});

describe('CSL-JSON', () => {
  it('types legislation, judgments and committee reports, and the rest as web pages', () => {
    expect(cslItem(report).type).toBe('report');
    expect(cslItem({ ...report, url: 'https://www.legislation.gov.uk/ukpga/2018/12/schedule/2' }).type).toBe('legislation');
    expect(cslItem({ ...report, url: 'https://caselaw.nationalarchives.gov.uk/ewca/civ/2021/800' }).type).toBe('legal_case');
    expect(cslItem(awkward).type).toBe('webpage');
  });

  it('gives the date as date-parts, the publisher as author and publisher, and the address', () => {
    expect(cslItem(report)).toEqual({
      id: 'hc677',
      type: 'report',
      title: report.title,
      author: [{ literal: report.publisher }],
      publisher: report.publisher,
      URL: report.url,
      issued: { 'date-parts': [[2018, 4, 15]] },
    });
    expect(cslItem({ ...report, published: '2018-05' }).issued).toEqual({ 'date-parts': [[2018, 5]] });
    expect(cslItem(awkward)).not.toHaveProperty('issued');
    expect(cslItem(awkward).note).toBe(awkward.note);
  });
});

describe('several sources at once', () => {
  it('puts one reference a line, a blank line between BibTeX entries, and one CSL-JSON array', () => {
    const sources = [report, awkward];
    expect(formatCitations(sources, 'plain').split('\n')).toEqual(sources.map(plainReference));
    expect(formatCitations(sources, 'bibtex').split('\n\n')).toEqual(sources.map(bibtexEntry));
    expect(JSON.parse(formatCitations(sources, 'csl-json'))).toEqual(sources.map(cslItem));
  });

  it('formats a single source the same way as a list of one', () => {
    for (const format of CITATION_FORMATS) expect(formatCitations([report], format).length).toBeGreaterThan(0);
    expect(JSON.parse(formatCitations([report], 'csl-json'))).toHaveLength(1);
  });
});
