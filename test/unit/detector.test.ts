import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { blocksFromPlainText } from '../../src/detect/blocks';
import { claimContext } from '../../src/detect/summary';
import { detect, findTerms } from '../../src/detect/detector';
import { buildLexicon, lexiconData, lexiconFrom } from '../../src/detect/lexicon';
import type { TextBlock } from '../../src/detect/types';

const dataset = parseDataset(raw);
const lexicon = buildLexicon(dataset.topics);

/** Topics flagged per passage of a plain text (one passage per line). */
function topicsOf(text: string, roles: TextBlock['role'][] = []): (string | null)[] {
  const blocks = blocksFromPlainText(text).map((block, i) => ({ ...block, role: roles[i] ?? block.role }));
  const mentions = detect(lexicon, text, blocks);
  return blocks.map((_, i) => mentions.find((m) => m.block === i)?.topic ?? null);
}

describe('detector: passages that tie NHS data to the Home Office', () => {
  it.each([
    "NHS Digital handed patients' addresses to the Home Office so that immigration officials could trace them.",
    'Patient records were shared with immigration enforcement under a memorandum of understanding.',
    "The health service passed on patients' details to the Home Office thousands of times a year.",
    'Doctors warned that sharing GP records with the Home Office would deter migrants from seeking care.',
    "HSCIC received thousands of tracing requests from the Home Office for patients' last known addresses.",
  ])('flags: %s', (text) => {
    expect(topicsOf(text)).toEqual(['home-office-mou']);
  });

  it.each([
    ['NHS news with no sharing', 'NHS waiting lists fell for a third month, with record numbers of patients treated.'],
    ['NHS strike', 'Junior doctors in NHS hospitals walked out for three days in a row over pay.'],
    ['Home Office news with no NHS', 'The Home Office said small boat crossings had risen over the summer.'],
    ['Home Office and NHS, unrelated', 'The Home Office raised the salary threshold for overseas nurses recruited by the NHS.'],
    ['shared concerns, not data', 'Hospital leaders shared concerns with the Home Office about staff visas.'],
    ['data sharing with no NHS', 'Facebook shared user data with a political consultancy without consent.'],
    ['pupil data, not NHS', 'The Department for Education passed pupil data to the Home Office to trace families.'],
    ['non-UK health data', 'US hospitals shared patient records with immigration agents, according to a lawsuit.'],
    ['a breach, not sharing', 'A cyber attack on a pathology provider exposed NHS patient data.'],
  ])('does not flag %s', (_family, text) => {
    expect(topicsOf(text)).toEqual([null]);
  });

  it('never flags a bare mention of the NHS', () => {
    expect(topicsOf('The NHS is 75 years old this week.')).toEqual([null]);
  });

  it('ignores peripheral passages such as a "most read" headline', () => {
    const text = 'Local council approves new cycle lanes.\nNHS handed patient data to the Home Office, MPs told';
    expect(topicsOf(text, ['main', 'peripheral'])).toEqual([null, null]);
    expect(topicsOf(text, ['main', 'main'])).toEqual([null, 'home-office-mou']);
  });

  it('flags only the relevant passage of a longer text', () => {
    const text = [
      'Hospital waiting times rose again in the autumn.',
      'Separately, campaigners said that NHS data shared with the Home Office had frightened migrants away from GPs.',
      'The health secretary promised more funding for community care.',
    ].join('\n\n');
    expect(topicsOf(text)).toEqual([null, 'home-office-mou', null]);
  });
});

describe('detector: context from neighbouring passages', () => {
  it('lends a topic to the next passage when that passage names one of its cues', () => {
    const text = ["NHS Digital passed patients' addresses to the Home Office.", 'The memorandum of understanding was later withdrawn.', 'The weather was fine.'].join('\n\n');
    expect(topicsOf(text)).toEqual(['home-office-mou', 'home-office-mou', null]);
  });

  it('lends through a cue that is also a data word ("debt") only with another anchor beside it', () => {
    const flagged = "Hospitals passed patients' details to the Home Office when NHS debts stayed unpaid.";
    expect(topicsOf([flagged, 'The debt stayed on her record for years.'].join('\n\n'))).toEqual(['overseas-visitor-charging', 'overseas-visitor-charging']);
    expect(topicsOf([flagged, 'In other news, household debt rose for a sixth month.'].join('\n\n'))).toEqual(['overseas-visitor-charging', null]);
  });

  it('does not lend through a receiving side alone', () => {
    const text = ["NHS Digital passed patients' addresses to the Home Office.", 'The Home Office said it had paid compensation.'].join('\n\n');
    expect(topicsOf(text)).toEqual(['home-office-mou', null]);
  });

  it("uses an article's firm topic for a later cue with an act or receiving side, but not in a stray article", () => {
    const article = [
      "NHS Digital passed patients' addresses to the Home Office.",
      'Doctors said GP records were shared with immigration officials without consent.',
      'Lunch was served.',
      'Lunch was served again.',
      'In 2017 the Home Office made 6,000 immigration tracing requests.',
    ];
    expect(topicsOf(article.join('\n\n'))).toEqual(['home-office-mou', 'home-office-mou', null, null, 'home-office-mou']);
    const far = [...article.slice(0, 2), ...Array<string>(12).fill('Lunch was served.'), article[4]!];
    expect(topicsOf(far.join('\n\n')).at(-1)).toBeNull();
    const stray = ['Lunch was served.', 'In 2017 the Home Office made 6,000 immigration tracing requests.'];
    expect(topicsOf(stray.join('\n\n'))).toEqual([null, null]);
  });

  describe('in an article firmly about overseas-visitor charging', () => {
    const charging = [
      "Hospital trusts must check whether overseas visitors are chargeable, and they pass patients' details to the Home Office when debts stay unpaid.",
      'Migrants said NHS charging data shared with the Home Office had been used to refuse their visa applications.',
      'The weather was fine.',
    ];
    const topicOfLast = (passage: string) => topicsOf([...charging, passage].join('\n\n')).at(-1);

    it.each([
      ['the same cue twice', 'Household debt has climbed for six months. Student debt has climbed too.'],
      ['"a share of" the economy', 'Government debt as a share of the economy rose slightly.'],
      ['market share', 'The lender lost market share as its debt grew.'],
    ])('does not lend it to economy news with %s', (_family, passage) => {
      expect(topicOfLast(passage)).toBeNull();
    });

    it.each([
      ['a cue with an act of sharing', 'Their debts were shared with immigration officials.'],
      ['two different cues', 'Families with unpaid debts were refused at visa renewal.'],
    ])('lends it to a passage with %s', (_family, passage) => {
      expect(topicOfLast(passage)).toBe('overseas-visitor-charging');
    });
  });
});

describe('detector: key phrases', () => {
  it('prefers the longer phrase where two overlap', () => {
    const text = 'NHS Digital said';
    const phrases = findTerms(lexicon, text).map((hit) => text.slice(hit.start, hit.end));
    expect(phrases).toEqual(['NHS Digital']);
  });

  it('matches acronyms only as written', () => {
    const text = 'The NHS and the GPDPR plan; the nhs and gpdpr in lower case do not count.';
    const phrases = findTerms(lexicon, text).map((hit) => text.slice(hit.start, hit.end));
    expect(phrases).toEqual(expect.arrayContaining(['NHS', 'GPDPR']));
    expect(phrases).not.toContain('nhs');
    expect(phrases).not.toContain('gpdpr');
  });

  it('matches across line breaks, hyphens and curly apostrophes', () => {
    const text = 'patients’ addresses and data-sharing and patient\ndata';
    const phrases = findTerms(lexicon, text).map((hit) => text.slice(hit.start, hit.end));
    expect(phrases).toEqual(expect.arrayContaining(['patients’ addresses', 'data-sharing', 'patient\ndata']));
  });

  it('reports mention offsets that point at the passage in the text', () => {
    const text = 'Intro line.\n\nNHS Digital shared patient data with the Home Office.';
    const [mention] = detect(lexicon, text, blocksFromPlainText(text));
    expect(mention).toBeDefined();
    expect(text.slice(mention!.start, mention!.end)).toBe('NHS Digital shared patient data with the Home Office.');
    expect(mention!.confidence).toBeGreaterThan(0.5);
    expect(mention!.confidence).toBeLessThanOrEqual(1);
  });
});

describe('plain-text passages', () => {
  it('keeps hard-wrapped paragraphs whole and splits at blank lines and short lines', () => {
    const text = 'Heading\nThis paragraph was wrapped by an editor at a fixed column width and goes\non after the break.\n\nNext one.';
    const blocks = blocksFromPlainText(text).map((b) => text.slice(b.start, b.end));
    expect(blocks).toEqual(['Heading', 'This paragraph was wrapped by an editor at a fixed column width and goes\non after the break.', 'Next one.']);
  });
});

describe('claim context', () => {
  it('keeps flagged passages and their neighbours, in order, with the flagged ones pointed at', () => {
    const texts = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];
    const mention = (block: number) => ({ topic: 'home-office-mou', block, start: 0, end: texts[block]!.length, phrases: [], confidence: 0.9 });
    const context = claimContext(texts.map((text) => ({ text })), [mention(1), mention(5)]);
    expect(context.text).toBe('zero\n\none\n\ntwo\n\nfour\n\nfive\n\nsix');
    expect(context.passages).toEqual([{ topic: 'home-office-mou', block: 1 }, { topic: 'home-office-mou', block: 4 }]);
    expect(context.blocks.map((b) => context.text.slice(b.start, b.end))).toEqual(['zero', 'one', 'two', 'four', 'five', 'six']);
  });

  it('asks for the article date only when a date in the text needs it', () => {
    const mention = { topic: 'home-office-mou', block: 0, start: 0, end: 10, phrases: [], confidence: 0.9 };
    const asked: string[] = [];
    const articleDate = (text: string) => claimContext([{ text }], [mention], () => (asked.push(text), '2018-05-10')).articleDate;
    expect(articleDate('It was withdrawn last year.')).toBe('2018-05-10');
    expect(articleDate('Signed in January this year.')).toBe('2018-05-10');
    expect(articleDate('Over the past 12 months.')).toBe('2018-05-10');
    expect(articleDate('It was withdrawn in November 2018.')).toBeUndefined();
    expect(articleDate('This policy has lasted.')).toBeUndefined();
    expect(asked).toEqual(['It was withdrawn last year.', 'Signed in January this year.', 'Over the past 12 months.']);
  });
});

describe('matching in any case', () => {
  // One entry per place ("Home Office" is a partner of two topics: two hits).
  const found = (text: string) => [...new Set(findTerms(lexicon, text).map((hit) => `${hit.start}:${text.slice(hit.start, hit.end)}`))].map((key) => key.split(':')[1]);

  it('finds phrases in capitals and mixed case, at their own offsets', () => {
    expect(found('HOME OFFICE GIVEN PATIENT RECORDS')).toEqual(['HOME OFFICE', 'GIVEN', 'PATIENT RECORDS']);
    expect(found('Memorandum Of Understanding')).toEqual(['Memorandum Of Understanding']);
  });

  it('folds the long s as Unicode case folding does', () => {
    expect(found('hoſpital records')).toEqual(['hoſpital records']);
  });

  it('keeps offsets right where lowering would lengthen the text', () => {
    // "İ" lowers to two characters; the case-insensitive pattern is used instead.
    const text = 'İstanbul: NHS Digital passed patient records to the HOME OFFICE';
    expect(found(text)).toEqual(['NHS Digital', 'passed', 'patient records', 'HOME OFFICE']);
  });

  it('still matches acronyms only as written', () => {
    expect(found('the nhs and the NHS')).toEqual(['NHS']);
  });
});

describe('lexicon data', () => {
  it('is plain data: written out as JSON at build time, it compiles to the same lexicon', () => {
    const data = lexiconData(dataset.topics);
    const compiled = lexiconFrom(JSON.parse(JSON.stringify(data)));
    expect(compiled.anyCase?.folded.source).toBe(lexicon.anyCase?.folded.source);
    expect(compiled.exactCase?.source).toBe(lexicon.exactCase?.source);
    expect([...compiled.entries]).toEqual([...lexicon.entries]);
    expect(compiled.topics).toEqual(dataset.topics.map((topic) => topic.id));
  });

  it('keeps acronyms as written and every other phrase normalised, each meaning once per key', () => {
    const data = lexiconData([{ id: 't', terms: { names: ['GPDPR', 'Data  Saves-Lives', 'data saves lives'], partners: ['Home Office'], cues: [] } }]);
    expect(data.meanings['name t']).toEqual(['GPDPR', 'data saves lives']);
    expect(data.meanings['partner t']).toEqual(['home office']);
    const compiled = lexiconFrom(data);
    expect(compiled.entries.get('GPDPR')).toEqual([{ kind: 'name', topic: 't' }]);
    expect(compiled.exactCase?.test('GPDPR')).toBe(true);
    expect(compiled.anyCase?.folded.source).not.toContain('GPDPR');
  });
});
