// Where the benchmark finds the project's pieces. The repository root is the nearest folder above this file whose
// package.json is this project's, wherever the compiled file sits under out/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'polytomic-connections') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no polytomic-connections package.json above ${from}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
/** The 232 real connection type schemas: test data, read in place, never copied. */
export const SHARED_CATALOG = resolve(REPO_ROOT, '..', 'shared', 'data', 'connection-types');
export const DIST = join(REPO_ROOT, 'dist');
/**
 * A private copy of the production bundles taken right after the bench builds them: others rebuild dist/ (development
 * builds, with maps) while they work, and every figure of a run must come from the same, shipped, build.
 * Its schemas/ is a link to the project's, found by the server as it would be next to dist/ in the extension.
 */
export const SNAPSHOT_ROOT = join(REPO_ROOT, 'out', 'bench', 'snapshot');
export const SNAPSHOT_DIST = join(SNAPSHOT_ROOT, 'dist');
export const BUNDLES = ['extension.js', 'api.js', 'server.js', 'emulator.js'];
export const SERVER_BUNDLE = join(SNAPSHOT_DIST, 'server.js');
export const EXTENSION_BUNDLE = join(SNAPSHOT_DIST, 'extension.js');
export const EMULATOR_BUNDLE = join(SNAPSHOT_DIST, 'emulator.js');
export const RESULTS_MD = join(REPO_ROOT, 'bench', 'results.md');
export const RESULTS_JSON = join(REPO_ROOT, 'bench', 'results.json');
