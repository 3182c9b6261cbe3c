// What apply shows while it runs: on a terminal one counts line rewritten in place (\r), then a line per item;
// elsewhere (CI logs) a plain line per item as each finishes.
import type { ApplyItemResult, ApplyProgress } from '../../core/src/workspace/applyPlan';
import { inertLine } from './inertLine';
import type { Output } from './output';

const CLEAR_LINE = '\r\x1b[2K';

export function resultLine(result: ApplyItemResult): string {
  const verb = result.outcome === 'done' ? (result.action === 'create' ? 'created' : 'updated') : result.outcome;
  const file = result.label ? ` (${inertLine(result.label)})` : '';
  const id = result.outcome === 'done' && result.id ? ` id ${inertLine(result.id)}` : '';
  const reason = result.reason ? `: ${inertLine(result.reason)}` : '';
  return `${verb.padEnd(8)} ${inertLine(result.name)}${file}${id}${reason}`;
}

export interface ProgressReporter {
  update(progress: ApplyProgress): void;
  /** Ends the counts line (terminal) and prints every result there; elsewhere they were printed as they came. */
  finish(results: readonly ApplyItemResult[]): void;
}

export function applyProgress(out: Output, total: number): ProgressReporter {
  if (!out.stdoutIsTty) {
    return {
      update: (p) => p.last && out.stdout(resultLine(p.last) + '\n'),
      finish: () => undefined,
    };
  }
  return {
    update: (p) => out.stdout(`${CLEAR_LINE}Applying: ${p.done + p.failed + p.skipped}/${total} (${p.done} done, ${p.failed} failed, ${p.skipped} skipped)`),
    finish: (results) => {
      out.stdout(CLEAR_LINE);
      for (const result of results) out.stdout(resultLine(result) + '\n');
    },
  };
}
