/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome,
 * `vite build --mode firefox` → dist/firefox. The manifest is derived from manifest.json:
 * version from package.json, content-script hosts from src/hosts.ts, Firefox's own keys added.
 * The dataset is validated first; a bad dataset fails the build naming the field.
 *
 * Environment:
 * - BRAND_FILE=brand.json: an organisation's own name, description, homepage, links and icons
 *   (scripts/brand.ts).
 * - PDC_TEST_HOSTS=127.0.0.1: also run the content script on these hosts, for browser tests that
 *   can only serve pages locally (test/e2e/firefox.test.ts). Such a build goes to
 *   dist/<browser>-test and may never be written to dist/chrome or dist/firefox, which get packaged.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { copyFiles, keepTestHostsOutOf, thirdPartyLicences } from './scripts/build-plugins.ts';
import { brandFiles, brandManifest, loadBrandFile, pageBrand, type BrandBuild } from './scripts/brand.ts';
import { parseDataset } from './src/data/schema.ts';
import { gateSourcesOf } from './src/detect/gate.ts';
import { lexiconData } from './src/detect/lexicon.ts';
import { matchPatterns } from './src/hosts.ts';

type Target = 'chrome' | 'firefox';
const GECKO_ID = 'patient-data-context@extension';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(fromRoot(path), 'utf8'));

function manifestFor(target: Target, brand: BrandBuild | null, testHosts: string[]): ManifestV3Export {
  const base = readJson('./manifest.json') as Record<string, any>;
  const pkg = readJson('./package.json') as { version: string };
  const manifest: Record<string, any> = { ...(brand ? brandManifest(base, brand) : base), version: pkg.version };
  const matches = [...matchPatterns(), ...testHosts.map((host) => `https://${host}/*`)];
  manifest.content_scripts = base.content_scripts.map((script: Record<string, unknown>) => ({ ...script, matches }));
  if (target === 'firefox') {
    const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
    return {
      ...rest,
      background: { scripts: [base.background.service_worker], type: 'module' },
      browser_specific_settings: {
        gecko: {
          id: brand?.firefoxId ?? GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    } as unknown as ManifestV3Export;
  }
  return manifest as ManifestV3Export;
}

/** Only what the content script needs from the dataset, the detection vocabulary, so it stays small. */
function contentScriptTopics() {
  const dataset = parseDataset(readJson('./src/data/dataset.json'), 'src/data/dataset.json');
  return dataset.topics.map(({ id, terms }) => ({ id, terms: { names: terms.names, partners: terms.partners, cues: terms.cues } }));
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const topics = contentScriptTopics();
  const brand = process.env.BRAND_FILE ? loadBrandFile(process.env.BRAND_FILE) : null;
  const testHosts = process.env.PDC_TEST_HOSTS?.split(',').filter(Boolean) ?? [];
  return {
    define: {
      __PDC_LEXICON__: JSON.stringify(lexiconData(topics)),
      __PDC_GATE__: JSON.stringify(gateSourcesOf(topics)),
      __PDC_BRAND__: JSON.stringify(brand && pageBrand(brand)),
    },
    plugins: [
      // The licences go with every copy handed out, as the MIT licence asks.
      copyFiles({ LICENSE: fromRoot('./LICENSE'), 'LICENSE-DATA': fromRoot('./LICENSE-DATA'), ...(brand && brandFiles(brand)) }),
      thirdPartyLicences(),
      ...(testHosts.length > 0 ? [keepTestHostsOutOf(['dist/chrome', 'dist/firefox'])] : []),
      crx({
        manifest: manifestFor(target, brand, testHosts),
        browser: target,
        contentScripts: { standaloneFiles: ['src/content.ts'] },
      }),
    ],
    build: {
      outDir: testHosts.length > 0 ? `dist/${target}-test` : `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Readable output helps store review; the size that matters is checked by the bench.
      sourcemap: false,
    },
  };
});
