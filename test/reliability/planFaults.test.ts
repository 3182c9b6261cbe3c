// The fixed-seed form of `npm run faults -- --mode plan`: 40 connection files planned and applied by the folder-level
// engine (concurrency 4) against the emulator under the runner's faults, with one restart while creates are in flight
// and one between rounds, plan and apply again until nothing is left to create.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runPlanFaultScenario, type PlanScenarioReport } from './faults/planScenario';
import { formatPlanScenario } from './faults/printPlanScenario';
import { SHARED_CATALOG } from './support/paths';
import { findSecrets } from './support/secretSearch';

const FILES = 40;

describe('40 files planned and applied by the engine under faults, with emulator restarts', () => {
  let report: PlanScenarioReport;

  before(async () => {
    const started = performance.now();
    report = await runPlanFaultScenario({ files: FILES, seed: 13, catalogDir: SHARED_CATALOG });
    console.log(formatPlanScenario(report, (performance.now() - started) / 1000));
  });

  test('faults were injected, also after commit, and the emulator restarted under load and between rounds', () => {
    assert.ok(report.faults.errorsAfterCommit + report.faults.dropsAfterCommit > 0, JSON.stringify(report.faults));
    assert.equal(report.restarts, 2);
    assert.ok(report.written.outputLines.some((l) => /^restarting the emulator under load \(\d+ connections so far, \d+ creates in flight\)$/.test(l)));
  });

  test('the rounds end with nothing left to create, and no duplicate connection by name', () => {
    assert.equal(report.settled, true, report.written.outputLines.join('\n'));
    assert.ok(report.rounds >= 2 && report.rounds <= 12);
    assert.deepEqual(report.duplicates, []);
    assert.equal(report.connections.length, FILES);
    assert.equal(report.persistedConnections, FILES);
  });

  test("every file holds an id, and each id is a live connection with the file's name", () => {
    assert.deepEqual(report.filesWithoutId, []);
    assert.deepEqual(report.filesWithWrongId, []);
    const { create, update, stale, duplicate, blocked } = report.finalPlan;
    assert.deepEqual({ create, update, stale, duplicate, blocked }, { create: 0, update: 0, stale: 0, duplicate: 0, blocked: 0 });
  });

  test('every failed item was written to the output with its reason, and nothing written holds a secret', () => {
    for (const failure of report.failures) {
      assert.match(failure.reason, /\S{10,}/);
      assert.ok(report.written.outputLines.some((l) => l.includes(`${failure.file} ${failure.outcome}: ${failure.reason}`)), `no output line for ${failure.file} in round ${failure.round}`);
    }
    assert.ok(report.secrets.length >= 20);
    const haystacks = [
      ...report.written.logLines.map((text, i) => ({ where: `request log line ${i + 1}`, text })),
      ...report.written.outputLines.map((text, i) => ({ where: `output line ${i + 1}`, text })),
      ...report.written.fileTexts.map((text, i) => ({ where: `connection file ${i + 1}`, text })),
    ];
    assert.deepEqual(findSecrets([report.apiKey, ...report.secrets], haystacks), []);
  });
});
