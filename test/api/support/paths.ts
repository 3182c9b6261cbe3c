// Where the repository and the shared test data are, from the compiled test's location.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'polytomic-connections') return dir;
    if (dirname(dir) === dir) throw new Error(`no polytomic-connections package.json above ${from}`);
  }
}

/** The 232 real connection-type schemas: test data that stays outside the project. */
export function sharedCatalogDir(): string {
  return resolve(repoRoot(), '..', 'shared', 'data', 'connection-types');
}
