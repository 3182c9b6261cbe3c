// The folder-level engine against the emulator over HTTP, with 1,000 files and 1,000 live connections: the plan (one
// list call) beside the naive plan (one GET per file), applying 1,000 creates at concurrency 1, 4 and 16, importing
// 1,000 connections into an empty folder, and the memory of a plan and of an import in a fresh process.
// The emulator runs in its own process. On loopback it answers at once, which hides what concurrency buys against
// a real API, so every timing is taken twice: with no added latency and with REALISTIC_LATENCY_MS added to each API
// request (the emulator's latencyMs fault); the targets are judged at the realistic latency.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PolytomicClient } from '../../core/src/api/client';
import { applyEdits, setIdEdits } from '../../core/src/connectionFile';
import { CreateKeys, type KeyMemento } from '../../core/src/createKeys';
import { applicableItems, applyPlan, planSummary, readConnectionFile, type PlanCounts } from '../../core/src/workspace';
import { findConnectionFiles } from '../../core/src/workspace/nodeFiles';
import { EmulatorProcess } from './emulatorProcess';
import { measureInterleaved, now, summarise, type Summary } from './stats';
import {
  applyDependencies,
  BENCH_API_KEY,
  benchClient,
  connectionFileText,
  fileName,
  importInto,
  MemoryFingerprints,
  naivePlan,
  planFolder,
  RequestCounter,
  secretValue,
  writeNewFolder,
  type Folder,
} from './workspaceDriver';
import type { MemoryWorkerOutput } from './workspaceMemoryWorker';

/** Added to every API request in the realistic rows: a round trip and the API's own work, at the low end of a real one. */
export const REALISTIC_LATENCY_MS = 50;
const LATENCIES = [0, REALISTIC_LATENCY_MS];
const FILES = 1000;
const CONCURRENCY = [1, 4, 16];
/** Of the plan's 1,000 files: every 10th (from the 2nd) differs from its connection, every 20th (from the 4th) is replaced by a new file. */
const isChanged = (i: number) => i % 10 === 1;
const isReplaced = (i: number) => i % 20 === 3;

export interface WorkspacePlanRow {
  latencyMs: number;
  ours: Summary;
  naive: Summary;
  /** HTTP requests of one plan each way. */
  oursRequests: number;
  naiveRequests: number;
}

export interface WorkspaceApplyRow {
  latencyMs: number;
  concurrency: number;
  /** Where the create keys were kept: the JSON key file (the driver's way), or memory (to show what the file costs). */
  keys: 'file' | 'memory';
  creates: number;
  ms: number;
  createsPerSecond: number;
  /** Each create call as the engine saw it (the client's request, retries included). */
  createLatency: Summary;
}

export interface WorkspaceImportRow {
  latencyMs: number;
  written: number;
  skipped: number;
  ms: Summary;
}

export interface WorkspaceMemory {
  runs: number;
  ms: number;
  baselineRssBytes: number;
  baselineHeapBytes: number;
  peakRssBytes: number;
  peakHeapBytes: number;
}

export interface WorkspaceResult {
  files: number;
  liveConnections: number;
  realisticLatencyMs: number;
  /** What our plan found in the folder (the naive plan is checked to find the same for the files). */
  planCounts: PlanCounts;
  plan: WorkspacePlanRow[];
  apply: WorkspaceApplyRow[];
  import: WorkspaceImportRow[];
  memory: { plan: WorkspaceMemory; import: WorkspaceMemory };
}

export async function benchWorkspace(log: (line: string) => void): Promise<WorkspaceResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'polytomic-bench-workspace-'));
  const emulator = await EmulatorProcess.start(BENCH_API_KEY);
  const counter = new RequestCounter();
  const client = benchClient(emulator.url, counter);
  try {
    // Apply first: its last run leaves the 1,000 connections and the files holding their ids that the plan starts from.
    const apply: WorkspaceApplyRow[] = [];
    let applied: { folder: Folder; fingerprints: MemoryFingerprints } | undefined;
    const runs = [
      ...CONCURRENCY.map((concurrency) => ({ latencyMs: 0, concurrency, keys: 'file' as const })),
      // At loopback with the keys in memory: what the key file's writes cost when the API answers at once.
      { latencyMs: 0, concurrency: 16, keys: 'memory' as const },
      ...CONCURRENCY.map((concurrency) => ({ latencyMs: REALISTIC_LATENCY_MS, concurrency, keys: 'file' as const })),
    ];
    for (const { latencyMs, concurrency, keys } of runs) {
      const run = await applyRun(client, emulator, path.join(root, 'apply'), latencyMs, concurrency, keys);
      apply.push(run.row);
      applied = run;
      log(`  apply, ${latencyMs} ms latency, concurrency ${concurrency}${keys === 'memory' ? ', keys in memory' : ''}: ${(run.row.ms / 1000).toFixed(1)} s (${run.row.createsPerSecond.toFixed(0)} creates/s)`);
    }
    const { folder, fingerprints } = applied!;
    const planCounts = await preparePlanFolder(client, folder, fingerprints);

    const plan: WorkspacePlanRow[] = [];
    for (const latencyMs of LATENCIES) {
      await emulator.setFaults({ latencyMs });
      const requests = async (work: () => Promise<unknown>) => {
        const before = counter.count;
        await work();
        return counter.count - before;
      };
      const oursRequests = await requests(() => planFolder(client, folder, fingerprints));
      const naiveRequests = await requests(() => naivePlan(client, folder, fingerprints));
      const runs = latencyMs === 0 ? 5 : 3;
      const [ours, naive] = await measureInterleaved([() => planFolder(client, folder, fingerprints), () => naivePlan(client, folder, fingerprints)], {
        warmup: 1,
        minRuns: runs,
        maxRuns: runs,
        budgetMs: 0,
      });
      plan.push({ latencyMs, ours, naive, oursRequests, naiveRequests });
      log(`  plan, ${latencyMs} ms latency: ours ${ours.median.toFixed(0)} ms (${oursRequests} requests), naive ${naive.median.toFixed(0)} ms (${naiveRequests} requests)`);
    }

    const imports: WorkspaceImportRow[] = [];
    let importDirs = 0;
    for (const latencyMs of LATENCIES) {
      await emulator.setFaults({ latencyMs });
      let outcome = { written: 0, skipped: 0 };
      const runs = latencyMs === 0 ? 5 : 3;
      const [ms] = await measureInterleaved(
        [
          async () => {
            const result = await importInto(client, path.join(root, `import-${importDirs++}`));
            outcome = { written: result.written.length, skipped: result.skipped.length };
          },
        ],
        { warmup: 1, minRuns: runs, maxRuns: runs, budgetMs: 0 },
      );
      if (outcome.written !== FILES) throw new Error(`the import wrote ${outcome.written} files of ${FILES} connections`);
      imports.push({ latencyMs, ...outcome, ms });
      log(`  import, ${latencyMs} ms latency: ${ms.median.toFixed(0)} ms`);
    }
    await emulator.setFaults({});
    for (let i = 0; i < importDirs; i++) rmSync(path.join(root, `import-${i}`), { recursive: true, force: true });

    const envFile = path.join(root, 'env.json');
    const fingerprintsFile = path.join(root, 'fingerprints.json');
    writeFileSync(envFile, JSON.stringify(folder.env));
    fingerprints.save(fingerprintsFile);
    const memory = {
      plan: memoryRuns(['plan', emulator.url, folder.dir, envFile, fingerprintsFile], (o) => o.update === planCounts.update && o.create === planCounts.create),
      import: memoryRuns(['import', emulator.url, () => path.join(root, `memory-import-${importDirs++}`)], (o) => o.written === FILES),
    };
    return { files: FILES, liveConnections: await emulator.connectionCount(), realisticLatencyMs: REALISTIC_LATENCY_MS, planCounts, plan, apply, import: imports, memory };
  } finally {
    await client.close();
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** 1,000 new files planned (not timed), then applied at one concurrency against an empty organisation. */
async function applyRun(client: PolytomicClient, emulator: EmulatorProcess, dir: string, latencyMs: number, concurrency: number, keys: 'file' | 'memory') {
  await emulator.reset();
  const folder = writeNewFolder(dir, FILES);
  const fingerprints = new MemoryFingerprints();
  const plan = await planFolder(client, folder, fingerprints);
  if (plan.counts.create !== FILES) throw new Error(`the plan of ${FILES} new files says ${planSummary(plan.counts)}`);
  const createMs: number[] = [];
  const deps = await applyDependencies(client, folder, fingerprints, (ms) => createMs.push(ms));
  if (keys === 'memory') deps.createKeys = new CreateKeys(memoryKeys(), async () => 'bench-digest-key');
  await emulator.setFaults({ latencyMs });
  const start = now();
  const results = await applyPlan(applicableItems(plan), deps, { concurrency });
  const ms = now() - start;
  await emulator.setFaults({});
  const failed = results.filter((r) => r.outcome !== 'done');
  if (failed.length > 0) throw new Error(`${failed.length} of ${FILES} creates did not go through, e.g. ${failed[0].label}: ${failed[0].reason}`);
  const ids = new Set((await findConnectionFiles([dir], dir)).map((f) => readConnectionFile(f).id).filter(Boolean));
  const live = await emulator.connectionCount();
  if (ids.size !== FILES || live !== FILES) throw new Error(`after the apply ${ids.size} files hold an id and the organisation has ${live} connections, of ${FILES}`);
  const row: WorkspaceApplyRow = { latencyMs, concurrency, keys, creates: FILES, ms, createsPerSecond: (FILES * 1000) / ms, createLatency: summarise(createMs) };
  return { row, folder, fingerprints };
}

/**
 * From 1,000 files that hold the ids of 1,000 connections: 100 changed (a non-secret field), 50 replaced by new
 * files without an id (their connections become unmanaged). Checks that both ways of planning find that mix.
 */
async function preparePlanFolder(client: PolytomicClient, folder: Folder, fingerprints: MemoryFingerprints): Promise<PlanCounts> {
  for (let i = 0; i < FILES; i++) {
    const file = path.join(folder.dir, fileName(i));
    if (isReplaced(i)) {
      unlinkSync(file);
      const added = FILES + i;
      writeFileSync(path.join(folder.dir, fileName(added)), connectionFileText(added));
      folder.env[`BENCH_${added}_SECRET`] = secretValue(added);
    } else if (isChanged(i)) {
      const id = readConnectionFile({ path: file, label: file, text: readFileSync(file, 'utf8') }).id!;
      const text = connectionFileText(i, { changed: true });
      writeFileSync(file, applyEdits(text, setIdEdits(text, id)));
    }
  }
  const replaced = Array.from({ length: FILES }, (_, i) => i).filter(isReplaced).length;
  const changed = Array.from({ length: FILES }, (_, i) => i).filter((i) => isChanged(i) && !isReplaced(i)).length;
  const expected = { create: replaced, update: changed, unchanged: FILES - replaced - changed };
  const ours = (await planFolder(client, folder, fingerprints)).counts;
  const naive = await naivePlan(client, folder, fingerprints);
  for (const [action, count] of Object.entries(expected) as [keyof typeof expected, number][]) {
    if (ours[action] !== count || naive[action] !== count) {
      throw new Error(`the plan folder should give ${count} ${action}; our plan says ${planSummary(ours)}, the naive one ${JSON.stringify(naive)}`);
    }
  }
  if (ours.unmanaged !== replaced) throw new Error(`our plan should show ${replaced} unmanaged connections: ${planSummary(ours)}`);
  return ours;
}

function memoryKeys(): KeyMemento {
  const values = new Map<string, unknown>();
  return { get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void (value === undefined ? values.delete(key) : values.set(key, value)) };
}

const MEMORY_RUNS = 3;

/** The worker in fresh processes; each figure is the median over the runs. A function argument is evaluated per run. */
function memoryRuns(args: (string | (() => string))[], check: (outcome: Record<string, number>) => boolean): WorkspaceMemory {
  const outputs: MemoryWorkerOutput[] = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    const argv = args.map((a) => (typeof a === 'function' ? a() : a));
    const result = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'workspaceMemoryWorker.js'), ...argv], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the workspace memory worker (${argv[0]}) failed: ${result.stderr}`);
    const output = JSON.parse(result.stdout) as MemoryWorkerOutput;
    if (!check(output.outcome)) throw new Error(`the workspace memory worker (${argv[0]}) did other work than measured: ${JSON.stringify(output.outcome)}`);
    outputs.push(output);
  }
  const median = (pick: (o: MemoryWorkerOutput) => number) => summarise(outputs.map(pick)).median;
  return {
    runs: outputs.length,
    ms: median((o) => o.ms),
    baselineRssBytes: median((o) => o.baselineRssBytes),
    baselineHeapBytes: median((o) => o.baselineHeapBytes),
    peakRssBytes: median((o) => o.peakRssBytes),
    peakHeapBytes: median((o) => o.peakHeapBytes),
  };
}
