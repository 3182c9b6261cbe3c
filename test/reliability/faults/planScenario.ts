// The fault-injection run of the folder-level engine (`npm run faults -- --mode plan`): N connection files planned
// (core/src/workspace buildPlan, one list call) and applied (applyPlan, concurrency 4, create keys in a JSON file,
// ids written back) against the emulator under the runner's faults, with one restart while creates are in flight
// and one between the first two rounds. Plan and apply run again, round after round, until the plan has nothing
// left to create (or the rounds run out). Then, with the faults off: the connections by name, the ids in the files,
// and a last plan.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../../core/src/api/types';
import { CreateKeys } from '../../../core/src/createKeys';
import { describeMissing, type PlaceholderSources } from '../../../core/src/placeholders';
import type { FingerprintStorage } from '../../../core/src/secretFingerprints';
import {
  applicableItems,
  applyPlan,
  applySummary,
  buildPlan,
  planSummary,
  readConnectionFile,
  type ApplyDependencies,
  type FileProblem,
  type Plan,
  type PlanCounts,
  type PlanDependencies,
  type WorkspaceFile,
} from '../../../core/src/workspace';
import { JsonFileMemento } from '../../../core/src/workspace/keyFile';
import { findConnectionFiles, readTextIfPresent, writeIdToFile } from '../../../core/src/workspace/nodeFiles';
import { standaloneFileDiagnostics } from '../../../server/src/fileValidation';
import { generateWorkspace } from './connectionFiles';
import type { FaultCounts } from './faultTally';
import { SCENARIO_API_KEY, startFaultyEmulator, type FaultyEmulator } from './faultyEmulator';

export interface PlanScenarioOptions {
  files: number;
  seed: number;
  catalogDir: string;
  output?: (line: string) => void;
  concurrency?: number;
  maxRounds?: number;
}

export interface PlanScenarioReport {
  files: number;
  rounds: number;
  /** Whether the last plan under faults had nothing left to create. */
  settled: boolean;
  restarts: number;
  faults: FaultCounts;
  faultsInjected: number;
  /** Create calls the engine made (each may be several HTTP attempts). */
  createsAttempted: number;
  httpAttempts: number;
  /** Items that failed in a round, with the engine's reason (they are planned again in the next round). */
  failures: Array<{ round: number; file: string; outcome: 'failed' | 'skipped'; reason: string }>;
  connections: Connection[];
  persistedConnections: number;
  duplicates: string[];
  filesWithoutId: string[];
  /** Files whose id is no live connection, or one of another name. */
  filesWithWrongId: string[];
  /** The plan once the faults are off: nothing to create, nothing stale or duplicate. */
  finalPlan: PlanCounts;
  /** The items of that plan other than unchanged and unmanaged, each with the plan's reason or changes. */
  stillDiffering: string[];
  written: { logLines: string[]; outputLines: string[]; fileTexts: string[] };
  secrets: string[];
  apiKey: string;
}

const APPLY_CONCURRENCY = 4;
const MAX_ROUNDS = 12;

export async function runPlanFaultScenario(options: PlanScenarioOptions): Promise<PlanScenarioReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'polytomic-plan-faults-'));
  const dataFile = join(workDir, 'emulator-state.json');
  const dir = join(workDir, 'workspace');
  const workspace = generateWorkspace({ dir, count: options.files, seed: options.seed, catalogDir: options.catalogDir });
  const outputLines: string[] = [];
  const output = (line: string) => {
    outputLines.push(line);
    options.output?.(line);
  };
  const secrets = new Set<string>();
  const faulty = await startFaultyEmulator({ catalogDir: options.catalogDir, dataFile, seed: options.seed });
  try {
    const sources: PlaceholderSources = { env: (name) => workspace.env[name], secret: async () => undefined };
    const fingerprints = memoryFingerprints();
    const planDeps = planDependencies(faulty, options.catalogDir, sources, fingerprints, secrets);
    let createsAttempted = 0;
    let inFlight = 0;
    const applyDeps: ApplyDependencies = {
      ...(await applyDependencies(faulty, dir, options.catalogDir, sources, fingerprints, secrets)),
      createConnection: async (body, opts) => {
        createsAttempted++;
        inFlight++;
        try {
          return await faulty.client.createConnection(body, opts);
        } finally {
          inFlight--;
        }
      },
    };
    const failures: PlanScenarioReport['failures'] = [];
    const maxRounds = options.maxRounds ?? MAX_ROUNDS;
    let round = 0;
    let settled = false;
    while (round < maxRounds) {
      // Like a person running it again: not at once (a create may still be running in the API: 409).
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(3000, 400 * round)));
      round++;
      const plan = await planUnderFaults(faulty, dir, planDeps, round, output);
      if (!plan) continue;
      output(`round ${round}: plan: ${planSummary(plan.counts)}`);
      if (plan.counts.create === 0) {
        settled = true;
        break;
      }
      const items = applicableItems(plan);
      // The first round restarts the emulator when half of its items have an outcome, while the others are in flight.
      let restarting: Promise<void> | undefined;
      const onProgress =
        round === 1
          ? (p: { done: number; failed: number; skipped: number; total: number }) => {
              if (!restarting && p.done + p.failed + p.skipped >= Math.floor(p.total / 2)) {
                restarting = faulty.restart(output, { underLoad: true, inFlight: `${inFlight} creates in flight` });
              }
            }
          : undefined;
      const results = await applyPlan(items, applyDeps, { concurrency: options.concurrency ?? APPLY_CONCURRENCY, onProgress });
      await restarting;
      for (const r of results) {
        if (r.outcome === 'done') continue;
        failures.push({ round, file: r.label ?? r.key, outcome: r.outcome, reason: r.reason ?? '' });
        output(`round ${round}: ${r.label} ${r.outcome}: ${r.reason}`);
      }
      output(`round ${round}: apply: ${applySummary(results)}`);
      if (round === 1) await faulty.restart(output);
    }
    if (!settled) output(`the plan still had creates after ${round} rounds`);

    faulty.emulator.faults.clear();
    await faulty.tally.quiet();
    const finalPlan = await buildPlan(await findConnectionFiles([dir], dir), await faulty.client.listConnections(), planDeps);
    output(`with the faults off: ${planSummary(finalPlan.counts)}`);
    // What still differs after every create went through: the plan's own words for each file.
    const stillDiffering = finalPlan.items
      .filter((i) => i.action !== 'unchanged' && i.action !== 'unmanaged')
      .map((i) => `${i.file?.label ?? i.key} (${i.type ?? '?'}) ${i.action}: ${i.reason ?? i.changes.map((c) => `${c.path} ${c.note}`).join('; ')}`);
    for (const line of stillDiffering) output(`  ${line}`);
    const { connections, persistedConnections } = await faulty.finish();

    const byName = new Map<string, number>();
    for (const c of connections) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
    const live = new Map(connections.map((c) => [c.id, c]));
    const fileTexts = workspace.files.map((f) => readFileSync(f, 'utf8'));
    const filesWithoutId: string[] = [];
    const filesWithWrongId: string[] = [];
    workspace.files.forEach((file, i) => {
      const read = readConnectionFile({ path: file, label: file, text: fileTexts[i] });
      if (!read.id) filesWithoutId.push(file);
      else if (live.get(read.id)?.name !== read.value?.name) filesWithWrongId.push(file);
    });
    return {
      files: workspace.files.length,
      rounds: round,
      settled,
      restarts: faulty.restarts,
      faults: { ...faulty.tally.counts },
      faultsInjected: faulty.tally.total,
      createsAttempted,
      httpAttempts: faulty.logLines.filter((l) => / -> /.test(l)).length,
      failures,
      connections,
      persistedConnections,
      duplicates: [...byName].filter(([, n]) => n > 1).map(([name]) => name),
      filesWithoutId,
      filesWithWrongId,
      finalPlan: finalPlan.counts,
      stillDiffering,
      written: { logLines: faulty.logLines, outputLines, fileTexts },
      secrets: [...new Set([...secrets, ...Object.values(workspace.env)])],
      apiKey: SCENARIO_API_KEY,
    };
  } finally {
    await faulty.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The folder's files and one list call; a list that fails even after the client's retries ends the round. */
async function planUnderFaults(faulty: FaultyEmulator, dir: string, deps: PlanDependencies, round: number, output: (line: string) => void): Promise<Plan | undefined> {
  try {
    return await buildPlan(await findConnectionFiles([dir], dir), await faulty.client.listConnections(), deps);
  } catch (error) {
    output(`round ${round}: the plan failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function memoryFingerprints(): FingerprintStorage {
  const stored = new Map<string, Record<string, string>>();
  return {
    key: async () => 'faults-fingerprint-key',
    read: async (scope) => stored.get(scope),
    write: async (scope, value) => void (value ? stored.set(scope, value) : stored.delete(scope)),
  };
}

function catalogSchemas(catalogDir: string): (typeId: string) => Promise<Record<string, unknown> | undefined> {
  const cache = new Map<string, Record<string, unknown> | undefined>();
  return async (typeId) => {
    if (!cache.has(typeId)) {
      const text = await readTextIfPresent(join(catalogDir, `${typeId}.json`));
      cache.set(typeId, text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>));
    }
    return cache.get(typeId);
  };
}

function planDependencies(faulty: FaultyEmulator, catalogDir: string, sources: PlaceholderSources, fingerprints: FingerprintStorage, secrets: Set<string>): PlanDependencies {
  const checker = standaloneFileDiagnostics({ catalogDirs: [catalogDir] });
  const validate = async (file: WorkspaceFile): Promise<FileProblem[]> =>
    (await checker.check(`file://${file.path}`, file.text))
      .filter((d) => d.severity === 1)
      .map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === 'string' ? d.message : d.message.value }));
  return {
    profileName: 'reliability',
    schemaFor: catalogSchemas(catalogDir),
    validate,
    sources,
    fingerprints,
    getConnection: (id, signal) => faulty.client.getConnection(id, signal),
    onResolvedValues: (values) => values.forEach((v) => secrets.add(v)),
  };
}

async function applyDependencies(
  faulty: FaultyEmulator,
  dir: string,
  catalogDir: string,
  sources: PlaceholderSources,
  fingerprints: FingerprintStorage,
  secrets: Set<string>,
): Promise<ApplyDependencies> {
  return {
    profileName: 'reliability',
    createConnection: (body, opts) => faulty.client.createConnection(body, opts),
    updateConnection: (id, body, signal) => faulty.client.updateConnection(id, body, signal),
    createKeys: new CreateKeys(await JsonFileMemento.open(join(dir, '.polytomic', 'create-keys.json')), async () => 'faults-digest-key'),
    sources,
    fingerprints,
    schemaFor: catalogSchemas(catalogDir),
    readText: (file) => readTextIfPresent(file.path),
    writeId: writeIdToFile,
    validateDefault: false,
    onResolvedValues: (values) => values.forEach((v) => secrets.add(v)),
    describeMissing,
  };
}
