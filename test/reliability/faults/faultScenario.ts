// The fault-injection apply run: N connection files applied against the emulator while it answers 5xx after commit,
// drops connections after commit, rate limits with Retry-After and sleeps past the client's timeout, with one restart
// of the emulator midway (state kept in its --data file). Returns the figures and everything that was written or
// logged, so the tests can check the outcome and search it for secrets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../../core/src/api/types';
import { parseConnectionText, fileConnectionId } from '../../../core/src/connectionFile';
import { applyAll, type ApplyAllResult } from './applyAll';
import type { FaultCounts } from './faultTally';
import { generateWorkspace } from './connectionFiles';
import { SCENARIO_API_KEY, startFaultyEmulator } from './faultyEmulator';

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

export async function runFaultScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'polytomic-faults-'));
  const dataFile = join(workDir, 'emulator-state.json');
  const workspace = generateWorkspace({ dir: join(workDir, 'workspace'), count: options.files, seed: options.seed, catalogDir: options.catalogDir });
  const outputLines: string[] = [];
  const output = (line: string) => {
    outputLines.push(line);
    options.output?.(line);
  };
  const secrets = new Set<string>();

  const faulty = await startFaultyEmulator({ catalogDir: options.catalogDir, dataFile, seed: options.seed });
  const { client, tally, logLines } = faulty;
  const restart = () => faulty.restart(output);
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
    const { connections, emulatorListing, persistedConnections } = await faulty.finish();

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
      restarts: faulty.restarts,
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
    await faulty.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
