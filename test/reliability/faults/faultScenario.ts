// The fault-injection apply run: N connection files applied against the emulator while it answers 5xx after commit,
// drops connections after commit, rate limits with Retry-After and sleeps past the client's timeout, with one restart
// of the emulator midway (state kept in its --data file). Returns the figures and everything that was written or
// logged, so the tests can check the outcome and search it for secrets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolytomicClient } from '../../../core/src/api/client';
import type { Connection } from '../../../core/src/api/types';
import { parseConnectionText, fileConnectionId } from '../../../core/src/connectionFile';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../../emulator/src/index';
import { applyAll, type ApplyAllResult } from './applyAll';
import { FaultTally, type FaultCounts } from './faultTally';
import { generateWorkspace } from './connectionFiles';
import { plainRequest } from '../support/plainHttp';

export const SCENARIO_API_KEY = 'rel-key-7Qx9Lm2Vp4Rt8Zk1';

export interface ScenarioOptions {
  files: number;
  seed: number;
  catalogDir: string;
  /**
   * 'between halves': the first half of the files is applied to the end (retries included), the emulator restarts,
   * then the second half; 'under load': the restart happens while creates (and their retries) are in flight.
   */
  restart: 'between halves' | 'under load';
  output?: (line: string) => void;
  concurrency?: number;
}

export interface ScenarioReport {
  files: number;
  createsAttempted: number;
  httpAttempts: number;
  faults: FaultCounts;
  faultsInjected: number;
  restarts: number;
  passes: number;
  /** Failures (per pass) with their reasons, as printed. */
  failures: Array<{ pass: number; file: string; reason: string }>;
  connections: Connection[];
  /** Connections after a fresh emulator loaded the data file. */
  persistedConnections: number;
  duplicates: string[];
  filesWithoutId: string[];
  filesWithUnknownId: string[];
  /** Texts the extension side wrote or showed: request log lines, output lines, final file texts. */
  written: { logLines: string[]; outputLines: string[]; fileTexts: string[] };
  secrets: string[];
  apiKey: string;
  /** The emulator's answers (masked) to a listing of all connections, as raw text. */
  emulatorListing: string;
  /** The emulator's data file: the API side, where the secrets are stored unmasked (a control for the searches). */
  dataFileText: string;
}

const FAULTS: FaultSpec = {
  errorRate: 0.12,
  errorStatuses: [500, 502, 503],
  afterCommitShare: 0.5,
  dropRate: 0.06,
  rateLimit: { every: 23, retryAfterSeconds: 1 },
};

const REQUEST_TIMEOUT_MS = 1000;

export async function runFaultScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'polytomic-faults-'));
  const dataFile = join(workDir, 'emulator-state.json');
  const workspace = generateWorkspace({ dir: join(workDir, 'workspace'), count: options.files, seed: options.seed, catalogDir: options.catalogDir });
  const tally = new FaultTally(options.seed, { share: 0.04, ms: REQUEST_TIMEOUT_MS + 300 });
  const outputLines: string[] = [];
  const logLines: string[] = [];
  const output = (line: string) => {
    outputLines.push(line);
    options.output?.(line);
  };
  const secrets = new Set<string>();

  const start = async (port: number): Promise<RunningEmulator> => {
    const emulator = await startEmulator({ apiKeys: [SCENARIO_API_KEY], catalogDir: options.catalogDir, dataFile, port });
    const answer = await plainRequest(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ ...FAULTS, seed: options.seed }) });
    if (answer.status !== 200) throw new Error(`setting the faults failed: ${answer.status} ${answer.text}`);
    tally.watch(emulator.faults);
    return emulator;
  };

  let emulator = await start(0);
  const port = emulator.port;
  const client = new PolytomicClient({
    profile: { name: 'reliability', baseUrl: emulator.url, keyKind: 'user', apiVersion: '2025-09-18' },
    apiKey: SCENARIO_API_KEY,
    log: { info: (l) => logLines.push(l), warn: (l) => logLines.push(l), error: (l) => logLines.push(l) },
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  let restarts = 0;
  const restart = async () => {
    await tally.quiet();
    output(`restarting the emulator (${emulator.state.connections.size} connections so far)`);
    await emulator.close();
    emulator = await start(port);
    restarts++;
  };
  try {
    const context = { client, env: workspace.env, onSecrets: (values: string[]) => values.forEach((v) => secrets.add(v)) };
    const settings = { concurrency: options.concurrency ?? 8, maxPasses: 12, output };
    const half = Math.floor(workspace.files.length / 2);
    const runs =
      options.restart === 'under load'
        ? [await applyAll(workspace.files, context, { ...settings, midway: restart })]
        : [await applyAll(workspace.files.slice(0, half), context, settings), await restart(), await applyAll(workspace.files.slice(half), context, settings)];
    const results = runs.filter((r): r is ApplyAllResult => r !== undefined);
    const result = {
      createsAttempted: results.reduce((sum, r) => sum + r.createsAttempted, 0),
      failures: results.flatMap((r) => r.failures),
      passes: Math.max(...results.map((r) => r.passes)),
    };
    emulator.faults.clear();
    const connections = await client.listConnections();
    await tally.quiet();
    const emulatorListing = (await plainRequest(`${emulator.url}/api/connections`, { headers: { authorization: `Bearer ${SCENARIO_API_KEY}` } })).text;
    await emulator.close();
    const reloaded = await startEmulator({ apiKeys: [SCENARIO_API_KEY], catalogDir: options.catalogDir, dataFile, port: 0 });
    const persistedConnections = reloaded.state.connections.size;
    await reloaded.close();

    const byName = new Map<string, number>();
    for (const c of connections) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
    const ids = new Map(connections.map((c) => [c.id, c]));
    const fileTexts = workspace.files.map((f) => readFileSync(f, 'utf8'));
    const filesWithoutId: string[] = [];
    const filesWithUnknownId: string[] = [];
    workspace.files.forEach((file, i) => {
      const parsed = parseConnectionText(fileTexts[i]).value;
      const id = fileConnectionId(parsed);
      if (!id) filesWithoutId.push(file);
      else if (ids.get(id)?.name !== parsed?.name) filesWithUnknownId.push(file);
    });
    return {
      files: workspace.files.length,
      createsAttempted: result.createsAttempted,
      httpAttempts: logLines.filter((l) => / -> /.test(l)).length,
      faults: { ...tally.counts },
      faultsInjected: tally.total,
      restarts,
      passes: result.passes,
      failures: result.failures,
      connections,
      persistedConnections,
      duplicates: [...byName].filter(([, n]) => n > 1).map(([name]) => name),
      filesWithoutId,
      filesWithUnknownId,
      written: { logLines, outputLines, fileTexts },
      secrets: [...secrets],
      apiKey: SCENARIO_API_KEY,
      emulatorListing,
      dataFileText: readFileSync(dataFile, 'utf8'),
    };
  } finally {
    await client.close();
    await emulator.close().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}
