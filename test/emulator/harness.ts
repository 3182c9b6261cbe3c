// Starting the emulator in-process for a test and talking to it over real HTTP (global fetch).
import { resolve } from 'node:path';
import { findRepoRoot } from '../../emulator/src/options';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/index';

export const repoRoot = findRepoRoot(__dirname) ?? resolve(__dirname, '..', '..', '..');
/** The 232 real schemas: test data read from ../shared, never copied into the project. */
export const sharedCatalog = resolve(repoRoot, '..', 'shared', 'data', 'connection-types');
export const API_KEY = 'test-key-0123456789';

export function start(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({ apiKeys: [API_KEY], catalogDir: sharedCatalog, ...options });
}

export interface CallOptions {
  body?: unknown;
  /** Raw text body (sent as is); wins over body. */
  text?: string;
  /** null: no Authorization header. Default: Bearer API_KEY. */
  auth?: string | null;
  /** null: no version header. Default: 2025-09-18. */
  version?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty body. */
  json: any;
}

export async function call(emulator: { url: string }, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? `Bearer ${API_KEY}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  const version = options.version === undefined ? '2025-09-18' : options.version;
  if (version !== null) headers['x-polytomic-version'] = version;
  let body: string | undefined = options.text;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text === '' ? undefined : JSON.parse(text) };
}

export const postgres = (overrides: Record<string, unknown> = {}) => ({
  name: 'Warehouse',
  type: 'postgresql',
  configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'app', password: 's3cret-value', ...overrides },
  validate: false,
});

export async function createConnection(emulator: { url: string }, body: unknown = postgres()): Promise<any> {
  const result = await call(emulator, 'POST', '/api/connections', { body });
  if (result.status !== 200) throw new Error(`create failed: ${result.status} ${result.text}`);
  return result.json.data;
}

/** Runs fn over items with at most `width` calls in flight; results keep the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
