/**
 * npm run scan -- [--json | --csv] PATH...
 * Scans saved pages (.html, .htm, .txt; directories recursively) with the extension's own
 * detector and claims check. With --json, one JSON object per file per line; with --csv, one
 * table of mentions and claims for spreadsheets; otherwise a readable table.
 * A file that cannot be read is reported, the rest are scanned, and the exit code is 2.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkClaims } from '../claims';
import raw from '../data/dataset.json';
import { csvRecord } from '../data/export';
import { parseDataset } from '../data/schema';
import { detect } from '../detect/detector';
import { buildLexicon } from '../detect/lexicon';
import { readableTextOfHtml, readableTextOfPlainText } from './readable-text';

const EXTENSIONS = new Set(['.html', '.htm', '.txt']);

export interface ScanMention {
  topic: string;
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/** A claim as the JSON output carries it (DESIGN §3). */
export interface ScanClaim {
  text: string;
  kind: 'date' | 'figure';
  topic: string;
  verdict: 'matches' | 'differs' | 'disputed' | 'unverified';
  expected: string;
  sources: string[];
}

/** A claim with its place in the extracted text, for the CSV. */
export interface ScanClaimAt extends ScanClaim {
  start: number;
  end: number;
}

export type ScanResult =
  | { file: string; topics: string[]; mentions: ScanMention[]; claims: ScanClaimAt[]; truncated?: true }
  | { file: string; error: string };

const dataset = parseDataset(raw);
const lexicon = buildLexicon(dataset.topics);

export async function scanFile(file: string): Promise<ScanResult> {
  try {
    const content = await readFile(file, 'utf8');
    const ext = extname(file).toLowerCase();
    const readable = ext === '.txt' ? readableTextOfPlainText(content) : await readableTextOfHtml(content);
    const found = detect(lexicon, readable.text, readable.blocks);
    const mentions = found.map((m) => ({
      topic: m.topic,
      start: m.start,
      end: m.end,
      text: readable.text.slice(m.start, m.end),
      confidence: m.confidence,
    }));
    const claims = checkClaims(readable.text, found, dataset, { blocks: readable.blocks, articleDate: readable.articleDate }).map(
      ({ start, end, text, kind, topic, verdict, expected, sources }) => ({ start, end, text, kind, topic, verdict, expected, sources }),
    );
    const topics = [...new Set(mentions.map((m) => m.topic))];
    return { file, topics, mentions, claims, ...(readable.truncated ? { truncated: true as const } : {}) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One line of --json output: the claims carry exactly the contract's fields. */
export function jsonLine(result: ScanResult): string {
  if ('error' in result) return JSON.stringify(result);
  const claims: ScanClaim[] = result.claims.map(({ text, kind, topic, verdict, expected, sources }) => ({ text, kind, topic, verdict, expected, sources }));
  return JSON.stringify({ ...result, claims });
}

/** --csv: one row per mention, claim or unreadable file; `type` says which. RFC 4180, CRLF line ends. */
export const CSV_COLUMNS = ['file', 'type', 'topic', 'start', 'end', 'text', 'confidence', 'kind', 'verdict', 'expected', 'sources', 'error'] as const;

export function csvRows(result: ScanResult): string {
  const rows: (string | number | undefined)[][] =
    'error' in result
      ? [[result.file, 'error', '', '', '', '', '', '', '', '', '', result.error]]
      : [
          ...result.mentions.map((m) => [result.file, 'mention', m.topic, m.start, m.end, m.text, m.confidence, '', '', '', '', '']),
          ...result.claims.map((c) => [result.file, 'claim', c.topic, c.start, c.end, c.text, '', c.kind, c.verdict, c.expected, c.sources.join(' '), '']),
        ];
  return rows.map((row) => `${csvRecord(row)}\r\n`).join('');
}

/** The files to scan under each path, in a stable order; a missing path is kept so it is reported. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      files.push(path);
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).sort();
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (explicit || EXTENSIONS.has(extname(path).toLowerCase())) {
      files.push(path);
    }
  };
  for (const path of paths) await walk(path, true);
  return files;
}

const excerpt = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function formatTable(result: ScanResult): string {
  if ('error' in result) return `${result.file}\n  error: ${result.error}`;
  const head = `${result.file}\n  ${result.mentions.length} passage(s)${result.topics.length ? `: ${result.topics.join(', ')}` : ''}${result.truncated ? ' (capped: only the start was read)' : ''}`;
  const rows = result.mentions.map((m) => `  ${m.topic.padEnd(26)} ${m.confidence.toFixed(2)}  ${excerpt(m.text)}`);
  const claims = result.claims.map((c) => `  claim ${c.verdict.padEnd(10)} ${excerpt(c.text, 50)}${c.expected ? `  (record: ${c.expected})` : ''}`);
  return [head, ...rows, ...claims].join('\n');
}

const USAGE = 'usage: npm run scan -- [--json | --csv] PATH...\n';

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const csv = argv.includes('--csv');
  const paths = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--csv');
  if (paths.length === 0 || unknown.length > 0 || (json && csv)) {
    process.stderr.write(`${unknown.length ? `unknown option: ${unknown.join(' ')}\n` : ''}${json && csv ? '--json and --csv cannot be combined\n' : ''}${USAGE}`);
    return 2;
  }
  let failed = false;
  if (csv) process.stdout.write(`${csvRecord(CSV_COLUMNS)}\r\n`);
  for (const file of await collectFiles(paths)) {
    const result = await scanFile(file);
    if ('error' in result) failed = true;
    process.stdout.write(csv ? csvRows(result) : `${json ? jsonLine(result) : formatTable(result)}\n`);
  }
  return failed ? 2 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
