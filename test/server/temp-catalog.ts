// A catalog folder written for one test: index.json plus one <id>.json per type, removed again by dispose().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempCatalog {
  dir: string;
  dispose(): void;
}

/** `schemas` maps a type id to its schema: an object, or raw file text (for files no JSON.stringify would write). */
export function writeTempCatalog(schemas: Record<string, unknown>): TempCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'polytomic-catalog-'));
  const ids = Object.keys(schemas);
  writeFileSync(join(dir, 'index.json'), JSON.stringify(ids.map((id) => ({ id, name: id, use_oauth: false }))));
  for (const id of ids) {
    const schema = schemas[id];
    writeFileSync(join(dir, `${id}.json`), typeof schema === 'string' ? schema : JSON.stringify(schema));
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A connection file of the given type and configuration. */
export function connectionFile(type: string, configuration: unknown): string {
  return JSON.stringify({ name: 'test', type, configuration }, null, 2);
}
