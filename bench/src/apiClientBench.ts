// The API client against the emulator: 1,000 creates at concurrency 1, 8 and 32, requests per second and latency.
// The emulator runs as its own process (dist/emulator.js), as a remote API would, so that client and server do not
// share one event loop; it is reset between the concurrency levels.
import { spawn, type ChildProcess } from 'node:child_process';
import { PolytomicClient } from '../../core/src/api/client';
import { EMULATOR_BUNDLE } from './paths';
import { now, summarise, type Summary } from './stats';

export interface ApiClientRow {
  concurrency: number;
  requests: number;
  requestsPerSecond: number;
  latency: Summary;
}

const REQUESTS = 1000;
const CONCURRENCY = [1, 8, 32];
const API_KEY = 'bench-api-key-0123456789';

async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [EMULATOR_BUNDLE, '--api-key', API_KEY], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening: ${seen}`)));
  });
  return { child, url };
}

function createBody(index: number) {
  return {
    name: `Bench postgres ${index}`,
    type: 'postgresql',
    configuration: { hostname: `db${index}.internal.example.com`, username: 'polytomic', password: 'bench-password', database: 'analytics', port: 5432 },
    validate: false,
  };
}

async function run(client: PolytomicClient, concurrency: number): Promise<ApiClientRow> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const start = now();
      await client.createConnection(createBody(index));
      latencies.push(now() - start);
    }
  };
  const start = now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = now() - start;
  return { concurrency, requests: REQUESTS, requestsPerSecond: (REQUESTS * 1000) / elapsed, latency: summarise(latencies) };
}

export async function benchApiClient(): Promise<ApiClientRow[]> {
  const { child, url } = await startEmulator();
  const client = new PolytomicClient({ profile: { name: 'bench', baseUrl: url, keyKind: 'user', apiVersion: '2025-09-18' }, apiKey: API_KEY, env: {} });
  try {
    // Warm-up: connection pool, JIT on both sides.
    for (let i = 0; i < 50; i++) await client.createConnection(createBody(-1 - i));
    const rows: ApiClientRow[] = [];
    for (const concurrency of CONCURRENCY) {
      const reset = await fetch(`${url}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!reset.ok) throw new Error(`resetting the emulator failed: ${reset.status}`);
      rows.push(await run(client, concurrency));
    }
    return rows;
  } finally {
    await client.close();
    child.kill();
  }
}
