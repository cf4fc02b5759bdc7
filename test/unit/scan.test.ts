import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, scanFile } from '../../src/cli/scan';

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
});
