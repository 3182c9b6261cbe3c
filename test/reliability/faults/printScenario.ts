// The figures of a fault-injection apply run, as printed by `npm run faults` and in the test's diagnostics.
import type { ScenarioReport } from './faultScenario';

export function formatScenario(report: ScenarioReport, seconds: number): string {
  const f = report.faults;
  const finallyFailed = report.filesWithoutId.length;
  return [
    `${report.files} connection files applied in ${seconds.toFixed(1)} s (${report.passes} passes at most, ${report.restarts} emulator restart)`,
    `faults injected: ${report.faultsInjected} (5xx after commit ${f.errorsAfterCommit}, 5xx before commit ${f.errorsBeforeCommit}, ` +
      `dropped after commit ${f.dropsAfterCommit}, dropped before commit ${f.dropsBeforeCommit}, 429 with Retry-After ${f.rateLimited}, latency beyond the timeout ${f.latencySpikes})`,
    `creates attempted ${report.createsAttempted}, HTTP attempts ${report.httpAttempts}, failed attempts reported with a reason ${report.failures.length}`,
    `connections in the emulator ${report.connections.length} (after reloading its data file ${report.persistedConnections}), duplicates ${report.duplicates.length}`,
    `files holding their connection's id ${report.files - finallyFailed - report.filesWithUnknownId.length}, without an id ${finallyFailed}, with a wrong id ${report.filesWithUnknownId.length}`,
  ].join('\n');
}
