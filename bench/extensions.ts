/**
 * The extensions the bench compares, written to a temporary folder: the floor (the least a
 * content script that reads the page can do), the marking floor (the least one that can also
 * mark what it finds can do) and a copy of the built extension whose content script is loaded
 * but never started (what parsing and evaluating the bundle costs).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import raw from '../src/data/dataset.json';
import { parseDataset } from '../src/data/schema';
import { gateSourcesOf } from '../src/detect/gate';
import { matchPatterns } from '../src/hosts';
import { CHROME_BUILD } from '../test/e2e/harness';

export const FLOOR_NAME = 'Bench floor';
export const MARKING_FLOOR_NAME = 'Bench marking floor';

/** The gate's patterns, made from the dataset as the build makes them for the content script. */
export const BUILT_GATE = gateSourcesOf(parseDataset(raw).topics);

const WALK = `const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let text = '';`;

/** Walks every text node once and concatenates the text; the length tells the bench it is done. */
const FLOOR_SCRIPT = `${WALK}
for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.data;
globalThis.benchFloorChars = text.length;
`;

/**
 * The floor, also keeping each node and where its text starts (a script must, to mark a phrase
 * it finds in the text), then looking through the text once for the gate's stems, as this
 * extension does before anything else. Both are kept to the end, as this extension keeps them.
 */
const MARKING_FLOOR_SCRIPT = `${WALK}
const nodes = [];
const starts = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  nodes.push(node);
  starts.push(text.length);
  text += node.data;
}
const stems = new RegExp(${JSON.stringify(BUILT_GATE.page)}, 'giu');
const hits = [];
for (let m = stems.exec(text); m; m = stems.exec(text)) {
  hits.push(m.index);
  stems.lastIndex = m.index + 1;
}
globalThis.benchKept = { nodes, starts, hits };
globalThis.benchFloorChars = text.length;
`;

export interface BenchExtensions {
  floor: string;
  markingFloor: string;
  /** The built extension with its content script's start skipped. */
  loadedOnly: string;
  remove(): void;
}

/** An extension of one content script, run where this extension's runs, at the same time. */
function writeScriptExtension(dir: string, name: string, script: string): string {
  mkdirSync(dir);
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    content_scripts: [{ matches: matchPatterns(), js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), script);
  return dir;
}

export function writeBenchExtensions(): BenchExtensions {
  const root = mkdtempSync(join(tmpdir(), 'pdc-bench-'));
  const floor = writeScriptExtension(join(root, 'floor'), FLOOR_NAME, FLOOR_SCRIPT);
  const markingFloor = writeScriptExtension(join(root, 'marking-floor'), MARKING_FLOOR_NAME, MARKING_FLOOR_SCRIPT);

  // The content script runs only once per page: it starts nothing when it finds its own flag set.
  const loadedOnly = join(root, 'loaded-only');
  cpSync(CHROME_BUILD, loadedOnly, { recursive: true });
  const script = join(loadedOnly, 'src/content.js');
  writeFileSync(script, `globalThis.pdcContentLoaded = true;\n${readFileSync(script, 'utf8')}`);

  return { floor, markingFloor, loadedOnly, remove: () => rmSync(root, { recursive: true, force: true }) };
}
