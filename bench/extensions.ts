/**
 * The extensions the bench compares, written to a temporary folder: the floor (the least a
 * content script that reads the page can do) and a copy of the built extension whose content
 * script is loaded but never started (what parsing and evaluating the bundle costs).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchPatterns } from '../src/hosts';
import { CHROME_BUILD } from '../test/e2e/harness';

export const FLOOR_NAME = 'Bench floor';

/** Walks every text node once and concatenates the text; the length tells the bench it is done. */
const FLOOR_SCRIPT = `const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let text = '';
for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.data;
globalThis.benchFloorChars = text.length;
`;

export interface BenchExtensions {
  floor: string;
  /** The built extension with its content script's start skipped. */
  loadedOnly: string;
  remove(): void;
}

export function writeBenchExtensions(): BenchExtensions {
  const root = mkdtempSync(join(tmpdir(), 'pdc-bench-'));

  const floor = join(root, 'floor');
  mkdirSync(floor);
  const manifest = {
    manifest_version: 3,
    name: FLOOR_NAME,
    version: '1.0.0',
    content_scripts: [{ matches: matchPatterns(), js: ['floor.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(floor, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(floor, 'floor.js'), FLOOR_SCRIPT);

  // The content script runs only once per page: it starts nothing when it finds its own flag set.
  const loadedOnly = join(root, 'loaded-only');
  cpSync(CHROME_BUILD, loadedOnly, { recursive: true });
  const script = join(loadedOnly, 'src/content.js');
  writeFileSync(script, `globalThis.pdcContentLoaded = true;\n${readFileSync(script, 'utf8')}`);

  return { floor, loadedOnly, remove: () => rmSync(root, { recursive: true, force: true }) };
}
