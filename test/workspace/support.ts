// A folder of connection files against the emulator, with the engine's dependencies wired as a driver outside the
// editor wires them: files on disk, the server's own validation, create keys in a JSON file, fingerprints and
// baselines in memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import type { PolytomicClient } from '../../core/src/api/client';
import { CreateKeys } from '../../core/src/createKeys';
import { describeMissing, type PlaceholderSources } from '../../core/src/placeholders';
import type { FingerprintStorage } from '../../core/src/secretFingerprints';
import { standaloneFileDiagnostics } from '../../server/src/fileValidation';
import { errorProblems, type ApplyDependencies, type Baseline, type BaselineStorage, type FileProblem, type PlanDependencies, type WorkspaceFile } from '../../core/src/workspace';
import { findConnectionFiles, readTextIfPresent, writeIdToFile } from '../../core/src/workspace/nodeFiles';
import { JsonFileMemento } from '../../core/src/workspace/keyFile';
import { makeClient } from '../api/support/clientFactory';
import { sharedCatalogDir } from '../api/support/paths';

export const API_KEY = 'workspace-key-7d1e0b3c';

export function memoryFingerprints(): FingerprintStorage & { stored: Map<string, Record<string, string>> } {
  const stored = new Map<string, Record<string, string>>();
  return {
    stored,
    key: async () => 'test-fingerprint-key',
    read: async (scope) => stored.get(scope),
    write: async (scope, value) => void (value ? stored.set(scope, value) : stored.delete(scope)),
  };
}

export function memoryBaselines(): BaselineStorage {
  const stored = new Map<string, Baseline>();
  return {
    key: async () => 'test-baseline-key',
    read: async (scope) => stored.get(scope),
    write: async (scope, value) => void (value ? stored.set(scope, value) : stored.delete(scope)),
  };
}

const schemaCache = new Map<string, Record<string, unknown> | undefined>();
export async function sharedSchema(typeId: string): Promise<Record<string, unknown> | undefined> {
  if (!schemaCache.has(typeId)) {
    try {
      schemaCache.set(typeId, JSON.parse(readFileSync(path.join(sharedCatalogDir(), `${typeId}.json`), 'utf8')) as Record<string, unknown>);
    } catch {
      schemaCache.set(typeId, undefined);
    }
  }
  return schemaCache.get(typeId);
}

const checker = standaloneFileDiagnostics({ catalogDirs: [sharedCatalogDir()] });
/** The language server's errors for a file, as the plan's `validate`. */
export async function serverErrors(file: WorkspaceFile): Promise<FileProblem[]> {
  return errorProblems(await checker.check(`file://${file.path}`, file.text));
}

export interface Workspace {
  emulator: RunningEmulator;
  client: PolytomicClient;
  dir: string;
  env: Record<string, string>;
  fingerprints: ReturnType<typeof memoryFingerprints>;
  write(relative: string, value: unknown): string;
  read(relative: string): Record<string, unknown>;
  files(): Promise<WorkspaceFile[]>;
  planDeps(): PlanDependencies;
  applyDeps(overrides?: Partial<ApplyDependencies>): Promise<ApplyDependencies>;
  close(): Promise<void>;
}

export async function openWorkspace(options: { seed?: string } = {}): Promise<Workspace> {
  const emulator = await startEmulator({ apiKeys: [API_KEY], catalogDir: sharedCatalogDir(), seed: options.seed });
  const client = makeClient(emulator.url, { apiKey: API_KEY }, { name: 'ws' }).client;
  const dir = mkdtempSync(path.join(tmpdir(), 'workspace-'));
  const env: Record<string, string> = {};
  const fingerprints = memoryFingerprints();
  const sources: PlaceholderSources = { env: (name) => env[name], secret: async (name) => env[`SECRET_${name}`] };
  const ws: Workspace = {
    emulator,
    client,
    dir,
    env,
    fingerprints,
    write(relative, value) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
      return file;
    },
    read: (relative) => JSON.parse(readFileSync(path.join(dir, relative), 'utf8')) as Record<string, unknown>,
    files: () => findConnectionFiles([dir], dir),
    planDeps: () => ({
      profileName: 'ws',
      schemaFor: sharedSchema,
      validate: serverErrors,
      sources,
      fingerprints,
      getConnection: (id, signal) => client.getConnection(id, signal),
    }),
    async applyDeps(overrides = {}) {
      const memento = await JsonFileMemento.open(path.join(dir, '.polytomic', 'create-keys.json'));
      return {
        profileName: 'ws',
        createConnection: (body, opts) => client.createConnection(body, opts),
        updateConnection: (id, body, signal) => client.updateConnection(id, body, signal),
        createKeys: new CreateKeys(memento, async () => 'test-digest-key'),
        sources,
        fingerprints,
        schemaFor: sharedSchema,
        readText: (file) => readTextIfPresent(file.path),
        writeId: writeIdToFile,
        validateDefault: false,
        describeMissing,
        ...overrides,
      };
    },
    async close() {
      await client.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return ws;
}

export function postgres(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    type: 'postgresql',
    configuration: { hostname: `${name.toLowerCase().replace(/\W+/g, '-')}.example.com`, port: 5432, database: 'app', username: 'polytomic', password: '${env:PG_PASSWORD}' },
    ...extra,
  };
}
