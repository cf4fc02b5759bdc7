/**
 * `npm run lint:firefox` (after `npm run build`): addons.mozilla.org's own checks, through
 * `web-ext lint`, on dist/firefox. Fails on any error or warning but one: Preact's renderer
 * assigns `innerHTML` in its code for `dangerouslySetInnerHTML`, which the extension never uses
 * (README, "Firefox lint"). That warning is let through only where the flagged code really is
 * that assignment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, 'dist/firefox');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Preact's `dom.innerHTML = newHtml.__html`, as it reads once minified. */
function isPreactInnerHtml({ code, file, line, column }: LintMessage): boolean {
  if (code !== 'UNSAFE_VAR_ASSIGNMENT' || !file || !line || !column) return false;
  const source = readFileSync(join(BUILD, file), 'utf8').split('\n')[line - 1] ?? '';
  return /\.innerHTML=[\w$]+\.__html\b/.test(source.slice(Math.max(0, column - 10), column + 40));
}

const run = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
if (run.error) throw run.error;
const result = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

const known = result.warnings.filter(isPreactInnerHtml);
const problems = [...result.errors, ...result.warnings.filter((warning) => !known.includes(warning))];
const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column}` : ''})` : '');
for (const m of [...problems, ...result.notices]) console.log(`${m.code}: ${m.message}${where(m)}`);
for (const m of known) console.log(`known, from Preact: ${m.code}: ${m.message}${where(m)}`);
console.log(`web-ext lint dist/firefox: ${result.errors.length} errors, ${result.warnings.length} warnings (${known.length} known), ${result.notices.length} notices`);
process.exitCode = problems.length > 0 ? 1 : 0;
