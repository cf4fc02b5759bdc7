/**
 * npm run export -- --format csv|json|jsonld [--table all|events|sources] [--out FILE]
 *
 * Writes the bundled dataset, validated, to stdout or FILE: CSV of events and sources, the JSON
 * itself, or JSON-LD with schema.org types. Bad arguments print the usage to stderr and exit 2; an
 * invalid dataset or a write failure exits 1.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import raw from '../data/dataset.json';
import { EXPORT_FORMATS, exportDataset, type CsvTable, type ExportFormat } from '../data/export';
import { parseDataset } from '../data/schema';

export const USAGE = `Usage: npm run export -- --format csv|json|jsonld [--table all|events|sources] [--out FILE]

  --format   csv     events and sources as CSV (RFC 4180)
             json    the dataset as JSON
             jsonld  JSON-LD with schema.org types (Dataset, Event, Legislation, Report, ClaimReview)
  --table    for csv only: all (default; one table, the "record" column says event or source),
             events, or sources
  --out      write to FILE instead of standard output
`;

const TABLES: readonly CsvTable[] = ['all', 'events', 'sources'];

export interface ExportArgs {
  format: ExportFormat;
  table?: CsvTable;
  out?: string;
}

export type ParsedArgs = { ok: true; args: ExportArgs } | { ok: true; help: true } | { ok: false; error: string };

/** Reads `--name value` and `--name=value` options. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values: Partial<Record<'format' | 'table' | 'out', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    const m = /^--(format|table|out)(?:=(.*))?$/.exec(arg);
    if (!m) return { ok: false, error: `unknown argument ${JSON.stringify(arg)}` };
    const name = m[1] as 'format' | 'table' | 'out';
    let value = m[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `--${name} needs a value` };
      i++;
    }
    if (value === '') return { ok: false, error: `--${name} needs a value` };
    if (values[name] !== undefined) return { ok: false, error: `--${name} given twice` };
    values[name] = value;
  }
  if (values.format === undefined) return { ok: false, error: '--format is required' };
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) return { ok: false, error: `unknown format ${JSON.stringify(values.format)}` };
  if (values.table !== undefined) {
    if (values.format !== 'csv') return { ok: false, error: '--table applies only to --format csv' };
    if (!(TABLES as readonly string[]).includes(values.table)) return { ok: false, error: `unknown table ${JSON.stringify(values.table)}` };
  }
  return {
    ok: true,
    args: { format: values.format as ExportFormat, ...(values.table ? { table: values.table as CsvTable } : {}), ...(values.out ? { out: values.out } : {}) },
  };
}

export function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`export: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { format, table, out } = parsed.args;
  let text: string;
  try {
    text = exportDataset(parseDataset(raw), format, { table });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(resolve(out), text);
  } catch (error) {
    process.stderr.write(`export: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
