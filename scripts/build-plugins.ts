/** Small Vite plugins for vite.config.ts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Copies files into the build as they are: { 'path in the build': 'path on disk' }. */
export function copyFiles(files: Record<string, string>): Plugin {
  return {
    name: 'pdc-copy-files',
    buildStart() {
      for (const [fileName, path] of Object.entries(files)) this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
    },
  };
}

/**
 * Puts the licence of every package bundled into the extension's code in the build, as
 * licenses/<package>.txt: their notices must go with every copy.
 */
export function thirdPartyLicences(): Plugin {
  return {
    name: 'pdc-third-party-licences',
    generateBundle(_options, bundle) {
      const packages = new Map<string, string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          // Vite writes module ids with forward slashes on every system.
          const match = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(id);
          if (match) packages.set(match[2]!, match[1]!);
        }
      }
      for (const [name, dir] of packages) {
        const licence = readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
        if (!licence) throw new Error(`${name} is bundled into the extension but has no licence file`);
        this.emitFile({ type: 'asset', fileName: `licenses/${name}.txt`, source: readFileSync(join(dir, licence)) });
      }
    },
  };
}

/** Fails a build with test hosts (PDC_TEST_HOSTS) that would land in one of the `shipped` folders. */
export function keepTestHostsOutOf(shipped: string[]): Plugin {
  return {
    name: 'pdc-test-hosts-guard',
    configResolved({ root, build }) {
      if (shipped.some((dir) => resolve(root, dir) === resolve(root, build.outDir))) {
        throw new Error(`PDC_TEST_HOSTS builds may not be written to ${build.outDir}: that folder is packaged for release`);
      }
    },
  };
}
