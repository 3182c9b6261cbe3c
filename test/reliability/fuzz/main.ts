// `npm run fuzz`: the full language-server fuzz run. Exits 1 when anything was found (including answers over 1 s).
// Options: --seed <n> (default 20261124), --documents <n> (default 10000), --edits <n> (default 5000),
// --giants <n> (documents nested 100,000 deep, and as many with a 10 MB string; default 10).
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { REPO_ROOT, SHARED_CATALOG } from '../support/paths';
import { runFuzz } from './fuzzer';
import { formatReport } from './printReport';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '20261124' },
      documents: { type: 'string', default: '10000' },
      edits: { type: 'string', default: '5000' },
      giants: { type: 'string', default: '10' },
    },
  });
  const number = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
    return value;
  };
  const saveDir = join(REPO_ROOT, 'out', 'fuzz-findings');
  const started = performance.now();
  console.log(`fuzzing dist/server.js with the ${SHARED_CATALOG} catalog`);
  const report = await runFuzz({
    seed: number('seed', values.seed!),
    documents: number('documents', values.documents!),
    edits: number('edits', values.edits!),
    giants: number('giants', values.giants!),
    slowMs: 1000,
    giveUpMs: 15_000,
    catalogDir: SHARED_CATALOG,
    formatNested: true,
    saveDir,
    progress: (line) => console.log(`  ... ${line}`),
  });
  console.log(formatReport(report, (performance.now() - started) / 1000));
  if (report.findings.length > 0) {
    console.log(`documents that produced findings are saved in ${saveDir}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
