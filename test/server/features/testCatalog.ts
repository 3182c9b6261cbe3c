// A small Catalog for unit tests over catalog folders (index.json + <id>.json), implementing the contract of
// server/src/catalog/types.ts directly, so the features are tested on their own, also on un-normalised schemas.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, CatalogType, JsonSchema } from '../../../server/src/catalog/types';
import { normaliseSchema } from '../../../server/src/catalog/dialect';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const FIXTURE_CATALOG = join(REPO_ROOT, 'test', 'server', 'features', 'fixtures', 'catalog');
export const BUNDLED_CATALOG = join(REPO_ROOT, 'schemas', 'catalog');
export const ENVELOPE_SCHEMA = join(REPO_ROOT, 'schemas', 'connection.schema.json');
export const REAL_CATALOG = resolve(REPO_ROOT, '..', 'shared', 'data', 'connection-types');

interface IndexEntry {
  id: string;
  name: string;
  use_oauth?: boolean;
}

export class TestCatalog implements Catalog {
  private readonly types = new Map<string, CatalogType>();
  private readonly schemas = new Map<string, JsonSchema | undefined>();
  private readonly listeners: (() => void)[] = [];
  private readonly envelope: JsonSchema;
  private readonly normalise: (raw: unknown) => JsonSchema;

  /** Earlier folders win per type id, as in the server's catalog. */
  /** Schemas are normalised as the server's catalog does, unless `raw` asks for the dialect as served. */
  constructor(dirs: string[], options: { bundledDir?: string; raw?: boolean } = {}) {
    this.normalise = options.raw ? (raw) => raw as JsonSchema : normaliseSchema;
    for (const dir of dirs) {
      const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexEntry[];
      for (const entry of index) {
        if (this.types.has(entry.id)) continue;
        this.types.set(entry.id, { id: entry.id, name: entry.name, useOauth: entry.use_oauth === true, catalogDir: dir, bundled: dir === options.bundledDir });
      }
    }
    this.envelope = this.normalise(JSON.parse(readFileSync(ENVELOPE_SCHEMA, 'utf8')));
  }


  listTypes(): CatalogType[] {
    return [...this.types.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  getType(id: string): CatalogType | undefined {
    return this.types.get(id);
  }

  getConfigurationSchema(id: string): JsonSchema | undefined {
    if (!this.schemas.has(id)) {
      const type = this.types.get(id);
      const file = type ? join(type.catalogDir, `${id}.json`) : undefined;
      this.schemas.set(id, file && existsSync(file) ? this.normalise(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
    }
    return this.schemas.get(id);
  }

  getEnvelopeSchema(): JsonSchema {
    return this.envelope;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Simulates a reload. */
  fireChange(): void {
    this.schemas.clear();
    for (const listener of this.listeners) listener();
  }
}
