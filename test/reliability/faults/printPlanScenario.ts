// The figures of a `npm run faults -- --mode plan` run, as printed and in the test's diagnostics.
import type { PlanScenarioReport } from './planScenario';

export function formatPlanScenario(report: PlanScenarioReport, seconds: number): string {
  const f = report.faults;
  const failedRounds = new Set(report.failures.map((x) => x.round)).size;
  return [
    `${report.files} connection files planned and applied (engine, concurrency 4) in ${seconds.toFixed(1)} s: ${report.rounds} rounds of plan + apply, ${report.restarts} emulator restarts (one under load)`,
    `faults injected: ${report.faultsInjected} (5xx after commit ${f.errorsAfterCommit}, 5xx before commit ${f.errorsBeforeCommit}, ` +
      `dropped after commit ${f.dropsAfterCommit}, dropped before commit ${f.dropsBeforeCommit}, 429 with Retry-After ${f.rateLimited}, latency beyond the timeout ${f.latencySpikes})`,
    `creates attempted ${report.createsAttempted}, HTTP attempts ${report.httpAttempts}, items failed with a reason ${report.failures.length} (in ${failedRounds} rounds)`,
    `connections in the emulator ${report.connections.length} (after reloading its data file ${report.persistedConnections}), duplicates ${report.duplicates.length}`,
    `files holding their connection's id ${report.files - report.filesWithoutId.length - report.filesWithWrongId.length}, without an id ${report.filesWithoutId.length}, with a wrong id ${report.filesWithWrongId.length}`,
    `last plan with the faults off: ${Object.entries(report.finalPlan).filter(([, n]) => n > 0).map(([a, n]) => `${n} ${a}`).join(', ') || 'nothing'}`,
  ].join('\n');
}
