// The catalog a command checks files against: the profile's live catalog (fetched into the cache) when the command
// talks to the API, then the --catalog folders, then the bundled one; and the checker over it, which is the language
// server's own (server/src/fileValidation.ts). Also the raw schema of a type, for which fields are secret.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ApiProfile } from '../../core/src/api/profile';
import type { CatalogSource } from '../../core/src/catalog/catalogCache';
import { errorProblems, type FileProblem, type WorkspaceFile } from '../../core/src/workspace/files';
import { findSchemasFolder } from '../../server/src/catalog/bundledLocation';
import { standaloneFileDiagnostics, type FileDiagnostics } from '../../server/src/fileValidation';
import { pathToFileURL } from 'node:url';
import { cacheRoot } from './cacheDir';
import { checkCatalogFolder } from './catalogFolders';
import { CliError, describeError } from './cliError';
import { diagnosticInCliWords } from './cliWording';
import { inertLine } from './inertLine';
import { fetchLiveCatalog } from './onlineCatalog';

export const CATALOG_OPTIONS = {
  catalog: { type: 'string', multiple: true },
  'catalog-max-age': { type: 'string' },
} as const;

const DEFAULT_MAX_AGE_HOURS = 24;

export interface CatalogFlags {
  catalog?: string[];
  'catalog-max-age'?: string;
}

export interface LiveSource {
  source: CatalogSource;
  profile: ApiProfile;
  /** The types whose schemas are needed (the files', or the live connections'). */
  typeIds: Iterable<string>;
}

export interface CatalogSession {
  check: FileDiagnostics;
  /** The file's errors (warnings do not block a send), 1-based, as the plan wants them. */
  errorsOf(file: WorkspaceFile): Promise<FileProblem[]>;
  /** The type's schema as the catalog folder holds it, for which fields are secret or read-only. */
  schemaFor(typeId: string): Promise<Record<string, unknown> | undefined>;
  usesOauth(typeId: string): boolean;
  /** What the catalog logged (a schema that failed to load...), once each, as inert lines. */
  log: Set<string>;
}

export function maxAgeMs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_AGE_HOURS * 3_600_000;
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours < 0) throw new CliError(`--catalog-max-age takes a number of hours, 0 or more (got "${value}").`);
  return hours * 3_600_000;
}

/** Checks the flags before anything is read or fetched, so a usage error comes first. */
export function catalogFolders(flags: CatalogFlags, cwd: string): { dirs: string[]; maxAgeMs: number; schemasFolder: string } {
  const age = maxAgeMs(flags['catalog-max-age']);
  const dirs = (flags.catalog ?? []).map((dir) => checkCatalogFolder(dir, cwd));
  const schemasFolder = findSchemasFolder();
  if (!schemasFolder) {
    throw new CliError(`The bundled catalog (schemas/connection.schema.json) was not found above ${__dirname}. Run the tool from a clone after "npm ci && npm run build".`);
  }
  return { dirs, maxAgeMs: age, schemasFolder };
}

export async function openCatalog(
  folders: { dirs: string[]; maxAgeMs: number; schemasFolder: string },
  env: Record<string, string | undefined>,
  live?: LiveSource,
): Promise<CatalogSession> {
  const dirs = [...folders.dirs];
  if (live) {
    try {
      dirs.unshift(await fetchLiveCatalog({ ...live, cacheRoot: cacheRoot(env), maxAgeMs: folders.maxAgeMs }));
    } catch (error) {
      throw new CliError(`Could not fetch the live catalog of profile "${live.profile.name}" from ${live.profile.baseUrl}: ${describeError(error)} Run without --online to check against the bundled catalog.`);
    }
  }
  const log = new Set<string>();
  const standalone = standaloneFileDiagnostics({ catalogDirs: dirs, schemasFolder: folders.schemasFolder, log: (line) => log.add(inertLine(line)) });
  const catalog = standalone.catalog;
  // The server's own diagnostics; only the editor's advice on an unknown type is put in the command line's words.
  const check: FileDiagnostics = async (uri, text) =>
    (await standalone.check(uri, text)).map((d) => (typeof d.message === 'string' ? { ...d, message: diagnosticInCliWords(d.message, live !== undefined) } : d));
  const raw = new Map<string, Promise<Record<string, unknown> | undefined>>();
  return {
    check,
    log,
    async errorsOf(file) {
      return errorProblems(await check(pathToFileURL(file.path).href, withoutBom(file.text)));
    },
    schemaFor(typeId) {
      if (!raw.has(typeId)) {
        const type = catalog.getType(typeId);
        const read = type
          ? fs.readFile(path.join(type.catalogDir, `${typeId}.json`), 'utf8').then(
              (text) => JSON.parse(text) as Record<string, unknown>,
              () => undefined,
            )
          : Promise.resolve(undefined);
        raw.set(typeId, read);
      }
      return raw.get(typeId)!;
    },
    usesOauth: (typeId) => catalog.getType(typeId)?.useOauth === true,
  };
}

/** The editor drops a byte order mark before the server sees the text; so does this. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
