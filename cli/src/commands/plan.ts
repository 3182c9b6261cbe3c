// plan [paths...]: what an apply would do, as text like Terraform's or JSON. Nothing is sent but reads.
// Exit: 0 a clean plan; 1 a failure, or files that cannot be applied (blocked, duplicate, stale). With
// --detailed-exitcode: 0 no changes, 2 changes, 1 failure or such files (a usage error is then 1 as well, since 2
// means changes).
import type { Environment } from '../apiSession';
import { API_OPTIONS, HELP_OPTION, oneOf, parseCommandArgs } from '../args';
import { CATALOG_OPTIONS } from '../catalogSession';
import { EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { PLAN_HELP } from '../help';
import type { Output } from '../output';
import { formatPlanText, PLAN_FORMATS, planJson, planProblems } from '../planReport';
import { scrubbingOutput } from '../scrubbingOutput';
import { planHasChanges } from '../../../core/src/workspace/plan';
import { planWorkspace, WORKSPACE_OPTIONS } from '../workspacePlan';

export const EXIT_CHANGES = 2;

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  ...CATALOG_OPTIONS,
  ...WORKSPACE_OPTIONS,
  format: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  'list-unmanaged': { type: 'boolean' },
} as const;

/** A usage error's exit code: 2, unless 2 means "changes" (--detailed-exitcode). */
export function planUsageExit(argv: string[]): number {
  return argv.includes('--detailed-exitcode') ? EXIT_PROBLEMS : 2;
}

export async function runPlan(argv: string[], environment: Environment, rawOut: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('plan', argv, OPTIONS, true);
  if (values.help) {
    rawOut.stdout(PLAN_HELP);
    return EXIT_OK;
  }
  const format = oneOf('format', values.format, PLAN_FORMATS, 'human');
  const out = scrubbingOutput(rawOut);
  const ws = await planWorkspace(values, positionals, environment, out);
  try {
    for (const line of ws.catalog.log) out.stderr(`catalog: ${line}\n`);
    const target = ws.session.profile.baseUrl;
    out.stdout(format === 'json' ? planJson(ws.plan, target) : formatPlanText(ws.plan, target, ws.secrets.describeMissing, { listUnmanaged: values['list-unmanaged'] }));
  } finally {
    await ws.session.client.close();
  }
  if (planProblems(ws.plan) > 0) return EXIT_PROBLEMS;
  return values['detailed-exitcode'] && planHasChanges(ws.plan) ? EXIT_CHANGES : EXIT_OK;
}
