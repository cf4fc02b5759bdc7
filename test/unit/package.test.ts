import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageBuilds } from '../../scripts/package';
import { listFiles, zipFolder } from '../../scripts/zip';
import { buildExtension, ROOT } from '../build';

// Builds take a while when other tests share the two cores.
const BUILD_MS = 180_000;

const temp = mkdtempSync(join(tmpdir(), 'pdc-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes the same files into `dir`, in the given order, with the given date and permissions. */
function writeTree(dir: string, order: string[], date: Date, mode: number) {
  const files: Record<string, string | Buffer> = {
    'manifest.json': '{"name":"x"}\n',
    'src/popup/index.html': '<!doctype html><p>Déjà vu</p>\n'.repeat(20),
    'icons/icon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    'assets/ünïcode.js': 'export {};\n',
  };
  for (const path of order) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), files[path]!);
    chmodSync(join(dir, path), mode);
    utimesSync(join(dir, path), date, date);
  }
  return Object.keys(files);
}

const unzip = (...args: string[]) => execFileSync('unzip', args, { encoding: 'utf8' });

describe('reproducible zips', () => {
  const one = join(temp, 'one');
  const two = join(temp, 'two');
  const paths = writeTree(one, ['manifest.json', 'src/popup/index.html', 'icons/icon.png', 'assets/ünïcode.js'], new Date('2030-05-06T07:08:09Z'), 0o600);
  writeTree(two, ['assets/ünïcode.js', 'icons/icon.png', 'src/popup/index.html', 'manifest.json'], new Date('2001-02-03T04:05:06Z'), 0o755);

  it('gives the same bytes whatever the files’ dates, permissions and order of creation', () => {
    expect(zipFolder(two).equals(zipFolder(one))).toBe(true);
  });

  it('writes a valid zip of every file, sorted, dated 1980-01-01 and readable by all', () => {
    const zip = join(temp, 'tree.zip');
    writeFileSync(zip, zipFolder(one));
    expect(unzip('-t', zip)).toContain('No errors detected');
    expect(unzip('-Z1', zip).trim().split('\n')).toEqual([...paths].sort());
    for (const line of unzip('-Z', zip).split('\n').filter((l) => l.startsWith('-'))) {
      expect(line).toMatch(/^-rw-r--r-- .* 80-Jan-01 00:00 /);
    }
    for (const path of paths) {
      expect(execFileSync('unzip', ['-p', zip, path]).equals(readFileSync(join(one, path)))).toBe(true);
    }
  });

  it('lists files with forward slashes, in byte order', () => {
    expect(listFiles(one)).toEqual(['assets/ünïcode.js', 'icons/icon.png', 'manifest.json', 'src/popup/index.html']);
  });
});

describe('npm run package', () => {
  it('packages two builds of the same commit into identical zips, named after the brand', async () => {
    const brand = { BRAND_FILE: join(ROOT, 'docs/brand.example.json') };
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const runs = [];
    for (const run of ['first', 'second']) {
      for (const browser of ['chrome', 'firefox'] as const) await buildExtension(browser, join(temp, run, 'dist', browser), brand);
      runs.push(packageBuilds(join(temp, run, 'dist'), join(temp, run, 'release')));
    }
    const [first, second] = runs;
    expect(first!.map((p) => basename(p.file))).toEqual([`health-data-watch-${version}-chrome.zip`, `health-data-watch-${version}-firefox.zip`]);
    expect(second!.map((p) => p.sha256)).toEqual(first!.map((p) => p.sha256));
    expect(readFileSync(second![1]!.file).equals(readFileSync(first![1]!.file))).toBe(true);
    const entries = unzip('-Z1', first![1]!.file).trim().split('\n');
    expect(entries).toEqual(listFiles(join(temp, 'first', 'dist', 'firefox')));
    // Every copy carries the licences: the project's, and those of the code bundled into it.
    expect(entries).toEqual(expect.arrayContaining(['LICENSE', 'LICENSE-DATA', 'licenses/preact.txt', 'licenses/valibot.txt', 'licenses/webextension-polyfill.txt']));
  }, BUILD_MS);

  it('refuses a build whose version is not package.json’s', () => {
    for (const browser of ['chrome', 'firefox']) {
      mkdirSync(join(temp, 'stale', browser), { recursive: true });
      writeFileSync(join(temp, 'stale', browser, 'manifest.json'), '{"name":"Patient Data Context","version":"0.0.1"}');
    }
    expect(() => packageBuilds(join(temp, 'stale'), join(temp, 'stale-release'))).toThrow(/version 0\.0\.1, but package\.json says/);
  });
});

it('the project’s own manifest fits what the stores accept', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  expect(manifest.name.length).toBeLessThanOrEqual(45); // addons.mozilla.org
  expect(manifest.description.length).toBeLessThanOrEqual(132); // the Chrome Web Store
});
