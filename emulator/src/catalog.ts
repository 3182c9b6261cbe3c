// A catalog folder in the API's layout: index.json (the GET /api/connection_types data array) and <id>.json
// (the bare schema of GET /api/connection_types/<id>). Schemas are read lazily and cached.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseSchema, type SchemaNode } from './dialect';

export interface CatalogEntry {
  id: string;
  name: string;
  use_oauth?: boolean;
  [field: string]: unknown;
}

export interface LoadedSchema {
  /** Verbatim, as GET /api/connection_types/<id> returns it. */
  raw: SchemaNode;
  normalised: SchemaNode;
}

const TYPE_ID = /^[A-Za-z0-9_.-]+$/;

export class Catalog {
  private readonly schemas = new Map<string, LoadedSchema | null>();
  private readonly byId: Map<string, CatalogEntry>;

  private constructor(
    readonly dir: string | undefined,
    private readonly entries: CatalogEntry[],
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  static empty(): Catalog {
    return new Catalog(undefined, []);
  }

  /** Throws with a clear message when the folder or its index is missing or malformed. */
  static load(dir: string): Catalog {
    const indexPath = join(dir, 'index.json');
    if (!existsSync(indexPath)) throw new Error(`catalog folder ${dir} has no index.json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(indexPath, 'utf8'));
    } catch (error) {
      throw new Error(`catalog index ${indexPath} is not valid JSON: ${(error as Error).message}`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown })?.data;
    if (!Array.isArray(list)) throw new Error(`catalog index ${indexPath} must be an array of {id, name, use_oauth}`);
    const entries = list.filter(
      (e): e is CatalogEntry =>
        typeof e === 'object' && e !== null && typeof e.id === 'string' && TYPE_ID.test(e.id) && typeof e.name === 'string',
    );
    return new Catalog(dir, entries);
  }

  list(): readonly CatalogEntry[] {
    return this.entries;
  }

  get(id: string): CatalogEntry | undefined {
    return this.byId.get(id);
  }

  /** Undefined when the type is unknown or its schema file is missing or unreadable. */
  schema(id: string): LoadedSchema | undefined {
    if (!this.dir || !this.get(id)) return undefined;
    if (!this.schemas.has(id)) this.schemas.set(id, this.readSchema(id));
    return this.schemas.get(id) ?? undefined;
  }

  private readSchema(id: string): LoadedSchema | null {
    try {
      const raw = JSON.parse(readFileSync(join(this.dir as string, `${id}.json`), 'utf8')) as SchemaNode;
      if (typeof raw !== 'object' || raw === null) return null;
      return { raw, normalised: normaliseSchema(raw) as SchemaNode };
    } catch {
      return null;
    }
  }
}
