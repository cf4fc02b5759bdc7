/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome,
 * `vite build --mode firefox` → dist/firefox. The manifest is derived from manifest.json:
 * version from package.json, content-script hosts from src/hosts.ts, Firefox's own keys added.
 * The dataset is validated first; a bad dataset fails the build naming the field.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { parseDataset } from './src/data/schema';
import { matchPatterns } from './src/hosts';

type Target = 'chrome' | 'firefox';
const GECKO_ID = 'patient-data-context@extension';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

function manifestFor(target: Target): ManifestV3Export {
  const base = readJson('./manifest.json') as Record<string, any>;
  const pkg = readJson('./package.json') as { version: string };
  const manifest: Record<string, any> = { ...base, version: pkg.version };
  manifest.content_scripts = base.content_scripts.map((script: Record<string, unknown>) => ({ ...script, matches: matchPatterns() }));
  if (target === 'firefox') {
    const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
    return {
      ...rest,
      background: { scripts: [base.background.service_worker], type: 'module' },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    } as unknown as ManifestV3Export;
  }
  return manifest as ManifestV3Export;
}

/** Only what the content script needs from the dataset, so it stays small. */
function contentScriptData() {
  const dataset = parseDataset(readJson('./src/data/dataset.json'), 'src/data/dataset.json');
  const topics = dataset.topics.map(({ id, title, status, terms }) => ({
    id,
    title,
    status: { label: status.label, since: status.since },
    terms: { names: terms.names, partners: terms.partners, cues: terms.cues },
  }));
  return { topics, asOf: dataset.asOf };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const data = contentScriptData();
  return {
    define: { __PDC_TOPICS__: JSON.stringify(data.topics), __PDC_AS_OF__: JSON.stringify(data.asOf) },
    plugins: [
      crx({
        manifest: manifestFor(target),
        browser: target,
        contentScripts: { standaloneFiles: ['src/content.ts'] },
      }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Readable output helps store review; the size that matters is checked by the bench.
      sourcemap: false,
    },
  };
});
