/**
 * `npm run bench -- --compare <dir>`: the built extension against another build of it (say a
 * worktree's dist/chrome), page loads only. Each page is loaded with both in turn, in alternating
 * order, so that a slow spell on the machine hits both; the figure to judge a change by is the
 * median of the paired differences, which holds on a machine too noisy for two separate runs.
 */
import { CHROME_BUILD, type FixtureServer } from '../test/e2e/harness';
import { HOST, launchOurs, measureLoad, observeLongTasks, type LoadResult, type Variant } from './browsers';
import { median, type BenchPage } from './report';

async function launchBuild(server: FixtureServer, extensionDir: string): Promise<Variant> {
  const variant = await launchOurs(server, extensionDir);
  await observeLongTasks(variant);
  return variant;
}

/** Prints, per page, script time and longest task with each build, and the paired difference. */
export async function compareBuilds(server: FixtureServer, pages: readonly BenchPage[], otherDir: string, runs: number): Promise<void> {
  const builds = { built: await launchBuild(server, CHROME_BUILD), other: await launchBuild(server, otherDir) };
  try {
    console.log(`this build: ${CHROME_BUILD}; the other: ${otherDir}; ${runs} pairs per page; ms`);
    for (const page of pages) {
      const loads = { built: [] as LoadResult[], other: [] as LoadResult[] };
      for (let run = 0; run < runs; run++) {
        for (const name of run % 2 ? (['built', 'other'] as const) : (['other', 'built'] as const)) {
          loads[name].push(await measureLoad(builds[name], `https://${HOST}${page.path}`));
        }
      }
      const of = (name: keyof typeof loads, pick: (load: LoadResult) => number) => loads[name].map(pick);
      const script = (load: LoadResult) => load.scriptTasks;
      const longest = (load: LoadResult) => load.longestScriptTask;
      const paired = of('built', script).map((time, run) => time - script(loads.other[run]!));
      const figures = [
        `script: this ${median(of('built', script)).toFixed(1)}, other ${median(of('other', script)).toFixed(1)}, this − other (paired median) ${median(paired).toFixed(1)}`,
        `longest task: this ${median(of('built', longest)).toFixed(1)} (max ${Math.max(...of('built', longest)).toFixed(1)}), other ${median(of('other', longest)).toFixed(1)} (max ${Math.max(...of('other', longest)).toFixed(1)})`,
      ];
      console.log(`${page.label.padEnd(22)} ${figures.join('  ')}`);
    }
  } finally {
    await builds.built.browser.close();
    await builds.other.browser.close();
  }
}
