// The fuzzer's figures and findings as text, for `npm run fuzz` and for the test's diagnostics.
import type { FuzzReport } from './fuzzer';

export function formatReport(report: FuzzReport, seconds: number): string {
  const mutations = Object.entries(report.mutations)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const lines = [
    `seed ${report.seed}: ${report.documents} documents (${report.typesCovered} type ids), ${report.edits} incremental edits in ${report.editSequences} sequence${report.editSequences === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
    `mutations: ${mutations}`,
    `requests ${report.requests}, diagnostics publications checked ${report.diagnosticsChecked}, server restarts ${report.restarts}`,
    `slowest answer ${Math.round(report.slowestMs)} ms (${report.slowestRequest}); answers over the bar: ${report.slowAnswers}`,
    `findings: ${report.findings.length === 0 ? 'none' : report.findings.length}`,
  ];
  for (const f of report.findings) lines.push(`  [${f.kind}] x${f.count} ${f.detail}\n      first on ${f.firstCase}`);
  return lines.join('\n');
}
