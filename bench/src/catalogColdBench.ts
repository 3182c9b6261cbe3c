// The catalog cold: fresh processes each load the server's modules and the 232 types and check one document per
// type, so every type is read, normalised and compiled on its first use (the server compiles lazily).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FolderCatalog } from '../../server/src/catalog/folderCatalog';
import { buildSkeleton } from '../../server/src/features/skeleton';
import { summarise, type Summary } from './stats';

export interface CatalogColdResult {
  types: number;
  processes: number;
  /** Reading the index and the first use of every type, per fresh process: the catalog's own cost. */
  catalog: Summary;
  /** The same with loading the server's modules first (everything from a fresh process). */
  total: Summary;
  modules: Summary;
  index: Summary;
  /** First use of one type (read, normalise, compile, validate): each type's median over the processes, summarised over the types. */
  firstUse: Summary;
  /** The first type checked in a process also pays for creating the Ajv instance and its formats. */
  firstTypeOfProcess: Summary;
  slowestTypes: { type: string; ms: number }[];
}

interface WorkerOutput {
  modulesMs: number;
  indexMs: number;
  perType: Record<string, number>;
  firstType: string;
  totalMs: number;
}

const PROCESSES = 5;

export function benchCatalogCold(catalog: FolderCatalog): CatalogColdResult {
  const folder = mkdtempSync(join(tmpdir(), 'polytomic-bench-'));
  try {
    const input = join(folder, 'documents.json');
    const documents = Object.fromEntries(catalog.listTypes().map((t) => [t.id, buildSkeleton(catalog, t.id)]));
    writeFileSync(input, JSON.stringify(documents));
    const outputs: WorkerOutput[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      const result = spawnSync(process.execPath, [join(__dirname, 'catalogColdWorker.js'), input], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`the catalog worker failed: ${result.stderr}`);
      outputs.push(JSON.parse(result.stdout) as WorkerOutput);
    }
    const firstOfProcess: number[] = [];
    const byType = new Map<string, number[]>();
    for (const output of outputs) {
      for (const [type, ms] of Object.entries(output.perType)) {
        if (type === output.firstType) {
          firstOfProcess.push(ms);
          continue;
        }
        byType.set(type, [...(byType.get(type) ?? []), ms]);
      }
    }
    const perTypeMedians = [...byType].map(([type, samples]) => ({ type, ms: summarise(samples).median })).sort((a, b) => b.ms - a.ms);
    return {
      types: Object.keys(documents).length,
      processes: PROCESSES,
      catalog: summarise(outputs.map((o) => o.indexMs + Object.values(o.perType).reduce((sum, ms) => sum + ms, 0))),
      total: summarise(outputs.map((o) => o.totalMs)),
      modules: summarise(outputs.map((o) => o.modulesMs)),
      index: summarise(outputs.map((o) => o.indexMs)),
      firstUse: summarise(perTypeMedians.map((t) => t.ms)),
      firstTypeOfProcess: summarise(firstOfProcess),
      slowestTypes: perTypeMedians.slice(0, 3),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
