/**
 * `npm run package` (after `npm run build`): the files to upload to the stores,
 * release/<name>-<version>-chrome.zip and release/<name>-<version>-firefox.zip, zipped
 * reproducibly from dist/ (scripts/zip.ts), so that anyone can rebuild a release and compare.
 * <name> comes from the built manifest (the project's name, or the brand file's), <version>
 * from package.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { slug } from './brand';
import { zipFolder } from './zip';

const ROOT = join(import.meta.dirname, '..');
const TARGETS = ['chrome', 'firefox'] as const;

export interface Package {
  file: string;
  sha256: string;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Zips `dist/chrome` and `dist/firefox` under `distRoot` into `outDir`. */
export function packageBuilds(distRoot = join(ROOT, 'dist'), outDir = join(ROOT, 'release')): Package[] {
  const { version } = readJson(join(ROOT, 'package.json')) as { version: string };
  mkdirSync(outDir, { recursive: true });
  return TARGETS.map((target) => {
    const dir = join(distRoot, target);
    const manifest = readJson(join(dir, 'manifest.json')) as { name: string; version: string };
    if (manifest.version !== version) {
      throw new Error(`${dir} was built as version ${manifest.version}, but package.json says ${version}: run npm run build`);
    }
    const zip = zipFolder(dir);
    const file = join(outDir, `${slug(manifest.name)}-${version}-${target}.zip`);
    writeFileSync(file, zip);
    return { file, sha256: createHash('sha256').update(zip).digest('hex') };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { file, sha256 } of packageBuilds()) console.log(`${sha256}  ${relative(process.cwd(), file)}`);
}
