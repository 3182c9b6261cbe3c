// validate --online: the profile's live catalog fetched into the on-disk cache (core's CatalogCache, the layout the
// language server reads), the type list and the schemas of the types the files use. A part younger than maxAgeMs is
// used as cached; the folder then goes before the bundled catalog.
import * as path from 'node:path';
import type { ApiProfile } from '../../core/src/api/profile';
import { CatalogCache, type CatalogSource } from '../../core/src/catalog/catalogCache';

export interface LiveCatalogRequest {
  source: CatalogSource;
  profile: ApiProfile;
  cacheRoot: string;
  /** The types the files name; only those schemas are fetched. */
  typeIds: Iterable<string>;
  maxAgeMs: number;
  now?: number;
}

function fresh(fetchedAt: string | undefined, maxAgeMs: number, now: number): boolean {
  return fetchedAt !== undefined && now - Date.parse(fetchedAt) <= maxAgeMs;
}

/** Returns the catalog folder for the profile, filled; API failures are thrown as they come (PolytomicApiError). */
export async function fetchLiveCatalog(request: LiveCatalogRequest): Promise<string> {
  const now = request.now ?? Date.now();
  const cache = new CatalogCache(path.join(request.cacheRoot, 'catalogs'));
  const { profile, source } = request;
  let meta = await cache.readMeta(profile);
  let types = await cache.readTypes(profile);
  if (!types || !fresh(meta.typesFetchedAt, request.maxAgeMs, now)) {
    types = await cache.refreshTypes(source, profile);
    meta = await cache.readMeta(profile);
  }
  const known = new Set(types.map((t) => t.id));
  for (const typeId of new Set(request.typeIds)) {
    if (!known.has(typeId)) continue; // not a live type: the checker reports it as unknown
    if (fresh(meta.schemas[typeId], request.maxAgeMs, now) && (await cache.hasSchema(profile, typeId))) continue;
    await cache.ensureSchema(source, profile, typeId, { force: true });
  }
  return cache.dirFor(profile);
}
