// The Catalog over catalog folders (index.json + <id>.json each): the client's folders first, then the bundled one.
// Schemas are read and normalised on first use and cached until the next reload.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, CatalogType, JsonSchema } from './types';
import { normaliseSchema, isPlainObject } from './dialect';
import { ENVELOPE_FILE } from './bundledLocation';
import { FALLBACK_ENVELOPE } from './fallbackEnvelope';
import { schemaTooBig } from '../validation/schemaLimits';

/** The largest schema file read: the real ones are under 6 KB; a bigger file is refused before it is parsed. */
export const MAX_SCHEMA_FILE_BYTES = 2 * 1024 * 1024;

export type Log = (message: string) => void;

interface IndexEntry {
  type: CatalogType;
  schemaFile: string;
  /** The schema file exists (checked once at load). */
  present: boolean;
}

export interface FolderCatalogOptions {
  /** The client's catalog folders, earliest wins per type. */
  catalogDirs: string[];
  /** The project's schemas/ folder (holding connection.schema.json and catalog/), if found. */
  schemasFolder: string | undefined;
  log: Log;
}

export class FolderCatalog implements Catalog {
  private entries = new Map<string, IndexEntry>();
  private sorted: CatalogType[] = [];
  private schemas = new Map<string, JsonSchema | undefined>();
  private loadErrors = new Map<string, string>();
  private envelope: JsonSchema | undefined;
  private listeners: (() => void)[] = [];
  private catalogDirs: string[];
  /** Increments on every reload, so that caches keyed on schemas (compiled validators) know to drop them. */
  generation = 0;

  constructor(private readonly options: FolderCatalogOptions) {
    this.catalogDirs = options.catalogDirs;
    this.loadIndexes();
  }

  listTypes(): CatalogType[] {
    return this.sorted;
  }

  getType(id: string): CatalogType | undefined {
    return this.entries.get(id)?.type;
  }

  getConfigurationSchema(id: string): JsonSchema | undefined {
    if (this.schemas.has(id)) return this.schemas.get(id);
    const entry = this.entries.get(id);
    let schema: JsonSchema | undefined;
    if (entry) {
      try {
        const bytes = statSync(entry.schemaFile).size;
        if (bytes > MAX_SCHEMA_FILE_BYTES) {
          throw new Error(`the schema is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_SCHEMA_FILE_BYTES / 1024 / 1024} MB a schema may take`);
        }
        const raw: unknown = JSON.parse(readFileSync(entry.schemaFile, 'utf8'));
        if (!isPlainObject(raw)) throw new Error('the file does not hold a JSON object');
        const tooBig = schemaTooBig(raw);
        if (tooBig) throw new Error(`the schema is too big to compile: ${tooBig}`);
        schema = normaliseSchema(raw);
      } catch (error) {
        const reason = entry.present ? describeError(error) : 'the file is missing';
        this.loadErrors.set(id, `${entry.schemaFile}: ${reason}`);
        this.options.log(`Cannot load the schema of connection type "${id}" from ${entry.schemaFile}: ${reason}`);
      }
    }
    this.schemas.set(id, schema);
    return schema;
  }

  /** Why getConfigurationSchema(id) returned undefined for a known type. */
  getSchemaLoadError(id: string): string | undefined {
    return this.loadErrors.get(id);
  }

  getEnvelopeSchema(): JsonSchema {
    if (this.envelope) return this.envelope;
    const folder = this.options.schemasFolder;
    if (folder) {
      const file = join(folder, ENVELOPE_FILE);
      try {
        this.envelope = normaliseSchema(JSON.parse(readFileSync(file, 'utf8')));
      } catch (error) {
        this.options.log(`Cannot load the envelope schema ${file}: ${describeError(error)}; using the built-in minimum.`);
      }
    } else {
      this.options.log(`No schemas/${ENVELOPE_FILE} found above ${__dirname}; using the built-in minimum envelope.`);
    }
    this.envelope ??= FALLBACK_ENVELOPE;
    return this.envelope;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Drops every cache and re-reads the indexes; `catalogDirs`, when given, replaces the client's folders. */
  reload(catalogDirs?: string[]): void {
    if (catalogDirs) this.catalogDirs = catalogDirs;
    this.loadIndexes();
    for (const listener of this.listeners) listener();
  }

  private loadIndexes(): void {
    this.generation++;
    this.entries = new Map();
    this.schemas = new Map();
    this.loadErrors = new Map();
    this.envelope = undefined;
    const bundled = this.options.schemasFolder ? join(this.options.schemasFolder, 'catalog') : undefined;
    const folders = this.catalogDirs.map((dir) => ({ dir: resolve(dir), bundled: false }));
    if (bundled) folders.push({ dir: bundled, bundled: true });
    for (const { dir, bundled: isBundled } of folders) {
      for (const entry of this.readFolder(dir, isBundled)) {
        const existing = this.entries.get(entry.type.id);
        // An earlier folder wins, unless it only lists the type without its schema file and this one has it.
        if (!existing || (!existing.present && entry.present)) this.entries.set(entry.type.id, entry);
      }
    }
    this.sorted = [...this.entries.values()].map((e) => e.type).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private readFolder(dir: string, bundled: boolean): IndexEntry[] {
    if (!existsSync(dir)) {
      if (!bundled) this.options.log(`Catalog folder ${dir} does not exist; skipped.`);
      return [];
    }
    const indexFile = join(dir, 'index.json');
    const make = (id: string, name: string, useOauth: boolean): IndexEntry => {
      const schemaFile = join(dir, `${id}.json`);
      return { type: { id, name, useOauth, catalogDir: dir, bundled }, schemaFile, present: existsSync(schemaFile) };
    };
    if (existsSync(indexFile)) {
      try {
        const raw: unknown = JSON.parse(readFileSync(indexFile, 'utf8'));
        // The API answers {data: [...]}; a catalog folder stores the bare list. Accept both.
        const list = isPlainObject(raw) && Array.isArray(raw.data) ? raw.data : raw;
        if (!Array.isArray(list)) throw new Error('expected a list of connection types');
        const entries: IndexEntry[] = [];
        for (const item of list) {
          if (!isPlainObject(item) || typeof item.id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(item.id)) continue;
          entries.push(make(item.id, typeof item.name === 'string' ? item.name : item.id, item.use_oauth === true));
        }
        return entries;
      } catch (error) {
        this.options.log(`Cannot read ${indexFile}: ${describeError(error)}; using the schema files of the folder instead.`);
      }
    }
    // Without a readable index, every <id>.json of the folder is a type named after its id.
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== ENVELOPE_FILE)
      .map((f) => make(f.slice(0, -'.json'.length), f.slice(0, -'.json'.length), false));
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
