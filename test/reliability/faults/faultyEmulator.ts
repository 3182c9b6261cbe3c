// The emulator of the fault-injection runs: it answers 5xx and drops connections (before and after commit), rate
// limits with Retry-After and sleeps past the client's timeout, keeps its state in a data file so it can restart on
// the same port, and comes with the API client the runs use (short timeout, fast retries, every log line kept).
import { PolytomicClient } from '../../../core/src/api/client';
import type { Connection } from '../../../core/src/api/types';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../../emulator/src/index';
import { plainRequest } from '../support/plainHttp';
import { FaultTally } from './faultTally';

export const SCENARIO_API_KEY = 'rel-key-7Qx9Lm2Vp4Rt8Zk1';

const FAULTS: FaultSpec = {
  errorRate: 0.12,
  errorStatuses: [500, 502, 503],
  afterCommitShare: 0.5,
  dropRate: 0.06,
  rateLimit: { every: 23, retryAfterSeconds: 1 },
};

const REQUEST_TIMEOUT_MS = 1000;

export interface FaultyEmulator {
  /** The emulator now running (a restart replaces it). */
  readonly emulator: RunningEmulator;
  readonly client: PolytomicClient;
  readonly tally: FaultTally;
  /** The client's request log, one line per attempt. */
  readonly logLines: string[];
  readonly restarts: number;
  /**
   * Closes the emulator (dropping what has not committed) and starts it again on the same port. It first waits for
   * spiked requests to end, unless `underLoad` (then `inFlight` says what the caller has in flight, for the output).
   */
  restart(output: (line: string) => void, options?: { underLoad?: boolean; inFlight?: string }): Promise<void>;
  /** Faults off: the connections as the API lists them, the raw listing, and the count a fresh emulator loads from the data file. */
  finish(): Promise<{ connections: Connection[]; emulatorListing: string; persistedConnections: number }>;
  close(): Promise<void>;
}

export async function startFaultyEmulator(options: { catalogDir: string; dataFile: string; seed: number }): Promise<FaultyEmulator> {
  const { catalogDir, dataFile, seed } = options;
  const tally = new FaultTally(seed, { share: 0.04, ms: REQUEST_TIMEOUT_MS + 300 });
  const logLines: string[] = [];
  const start = async (port: number): Promise<RunningEmulator> => {
    const emulator = await startEmulator({ apiKeys: [SCENARIO_API_KEY], catalogDir, dataFile, port });
    const answer = await plainRequest(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ ...FAULTS, seed }) });
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
  return {
    get emulator() {
      return emulator;
    },
    client,
    tally,
    logLines,
    get restarts() {
      return restarts;
    },
    async restart(output, options = {}) {
      if (!options.underLoad) await tally.quiet();
      const inFlight = options.inFlight ? `, ${options.inFlight}` : '';
      output(`restarting the emulator${options.underLoad ? ' under load' : ''} (${emulator.state.connections.size} connections so far${inFlight})`);
      await emulator.close();
      emulator = await start(port);
      restarts++;
    },
    async finish() {
      emulator.faults.clear();
      const connections = await client.listConnections();
      await tally.quiet();
      const emulatorListing = (await plainRequest(`${emulator.url}/api/connections`, { headers: { authorization: `Bearer ${SCENARIO_API_KEY}` } })).text;
      await emulator.close();
      const reloaded = await startEmulator({ apiKeys: [SCENARIO_API_KEY], catalogDir, dataFile, port: 0 });
      const persistedConnections = reloaded.state.connections.size;
      await reloaded.close();
      return { connections, emulatorListing, persistedConnections };
    },
    async close() {
      await client.close();
      await emulator.close().catch(() => undefined);
    },
  };
}
