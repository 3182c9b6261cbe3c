// Run in a fresh Node process (with --expose-gc) by workspaceBench.ts: one plan of a folder, or one import into an
// empty folder, against the emulator, as a command-line run does it. Prints one JSON line: the process's resident
// size and heap before the work (modules loaded, after a collection) and at their peak, and how long the work took.
// Arguments: plan <url> <folder> <env.json> <fingerprints.json> | import <url> <empty folder>.
import { readFileSync } from 'node:fs';
import { benchClient, importInto, MemoryFingerprints, planFolder } from './workspaceDriver';

export interface MemoryWorkerOutput {
  ms: number;
  baselineRssBytes: number;
  baselineHeapBytes: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  /** What the work produced, to check it did what was measured: plan counts, or files written. */
  outcome: Record<string, number>;
}

async function main(): Promise<void> {
  const [mode, url, dir, envFile, fingerprintsFile] = process.argv.slice(2);
  const client = benchClient(url);
  const fingerprints = mode === 'plan' ? MemoryFingerprints.load(fingerprintsFile) : undefined;
  const env = mode === 'plan' ? (JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>) : {};
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  // The heap is sampled while the work yields (it awaits files and answers often); the resident peak is the kernel's.
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 2);
  const start = performance.now();
  let outcome: Record<string, number>;
  if (mode === 'plan') outcome = { ...(await planFolder(client, { dir, env }, fingerprints!)).counts };
  else if (mode === 'import') {
    const result = await importInto(client, dir);
    outcome = { written: result.written.length, skipped: result.skipped.length };
  } else throw new Error(`unknown mode "${mode}": plan or import`);
  const ms = performance.now() - start;
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const output: MemoryWorkerOutput = {
    ms,
    baselineRssBytes: baseline.rss,
    baselineHeapBytes: baseline.heapUsed,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapBytes: peakHeap,
    outcome,
  };
  await client.close();
  process.stdout.write(JSON.stringify(output) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
