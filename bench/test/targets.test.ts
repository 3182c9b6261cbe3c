import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from '../src/stats';
import { checkTargets } from '../src/targets';
import type { Results } from '../src/results';
import type { ValidationRow } from '../src/validationBench';

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
});
