// The fixed-seed form of `npm run faults`: 60 connection files applied against the emulator while it answers 5xx
// and drops connections after commit, rate limits with Retry-After and sleeps past the client's timeout, with one
// restart of the emulator midway (state kept in its data file).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { runFaultScenario, type ScenarioReport } from './faults/faultScenario';
import { formatScenario } from './faults/printScenario';
import { SHARED_CATALOG } from './support/paths';

const FILES = 60;

describe('60 connection files applied under faults with an emulator restart midway', () => {
  let report: ScenarioReport;

  before(async () => {
    const started = performance.now();
    report = await runFaultScenario({ files: FILES, seed: 13, catalogDir: SHARED_CATALOG, restart: 'between halves' });
    console.log(formatScenario(report, (performance.now() - started) / 1000));
  });

  test('every kind of fault was injected and the emulator restarted once', () => {
    for (const [kind, count] of Object.entries(report.faults)) assert.ok(count > 0, `no ${kind} was injected`);
    assert.equal(report.restarts, 1);
  });

  test('exactly one connection per file, no duplicates, and the data file kept them all', () => {
    assert.equal(report.connections.length, FILES);
    assert.deepEqual(report.duplicates, []);
    assert.equal(report.persistedConnections, FILES);
  });

  test('every file holds the id of its own connection', () => {
    assert.deepEqual(report.filesWithoutId, []);
    assert.deepEqual(report.filesWithUnknownId, []);
  });

  test('every failed attempt was written to the output with its reason', () => {
    assert.ok(report.failures.length > 0, 'the faults made some attempts fail');
    for (const failure of report.failures) {
      assert.match(failure.reason, /\S{10,}/);
      assert.ok(
        report.written.outputLines.some((line) => line.includes(`${basename(failure.file)} failed: ${failure.reason}`)),
        `no output line for ${basename(failure.file)} in pass ${failure.pass}`,
      );
    }
  });
});

// The emulator keeps its recorded idempotency keys in the data file, and close() drops what has not committed.
test('a restart while creates are in flight makes no duplicate', async () => {
  const underLoad = await runFaultScenario({ files: 40, seed: 13, catalogDir: SHARED_CATALOG, restart: 'under load' });
  assert.equal(underLoad.restarts, 1);
  assert.deepEqual(underLoad.duplicates, []);
  assert.equal(underLoad.connections.length, 40);
});
