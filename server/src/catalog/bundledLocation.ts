// Finds the project's schemas/ folder from wherever the server runs: dist/server.js (bundled) sits one level below
// the extension root, out/server/src/server.js (compiled by tsc) three; so walk up until schemas/connection.schema.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ENVELOPE_FILE = 'connection.schema.json';
export const BUNDLED_CATALOG_FOLDER = 'catalog';

/** The folder holding connection.schema.json, or undefined when no ancestor of `start` has one. */
export function findSchemasFolder(start: string = __dirname): string | undefined {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, ENVELOPE_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
