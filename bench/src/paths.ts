// Where the benchmark finds the project's pieces, from out/bench/src (compiled) or bench/src (sources): both sit two
// levels below the repository root's child folder, so the root is found by walking up to this project's package.json.
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
export const SERVER_BUNDLE = join(DIST, 'server.js');
export const EXTENSION_BUNDLE = join(DIST, 'extension.js');
export const EMULATOR_BUNDLE = join(DIST, 'emulator.js');
export const RESULTS_MD = join(REPO_ROOT, 'bench', 'results.md');
export const RESULTS_JSON = join(REPO_ROOT, 'bench', 'results.json');
