// `npm run faults`: applies 500 connection files against the emulator under injected faults with emulator restarts,
// prints every failed attempt with its reason and the figures, and exits 1 unless there are exactly 500 connections,
// no duplicates, and every file holds its connection's id.
// Options: --files <n> (default 500), --seed <n> (default 13), --mode file|plan (default file).
//   file: each file created on its own, as Create Connection does, in passes; --restart between-halves|under-load.
//   plan: the folder-level engine: plan (one list call) and apply (concurrency 4), again until nothing is left to
//         create, with one restart under load and one between the first two rounds.
import { parseArgs } from 'node:util';
import { SHARED_CATALOG } from '../support/paths';
import { runFaultScenario } from './faultScenario';
import { runPlanFaultScenario } from './planScenario';
import { formatPlanScenario } from './printPlanScenario';
import { formatScenario } from './printScenario';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '500' },
      seed: { type: 'string', default: '13' },
      mode: { type: 'string', default: 'file' },
      restart: { type: 'string' },
    },
  });
  const files = Number(values.files);
  const seed = Number(values.seed);
  if (!Number.isInteger(files) || files < 2) throw new Error(`--files must be a whole number of at least 2, got "${values.files}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (values.mode !== 'file' && values.mode !== 'plan') throw new Error(`--mode must be file or plan, got "${values.mode}"`);
  const started = performance.now();
  const output = (line: string) => console.log(line);
  let ok: boolean;
  let duplicates: string[];
  if (values.mode === 'plan') {
    if (values.restart !== undefined) throw new Error('--restart is for --mode file; --mode plan restarts the emulator under load and between rounds');
    const report = await runPlanFaultScenario({ files, seed, catalogDir: SHARED_CATALOG, output });
    console.log(formatPlanScenario(report, (performance.now() - started) / 1000));
    duplicates = report.duplicates;
    ok =
      report.settled &&
      report.connections.length === files &&
      report.persistedConnections === files &&
      report.duplicates.length === 0 &&
      report.filesWithoutId.length === 0 &&
      report.filesWithWrongId.length === 0;
  } else {
    const restart = values.restart ?? 'between-halves';
    if (restart !== 'between-halves' && restart !== 'under-load') throw new Error('--restart must be between-halves or under-load');
    const report = await runFaultScenario({ files, seed, catalogDir: SHARED_CATALOG, restart: restart === 'under-load' ? 'under load' : 'between halves', output });
    console.log(formatScenario(report, (performance.now() - started) / 1000));
    duplicates = report.duplicates;
    ok =
      report.connections.length === files &&
      report.persistedConnections === files &&
      report.duplicates.length === 0 &&
      report.filesWithoutId.length === 0 &&
      report.filesWithUnknownId.length === 0;
  }
  if (duplicates.length > 0) console.log(`duplicated: ${duplicates.join(', ')}`);
  console.log(ok ? 'OK' : 'FAILED');
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`faults: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
