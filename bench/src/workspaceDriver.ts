// The folder-level engine wired as a driver outside the editor wires it (the command-line tool's way): files on disk,
// the language server's own validation, schemas from the catalog folder, create keys in a JSON file, secret
// fingerprints in memory (saved to a file between processes). Also the naive plan the engine's one-list plan is
// measured against, and the generated connection files of the workspace benchmark.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PolytomicClient, type RequestLogger } from '../../core/src/api/client';
import type { Connection } from '../../core/src/api/types';
import { isPolytomicApiError } from '../../core/src/api/errors';
import { CreateKeys } from '../../core/src/createKeys';
import { compareWithLive } from '../../core/src/liveComparison';
import { describeMissing, resolvePlaceholders, type PlaceholderSources } from '../../core/src/placeholders';
import { fingerprintScope, secretFieldValues, secretStatuses, type FingerprintStorage } from '../../core/src/secretFingerprints';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../core/src/sensitiveFields';
import {
  buildPlan,
  forEachLimited,
  importOrganization,
  readConnectionFile,
  type ApplyDependencies,
  type FileProblem,
  type ImportResult,
  type Plan,
  type PlanAction,
  type PlanDependencies,
  type WorkspaceFile,
} from '../../core/src/workspace';
import { JsonFileMemento } from '../../core/src/workspace/keyFile';
import { findConnectionFiles, newFileWriter, readTextIfPresent, writeIdToFile } from '../../core/src/workspace/nodeFiles';
import { standaloneFileDiagnostics } from '../../server/src/fileValidation';
import { SHARED_CATALOG } from './paths';

export const BENCH_API_KEY = 'bench-workspace-key-5c2e9a71';
export const PROFILE = 'bench';

/** Counts the HTTP attempts a client makes (its request log has one line per attempt), so a figure can say how many. */
export class RequestCounter implements RequestLogger {
  count = 0;
  info = (line: string) => this.seen(line);
  warn = (line: string) => this.seen(line);
  error = () => undefined;
  private seen(line: string): void {
    if (line.includes(' -> ')) this.count++;
  }
}

export function benchClient(url: string, log?: RequestLogger): PolytomicClient {
  return new PolytomicClient({ profile: { name: PROFILE, baseUrl: url, keyKind: 'user', apiVersion: '2025-09-18' }, apiKey: BENCH_API_KEY, env: {}, log });
}

const schemas = new Map<string, Record<string, unknown> | undefined>();
/** A type's schema from the catalog folder, read once (a driver keeps fetched schemas in a cache the same way). */
export async function schemaFor(typeId: string): Promise<Record<string, unknown> | undefined> {
  if (!schemas.has(typeId)) {
    try {
      schemas.set(typeId, JSON.parse(await fs.readFile(path.join(SHARED_CATALOG, `${typeId}.json`), 'utf8')) as Record<string, unknown>);
    } catch {
      schemas.set(typeId, undefined);
    }
  }
  return schemas.get(typeId);
}

let checker: ReturnType<typeof standaloneFileDiagnostics> | undefined;
/** The language server's errors for a file: the plan's `validate`. */
export async function serverErrors(file: WorkspaceFile): Promise<FileProblem[]> {
  checker ??= standaloneFileDiagnostics({ catalogDirs: [SHARED_CATALOG] });
  const diagnostics = await checker.check(`file://${file.path}`, file.text);
  return diagnostics
    .filter((d) => d.severity === 1)
    .map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/** Fingerprints in memory, saved to and loaded from a JSON file so another process plans with what this one sent. */
export class MemoryFingerprints implements FingerprintStorage {
  private stored = new Map<string, Record<string, string>>();
  key = async () => 'bench-fingerprint-key';
  read = async (scope: string) => this.stored.get(scope);
  write = async (scope: string, value: Record<string, string> | undefined) => void (value ? this.stored.set(scope, value) : this.stored.delete(scope));
  save(file: string): void {
    writeFileSync(file, JSON.stringify(Object.fromEntries(this.stored)));
  }
  static load(file: string): MemoryFingerprints {
    const loaded = new MemoryFingerprints();
    loaded.stored = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>));
    return loaded;
  }
}

export interface Folder {
  dir: string;
  env: Record<string, string>;
}

export function envSources(env: Record<string, string>): PlaceholderSources {
  return { env: (name) => env[name], secret: async () => undefined };
}

export function planDependencies(client: PolytomicClient, env: Record<string, string>, fingerprints: FingerprintStorage): PlanDependencies {
  return {
    profileName: PROFILE,
    schemaFor,
    validate: serverErrors,
    sources: envSources(env),
    fingerprints,
    getConnection: (id, signal) => client.getConnection(id, signal),
  };
}

export async function applyDependencies(client: PolytomicClient, folder: Folder, fingerprints: FingerprintStorage, onCreateMs?: (ms: number) => void): Promise<ApplyDependencies> {
  const memento = await JsonFileMemento.open(path.join(folder.dir, '.polytomic', 'create-keys.json'));
  return {
    profileName: PROFILE,
    createConnection: async (body, options) => {
      const start = performance.now();
      try {
        return await client.createConnection(body, options);
      } finally {
        onCreateMs?.(performance.now() - start);
      }
    },
    updateConnection: (id, body, signal) => client.updateConnection(id, body, signal),
    createKeys: new CreateKeys(memento, async () => 'bench-digest-key'),
    sources: envSources(folder.env),
    fingerprints,
    schemaFor,
    readText: (file) => readTextIfPresent(file.path),
    writeId: writeIdToFile,
    validateDefault: false,
    describeMissing,
  };
}

/** Our way: the folder's files and one list call, then the engine's plan. */
export async function planFolder(client: PolytomicClient, folder: Folder, fingerprints: FingerprintStorage): Promise<Plan> {
  const [files, live] = await Promise.all([findConnectionFiles([folder.dir], folder.dir), client.listConnections()]);
  return buildPlan(files, live, planDependencies(client, folder.env, fingerprints));
}

/**
 * The naive way: each file on its own, its connection fetched with one GET, then compared; the same checks and the
 * same comparison as the engine's plan, with as many requests in flight as the plan checks files (8).
 */
export async function naivePlan(client: PolytomicClient, folder: Folder, fingerprints: FingerprintStorage): Promise<Record<PlanAction, number>> {
  const files = await findConnectionFiles([folder.dir], folder.dir);
  const counts: Record<PlanAction, number> = { create: 0, update: 0, unchanged: 0, blocked: 0, stale: 0, duplicate: 0, unmanaged: 0 };
  const sources = envSources(folder.env);
  await forEachLimited(files, 8, async (file) => {
    const read = readConnectionFile(file);
    if (!read.valid || read.problems.length > 0 || (await serverErrors(file)).length > 0) return void counts.blocked++;
    let live: Connection | undefined;
    if (read.id) {
      try {
        live = await client.getConnection(read.id);
      } catch (error) {
        if (isPolytomicApiError(error) && error.kind === 'not_found') return void counts.stale++;
        throw error;
      }
    }
    const schema = await schemaFor(read.valid.type);
    const isSecret = secretRule(schemaSensitiveKeys(schema));
    const resolved = await resolvePlaceholders(read.valid.configuration, sources);
    const secretStatus = live ? await secretStatuses(fingerprints, fingerprintScope(PROFILE, live.id), secretFieldValues(read.valid.configuration, resolved.value, isSecret)) : {};
    const comparison = compareWithLive(read.valid, live ?? { id: '', name: '', configuration: {} }, isSecret, {
      fileText: file.text,
      resolved: resolved.value,
      missing: new Set(resolved.missing.map((m) => m.path)),
      secretStatus,
      readOnlyKeys: schemaReadOnlyKeys(schema),
    });
    counts[!live ? 'create' : comparison.equal ? 'unchanged' : 'update']++;
  });
  return counts;
}

/** Import: the type list (for the OAuth types) and one list call, every connection written to a new file below `dir`. */
export async function importInto(client: PolytomicClient, dir: string): Promise<ImportResult> {
  const [types, live] = await Promise.all([client.listConnectionTypes(), client.listConnections()]);
  const oauth = new Set(types.filter((t) => t.use_oauth).map((t) => t.id));
  return importOrganization(live, new Set(), { usesOauth: (id) => oauth.has(id), schemaFor, placeholderKind: 'env', writeNewFile: newFileWriter(dir) });
}

// Four common types, each with a secret as a placeholder: the files of the benchmark cycle through them.
const TEMPLATES: { type: string; configuration: (i: number, secret: string) => Record<string, unknown> }[] = [
  { type: 'postgresql', configuration: (i, s) => ({ hostname: `pg-${i}.bench.example.com`, port: 5432, database: 'app', username: 'polytomic', password: s }) },
  { type: 'mysql', configuration: (i, s) => ({ hostname: `mysql-${i}.bench.example.com`, port: 3306, account: 'polytomic', passwd: s, dbname: 'orders' }) },
  { type: 'snowflake', configuration: (i, s) => ({ account: `bench-${i}.us-east-1`, username: 'POLYTOMIC', password: s, dbname: 'ANALYTICS', warehouse: 'COMPUTE_WH' }) },
  {
    type: 's3',
    configuration: (i, s) => ({ auth_mode: 'access_key_and_secret', aws_access_key_id: `AKIABENCH${String(i).padStart(11, '0')}`, aws_secret_access_key: s, s3_bucket_name: `bench-${i}`, s3_bucket_region: 'us-east-1' }),
  },
];

export const fileName = (i: number) => `connections/bench-${String(i).padStart(4, '0')}.polytomic.json`;

/** The text of the i-th generated connection file (no id: it is to be created); `changed`: one non-secret field differs. */
export function connectionFileText(i: number, options: { changed?: boolean } = {}): string {
  const template = TEMPLATES[i % TEMPLATES.length];
  const configuration = template.configuration(i, `\${env:BENCH_${i}_SECRET}`);
  if (options.changed) {
    if (typeof configuration.port === 'number') configuration.port += 1;
    else configuration.s3_bucket_region = 'eu-west-1';
  }
  return `// generated by the workspace benchmark\n${JSON.stringify({ name: `Bench ${template.type} ${i}`, type: template.type, configuration }, null, 2)}\n`;
}

/** `count` new connection files (numbered from `from`) in a fresh `dir`, with the environment their placeholders read. */
export function writeNewFolder(dir: string, count: number, from = 0): Folder {
  rmSync(dir, { recursive: true, force: true });
  const env: Record<string, string> = {};
  for (let i = from; i < from + count; i++) {
    const file = path.join(dir, fileName(i));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, connectionFileText(i));
    env[`BENCH_${i}_SECRET`] = secretValue(i);
  }
  return { dir, env };
}

export const secretValue = (i: number) => `bench-secret-${i}-${(i * 2654435761) % 4294967296}`;
