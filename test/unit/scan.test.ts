import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSV_COLUMNS, main, scanFile } from '../../src/cli/scan';

const RELEVANT = "NHS Digital passed patients' addresses to the Home Office for immigration tracing.";

describe('scan command', () => {
  let dir: string;
  let out: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdc-scan-'));
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('reads the readable text of HTML: not scripts, styles, navigation or footers', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<html><head><style>p{}</style><script>var x = "${RELEVANT}";</script></head><body>
       <nav><a href="/">${RELEVANT}</a></nav><article><h1>Headline</h1><p>${RELEVANT}</p></article>
       <footer><p>${RELEVANT}</p></footer></body></html>`,
    );
    const result = await scanFile(file);
    if ('error' in result) throw new Error(result.error);
    expect(result.topics).toEqual(['home-office-mou']);
    expect(result.mentions).toHaveLength(1);
    expect(result.mentions[0]!.text).toBe(RELEVANT);
  });

  it('prints one JSON object per file, walks directories, and exits 2 after reporting an unreadable file', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), `Weather today.\n\n${RELEVANT}\n`);
    writeFileSync(join(dir, 'sub', 'b.htm'), '<p>Nothing here about health data.</p>');
    writeFileSync(join(dir, 'sub', 'ignored.pdf'), 'not scanned');
    const code = await main(['--json', dir, join(dir, 'missing.txt')]);
    const lines = out.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => (line.file as string).replace(dir, ''))).toEqual(['/a.txt', '/sub/b.htm', '/missing.txt']);
    const [a, b, missing] = lines as [any, any, any];
    expect(a.topics).toEqual(['home-office-mou']);
    expect(a.mentions[0]).toMatchObject({ topic: 'home-office-mou', text: RELEVANT });
    const text = `Weather today.\n\n${RELEVANT}\n`;
    expect(text.slice(a.mentions[0].start, a.mentions[0].end)).toBe(RELEVANT);
    expect(Array.isArray(a.claims)).toBe(true);
    expect(b).toMatchObject({ topics: [], mentions: [] });
    expect(missing.error).toMatch(/ENOENT/);
    expect(code).toBe(2);
  });

  it('exits 0 when every file was read, and prints a table without --json', async () => {
    writeFileSync(join(dir, 'a.txt'), RELEVANT);
    expect(await main([join(dir, 'a.txt')])).toBe(0);
    expect(out.join('')).toMatch(/1 passage\(s\): home-office-mou/);
  });

  it('rejects unknown options with usage and exit 2', async () => {
    expect(await main(['--frobnicate', dir])).toBe(2);
  });

  it('rejects --json with --csv', async () => {
    writeFileSync(join(dir, 'a.txt'), RELEVANT);
    expect(await main(['--json', '--csv', join(dir, 'a.txt')])).toBe(2);
  });

  // A flagged passage with a comma, and a neighbour that states two dates.
  const CLAIMED = `NHS Digital passed patients' addresses to the Home Office, for immigration tracing.\n\nThe memorandum was withdrawn in December 2018, and the deal had taken effect in January 2017.\n`;

  it('carries each claim with exactly the contract fields in --json', async () => {
    writeFileSync(join(dir, 'a.txt'), CLAIMED);
    await main(['--json', join(dir, 'a.txt')]);
    const line = JSON.parse(out.join('').trim()) as { claims: Record<string, unknown>[] };
    expect(line.claims).toEqual([
      { text: 'withdrawn in December 2018', kind: 'date', topic: 'home-office-mou', verdict: 'differs', expected: '9 November 2018', sources: ['govuk-mou'] },
      { text: 'taken effect in January 2017', kind: 'date', topic: 'home-office-mou', verdict: 'matches', expected: '1 January 2017', sources: ['govuk-mou'] },
    ]);
  });

  it('reads the article date from the page head, for "last year"', async () => {
    const page = (date: string) =>
      `<html><head><meta property="article:published_time" content="${date}T08:00:00Z"></head><body><p>${RELEVANT}</p><p>The memorandum was withdrawn last year.</p></body></html>`;
    writeFileSync(join(dir, 'then.html'), page('2019-02-01'));
    writeFileSync(join(dir, 'later.html'), page('2021-02-01'));
    const [then, later] = await Promise.all([scanFile(join(dir, 'then.html')), scanFile(join(dir, 'later.html'))]);
    if ('error' in then || 'error' in later) throw new Error('unreadable');
    expect(then.claims.map((c) => c.verdict)).toEqual(['matches']);
    expect(later.claims.map((c) => c.verdict)).toEqual(['differs']);
  });

  it('writes one CSV table of mentions, claims and errors, quoted per RFC 4180', async () => {
    writeFileSync(join(dir, 'a.txt'), CLAIMED);
    const code = await main(['--csv', join(dir, 'a.txt'), join(dir, 'missing.txt')]);
    const csv = out.join('');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.at(-1)).toBe('');
    // Mentions first, then the file's claims, then the unreadable file.
    const types = lines.slice(1, -1).map((line) => line.split(',')[1]);
    const claims = types.flatMap((type, i) => (type === 'claim' ? [lines[i + 1]!] : []));
    expect(types.slice(0, types.indexOf('claim')).every((type) => type === 'mention')).toBe(true);
    expect(types.slice(types.indexOf('claim'))).toEqual(['claim', 'claim', 'error']);
    // The passage holds a comma, so it is quoted whole.
    expect(lines[1]).toMatch(/,mention,home-office-mou,0,83,"NHS Digital passed patients' addresses to the Home Office, for immigration tracing\.",0\.\d+,,,,,$/);
    expect(claims[0]).toMatch(/,claim,home-office-mou,\d+,\d+,withdrawn in December 2018,,date,differs,9 November 2018,govuk-mou,$/);
    expect(lines.at(-2)).toMatch(/missing\.txt,error,.*ENOENT/);
    expect(code).toBe(2);
  });

  it('doubles quotes and keeps line breaks inside a quoted CSV field', async () => {
    writeFileSync(join(dir, 'q.txt'), `NHS Digital passed "patients' addresses" to the Home Office for immigration tracing, it said.`);
    await main(['--csv', join(dir, 'q.txt')]);
    expect(out.join('')).toContain(`"NHS Digital passed ""patients' addresses"" to the Home Office for immigration tracing, it said."`);
  });

  it('lists claims under the passages in the readable table', async () => {
    writeFileSync(join(dir, 'a.txt'), CLAIMED);
    await main([join(dir, 'a.txt')]);
    expect(out.join('')).toMatch(/claim differs\s+withdrawn in December 2018\s+\(record: 9 November 2018\)/);
  });
});
