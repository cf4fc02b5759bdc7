/**
 * Builds the extension into a folder of its own, for tests that need a build other than dist/
 * (a brand file, test hosts) or a fresh one, without touching dist/, which other tests load.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface BuildEnv {
  BRAND_FILE?: string;
  PDC_TEST_HOSTS?: string;
}

/** `vite build --mode <browser> --outDir <outDir>` with only the given build variables set. Rejects with vite's output on failure. */
export async function buildExtension(browser: 'chrome' | 'firefox', outDir: string, env: BuildEnv = {}): Promise<void> {
  const { BRAND_FILE: _brand, PDC_TEST_HOSTS: _hosts, ...inherited } = process.env;
  await promisify(execFile)(process.execPath, [VITE, 'build', '--mode', browser, '--outDir', outDir, '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...inherited, ...env },
  });
}
