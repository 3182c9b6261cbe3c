// `npm run faults`: applies 500 connection files against the emulator under injected faults with one restart midway,
// prints every failed attempt with its reason and the figures, and exits 1 unless there are exactly 500 connections,
// no duplicates, and every file holds its connection's id.
// Options: --files <n> (default 500), --seed <n> (default 13), --restart between-halves|under-load.
import { parseArgs } from 'node:util';
import { SHARED_CATALOG } from '../support/paths';
import { runFaultScenario } from './faultScenario';
import { formatScenario } from './printScenario';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '500' },
      seed: { type: 'string', default: '13' },
      restart: { type: 'string', default: 'between-halves' },
    },
  });
  const files = Number(values.files);
  const seed = Number(values.seed);
  if (!Number.isInteger(files) || files < 2) throw new Error(`--files must be a whole number of at least 2, got "${values.files}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  if (values.restart !== 'between-halves' && values.restart !== 'under-load') throw new Error('--restart must be between-halves or under-load');
  const started = performance.now();
  const report = await runFaultScenario({
    files,
    seed,
    catalogDir: SHARED_CATALOG,
    restart: values.restart === 'under-load' ? 'under load' : 'between halves',
    output: (line) => console.log(line),
  });
  console.log(formatScenario(report, (performance.now() - started) / 1000));
  const ok =
    report.connections.length === files &&
    report.persistedConnections === files &&
    report.duplicates.length === 0 &&
    report.filesWithoutId.length === 0 &&
    report.filesWithUnknownId.length === 0;
  if (report.duplicates.length > 0) console.log(`duplicated: ${report.duplicates.join(', ')}`);
  console.log(ok ? 'OK' : 'FAILED');
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`faults: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
