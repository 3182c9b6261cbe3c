// The live catalog of a profile, cached on disk in the API's layout so the language server can read it:
//   <root>/<profile folder>/index.json   the type list, reduced to {id, name, use_oauth}, ONLY types whose schema is here
//   <root>/<profile folder>/<id>.json    the bare JSON Schema of GET /api/connection_types/<id>
//   <root>/<profile folder>/types.json   the full type list (for pickers), and meta.json (when each part was fetched)
// index.json lists only cached schemas on purpose: a type listed there without its file would hide the bundled schema.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ApiProfile } from '../api/profile';
import type { ConnectionType } from '../api/types';

/** The two calls the cache needs from the API client (a narrow seam, so tests can hand in a fake). */
export interface CatalogSource {
  listConnectionTypes(signal?: AbortSignal): Promise<ConnectionType[]>;
  getConnectionTypeSchema(typeId: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

export interface CatalogTypeEntry {
  id: string;
  name: string;
  use_oauth: boolean;
}

export interface CatalogMeta {
  baseUrl: string;
  /** The profile the folder belongs to (the language server's hover names it). */
  profileName?: string;
  /** ISO time of the last successful type list fetch. */
  typesFetchedAt?: string;
  /** ISO time each schema was fetched. */
  schemas: Record<string, string>;
}

const SAFE_TYPE_ID = /^[A-Za-z0-9_.-]+$/;

export class CatalogCache {
  /** The last write queued per profile folder: meta.json and index.json are read-modify-write, so writers take turns. */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string) {}

  /** Runs `write` after the folder's earlier writes (the warm-up and a Refresh can overlap). */
  private serial<T>(dir: string, write: () => Promise<T>): Promise<T> {
    const previous = this.writes.get(dir) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => undefined);
    this.writes.set(dir, settled);
    void settled.then(() => {
      if (this.writes.get(dir) === settled) this.writes.delete(dir);
    });
    return next;
  }

  /** One folder per profile name and base URL, so a renamed host never serves another's schemas. */
  dirFor(profile: ApiProfile): string {
    const slug = profile.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'profile';
    const hash = createHash('sha256').update(`${profile.name}\n${profile.baseUrl}`).digest('hex').slice(0, 10);
    return path.join(this.root, `${slug}-${hash}`);
  }

  async readMeta(profile: ApiProfile): Promise<CatalogMeta> {
    const meta = await readJson<CatalogMeta>(path.join(this.dirFor(profile), 'meta.json'));
    return meta && typeof meta.schemas === 'object' ? meta : { baseUrl: profile.baseUrl, schemas: {} };
  }

  /** The full type list last fetched, or undefined when it never was. */
  async readTypes(profile: ApiProfile): Promise<CatalogTypeEntry[] | undefined> {
    return readJson<CatalogTypeEntry[]>(path.join(this.dirFor(profile), 'types.json'));
  }

  async hasSchema(profile: ApiProfile, typeId: string): Promise<boolean> {
    if (!SAFE_TYPE_ID.test(typeId)) return false;
    return exists(path.join(this.dirFor(profile), `${typeId}.json`));
  }

  /** Fetches the type list; stale schemas stay until refetched. */
  async refreshTypes(source: CatalogSource, profile: ApiProfile, signal?: AbortSignal): Promise<CatalogTypeEntry[]> {
    const types = (await source.listConnectionTypes(signal))
      .filter((t) => typeof t.id === 'string' && SAFE_TYPE_ID.test(t.id))
      .map((t) => ({ id: t.id, name: t.name || t.id, use_oauth: t.use_oauth === true }));
    const dir = this.dirFor(profile);
    await this.serial(dir, async () => {
      await fs.mkdir(dir, { recursive: true });
      await writeJsonAtomic(path.join(dir, 'types.json'), types);
      const meta = await this.readMeta(profile);
      meta.baseUrl = profile.baseUrl;
      meta.profileName = profile.name;
      meta.typesFetchedAt = new Date().toISOString();
      await writeJsonAtomic(path.join(dir, 'meta.json'), meta);
      await this.writeIndex(profile);
    });
    return types;
  }

  /** Fetches one type's schema unless it is cached already (or `force`); returns whether the cache changed. */
  async ensureSchema(source: CatalogSource, profile: ApiProfile, typeId: string, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<boolean> {
    if (!SAFE_TYPE_ID.test(typeId)) throw new Error(`"${typeId}" is not a connection type id.`);
    if (!options.force && (await this.hasSchema(profile, typeId))) return false;
    const schema = await source.getConnectionTypeSchema(typeId, options.signal);
    const dir = this.dirFor(profile);
    await this.serial(dir, async () => {
      await fs.mkdir(dir, { recursive: true });
      await writeJsonAtomic(path.join(dir, `${typeId}.json`), schema);
      const meta = await this.readMeta(profile);
      meta.schemas[typeId] = new Date().toISOString();
      meta.profileName = profile.name;
      await writeJsonAtomic(path.join(dir, 'meta.json'), meta);
      await this.writeIndex(profile);
    });
    return true;
  }

  /** The ids of the schemas cached for the profile. */
  async cachedTypeIds(profile: ApiProfile): Promise<string[]> {
    const names = await fs.readdir(this.dirFor(profile)).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.json') && !['index.json', 'types.json', 'meta.json'].includes(n))
      .map((n) => n.slice(0, -'.json'.length))
      .sort();
  }

  /** The cached schema of one type, if any. */
  async readSchema(profile: ApiProfile, typeId: string): Promise<Record<string, unknown> | undefined> {
    if (!SAFE_TYPE_ID.test(typeId)) return undefined;
    return readJson<Record<string, unknown>>(path.join(this.dirFor(profile), `${typeId}.json`));
  }

  /** index.json: the cached schemas, named from the type list when it is known. */
  private async writeIndex(profile: ApiProfile): Promise<void> {
    const types = (await this.readTypes(profile)) ?? [];
    const byId = new Map(types.map((t) => [t.id, t]));
    const index = (await this.cachedTypeIds(profile)).map((id) => byId.get(id) ?? { id, name: id, use_oauth: false });
    await writeJsonAtomic(path.join(this.dirFor(profile), 'index.json'), index);
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

/** Write then rename: a reader (the language server) never sees half a file. The random part keeps two writes apart. */
async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(value, null, 1) + '\n', 'utf8');
  await fs.rename(tmp, file);
}
