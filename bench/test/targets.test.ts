import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from '../src/stats';
import { checkTargets } from '../src/targets';
import type { Results } from '../src/results';
import type { ValidationRow } from '../src/validationBench';
import type { WorkspaceApplyRow, WorkspaceResult } from '../src/workspaceBench';

const flat = (ms: number) => summarise([ms]);

function row(bytes: number, parse: number, ours: number, reference: number): ValidationRow {
  return { key: `k${bytes}`, label: `doc ${bytes}`, bytes, nominalBytes: bytes, parse: flat(parse), ours: flat(ours), reference: flat(reference), oursFound: 0, referenceFound: 0, plantedErrors: 0 };
}

function results(validation: ValidationRow[]): Results {
  return {
    machine: { cpu: 'test', cores: 2, memoryBytes: 1, node: 'v20', os: 'test', date: '2026-11-24', loadAverage: { start: 0 } },
    skipped: {},
    validation,
    debounceMs: 175,
    targets: [],
  };
}

describe('checkTargets', () => {
  test('validation targets judge only documents of 100 KB and more, by their worst case', () => {
    const checks = checkTargets(results([row(1_000, 0.01, 1, 0.5), row(100_000, 1, 2, 8), row(1_000_000, 10, 20, 70)]));
    const speed = checks.find((c) => c.name.startsWith('Validation vs vscode'))!;
    assert.equal(speed.met, true); // worst is 3.5x (1 MB); the 1 KB document, slower than the reference, is not judged
    assert.match(speed.measured, /3\.5× faster at worst \(doc 1000000\)/);
    const parse = checks.find((c) => c.name.startsWith('Validation vs the bare'))!;
    assert.equal(parse.met, true); // worst 2x the parse
  });

  test('a "100 KB" document a few bytes short of 100,000 is judged by the size it was generated for', () => {
    const short = { ...row(99_910, 1, 3, 6), nominalBytes: 100_000 };
    assert.equal(checkTargets(results([short])).find((c) => c.name.startsWith('Validation vs vscode'))!.met, false);
  });

  test('a validation slower than 3x the reference or above 2.5x the parse is a miss', () => {
    const checks = checkTargets(results([row(100_000, 1, 3, 6)]));
    assert.equal(checks.find((c) => c.name.startsWith('Validation vs vscode'))!.met, false);
    assert.equal(checks.find((c) => c.name.startsWith('Validation vs the bare'))!.met, false);
  });

  test('sections not measured produce no check', () => {
    assert.equal(checkTargets(results([])).length, 0);
  });

  test('the workspace targets are judged at the realistic latency, not at loopback', () => {
    const apply = (latencyMs: number, concurrency: number, ms: number, keys: 'file' | 'memory' = 'file'): WorkspaceApplyRow => ({ latencyMs, concurrency, keys, creates: 1000, ms, createsPerSecond: 1e6 / ms, createLatency: flat(1) });
    const workspace: WorkspaceResult = {
      files: 1000,
      liveConnections: 1000,
      realisticLatencyMs: 50,
      planCounts: { create: 50, update: 100, unchanged: 850, blocked: 0, stale: 0, duplicate: 0, unmanaged: 50 },
      plan: [
        { latencyMs: 0, ours: flat(100), naive: flat(150), oursRequests: 1, naiveRequests: 950 },
        { latencyMs: 50, ours: flat(3200), naive: flat(6000), oursRequests: 1, naiveRequests: 950 },
      ],
      // At loopback concurrency 4 is only 1.5x; with the latency 3.9x. The in-memory row must not count as concurrency 4.
      apply: [apply(0, 1, 3000), apply(0, 4, 2000), apply(0, 4, 100, 'memory'), apply(50, 1, 54_000), apply(50, 4, 13_800)],
      import: [{ latencyMs: 0, written: 1000, skipped: 0, ms: flat(6000) }, { latencyMs: 50, written: 1000, skipped: 0, ms: flat(4000) }],
      memory: { plan: { runs: 1, ms: 1, baselineRssBytes: 1, baselineHeapBytes: 1, peakRssBytes: 1, peakHeapBytes: 1 }, import: { runs: 1, ms: 1, baselineRssBytes: 1, baselineHeapBytes: 1, peakRssBytes: 1, peakHeapBytes: 1 } },
    };
    const checks = checkTargets({ ...results([]), workspace });
    const named = (start: string) => checks.find((c) => c.name.startsWith(start))!;
    assert.equal(named('Plan of 1,000 files').met, false, '3.2 s at 50 ms misses, although loopback takes 0.1 s');
    assert.match(named('Plan of 1,000 files').name, /50 ms added to each API request/);
    assert.equal(named('Apply of 1,000 creates').met, true);
    assert.match(named('Apply of 1,000 creates').measured, /^3\.9×/);
    assert.equal(named('Import of 1,000').met, true, '4 s at 50 ms meets, although loopback took 6 s in this made-up run');
  });
});
