/**
 * npm run scan -- [--json] PATH...
 * Scans saved pages (.html, .htm, .txt; directories recursively) with the extension's own
 * detector. With --json, one JSON object per file per line; otherwise a readable table.
 * A file that cannot be read is reported, the rest are scanned, and the exit code is 2.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import raw from '../data/dataset.json';
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

export interface ScanClaim {
  text: string;
  kind: 'date' | 'figure';
  topic: string;
  verdict: 'matches' | 'differs' | 'disputed' | 'unverified';
  expected: string;
  sources: string[];
}

export type ScanResult =
  | { file: string; topics: string[]; mentions: ScanMention[]; claims: ScanClaim[]; truncated?: true }
  | { file: string; error: string };

const lexicon = buildLexicon(parseDataset(raw).topics);

export async function scanFile(file: string): Promise<ScanResult> {
  try {
    const content = await readFile(file, 'utf8');
    const ext = extname(file).toLowerCase();
    const readable = ext === '.txt' ? readableTextOfPlainText(content) : await readableTextOfHtml(content);
    const mentions = detect(lexicon, readable.text, readable.blocks).map((m) => ({
      topic: m.topic,
      start: m.start,
      end: m.end,
      text: readable.text.slice(m.start, m.end),
      confidence: m.confidence,
    }));
    const topics = [...new Set(mentions.map((m) => m.topic))];
    return { file, topics, mentions, claims: [], ...(readable.truncated ? { truncated: true as const } : {}) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
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
  return [head, ...rows].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const paths = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--json');
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option: ${unknown.join(' ')}\n` : ''}usage: npm run scan -- [--json] PATH...\n`);
    return 2;
  }
  let failed = false;
  for (const file of await collectFiles(paths)) {
    const result = await scanFile(file);
    if ('error' in result) failed = true;
    process.stdout.write(`${json ? JSON.stringify(result) : formatTable(result)}\n`);
  }
  return failed ? 2 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
