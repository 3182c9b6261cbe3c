// apply [paths...]: the plan, then its creates and updates (asked first on a terminal; --yes elsewhere), with
// bounded concurrency, create keys kept in .polytomic/create-keys.json until each id is in its file.
// Exit: 0 everything applied and no file left blocked, duplicate or stale; 1 otherwise or on failure; 2 usage.
import { applicableItems } from '../../../core/src/workspace/plan';
import { applyPlan, applySummary, DEFAULT_APPLY_CONCURRENCY } from '../../../core/src/workspace/applyPlan';
import { readTextIfPresent, writeIdToFile } from '../../../core/src/workspace/nodeFiles';
import type { Environment } from '../apiSession';
import { applyProgress } from '../applyProgress';
import { API_OPTIONS, HELP_OPTION, parseCommandArgs, type Parsed } from '../args';
import { CATALOG_OPTIONS } from '../catalogSession';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import { APPLY_HELP } from '../help';
import { inertLine } from '../inertLine';
import { holdBackLookalikes } from '../lookalikes';
import type { Output } from '../output';
import { formatPlanText, planProblems } from '../planReport';
import { scrubbingOutput, type ScrubbingOutput } from '../scrubbingOutput';
import { openCreateKeys } from '../stateFiles';
import { lockState, type StateLock } from '../stateLock';
import { planWorkspace, WORKSPACE_OPTIONS, type WorkspacePlan } from '../workspacePlan';

const OPTIONS = {
  ...API_OPTIONS,
  ...HELP_OPTION,
  ...CATALOG_OPTIONS,
  ...WORKSPACE_OPTIONS,
  yes: { type: 'boolean', short: 'y' },
  concurrency: { type: 'string' },
  'no-validate': { type: 'boolean' },
  'allow-duplicate-name': { type: 'boolean' },
} as const;

const MAX_CONCURRENCY = 32;

function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_APPLY_CONCURRENCY;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw new CliError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY} (got "${value}").`);
  return n;
}

export async function runApply(argv: string[], environment: Environment, rawOut: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('apply', argv, OPTIONS, true);
  if (values.help) {
    rawOut.stdout(APPLY_HELP);
    return EXIT_OK;
  }
  const concurrency = concurrencyOf(values.concurrency);
  if (!values.yes && !rawOut.stdinIsTty) {
    throw new CliError('apply asks before it changes anything, and stdin is not a terminal: pass --yes to apply without asking.');
  }
  const out = scrubbingOutput(rawOut);
  let lock: StateLock | undefined;
  try {
    const ws = await planWorkspace(values, positionals, environment, out, async (dir) => {
      lock = await lockState(dir, 'apply');
    });
    return await applyWorkspace(ws, values, concurrency, out);
  } finally {
    await lock?.release();
  }
}

async function applyWorkspace(ws: WorkspacePlan, values: Parsed<typeof OPTIONS>['values'], concurrency: number, out: ScrubbingOutput): Promise<number> {
  const { session, plan } = ws;
  try {
    for (const line of ws.catalog.log) out.stderr(`catalog: ${line}\n`);
    out.stdout(formatPlanText(plan, session.profile.baseUrl, ws.secrets.describeMissing));
    const all = applicableItems(plan);
    if (all.length === 0) return planProblems(plan) > 0 ? EXIT_PROBLEMS : EXIT_OK;
    const createKeys = await openCreateKeys(ws.stateDir, session.apiKey, (text) => out.stderr(text));
    const { toApply: items, held, notice } = holdBackLookalikes(all, values['allow-duplicate-name'] === true, (item) => item.file !== undefined && createKeys.hasKey(item.file.path));
    if (!values.yes && items.length > 0) {
      const answer = await out.ask(`${notice}\nApply ${items.length} change${items.length === 1 ? '' : 's'} to profile "${inertLine(session.profile.name)}" at ${inertLine(session.profile.baseUrl)}? Only "yes" goes on: `);
      if (answer?.trim() !== 'yes') {
        out.stdout('Apply cancelled: nothing was sent.\n');
        return EXIT_PROBLEMS;
      }
    } else if (notice) {
      out.stdout(notice);
    }
    out.stdout('\n');
    // A first Ctrl-C starts nothing new and lets the requests in flight finish (their ids reach the files); a second
    // one cancels those too (their create keys are kept, so an apply again replays them); a third quits.
    const stop = new AbortController();
    const cancel = new AbortController();
    const onInterrupt = () => {
      if (cancel.signal.aborted) process.exit(130);
      if (stop.signal.aborted) {
        cancel.abort();
        out.stderr('\nCancelling the requests in flight: each may have gone through; apply again replays a cancelled create instead of making a second one. Press Ctrl-C again to quit at once.\n');
        return;
      }
      stop.abort();
      out.stderr('\nStopping: no further item starts; the ones being sent finish. Press Ctrl-C again to cancel them.\n');
    };
    process.on('SIGINT', onInterrupt);
    const total = items.length + held.length;
    const progress = applyProgress(out, total);
    // The held-back look-alikes count as skipped from the start.
    held.forEach((result, index) => progress.update({ total, done: 0, failed: 0, skipped: index + 1, last: result }));
    let results;
    try {
      results = await applyPlan(
        items,
        {
          profileName: session.profile.name,
          createConnection: (body, options) => session.client.createConnection(body, options),
          updateConnection: (id, body, signal) => session.client.updateConnection(id, body, signal),
          createKeys,
          sources: ws.secrets.sources,
          fingerprints: ws.fingerprints,
          schemaFor: ws.catalog.schemaFor,
          readText: (file) => readTextIfPresent(file.path),
          writeId: writeIdToFile,
          validateDefault: !values['no-validate'],
          onResolvedValues: (resolved) => out.addSecrets(resolved),
          describeMissing: ws.secrets.describeMissing,
        },
        { concurrency, signal: cancel.signal, stop: stop.signal, onProgress: (p) => progress.update({ ...p, total, skipped: p.skipped + held.length }) },
      );
    } finally {
      process.off('SIGINT', onInterrupt);
    }
    results = [...held, ...results];
    progress.finish(results);
    out.stdout(`\nApply: ${applySummary(results)}.\n`);
    const incomplete = results.some((r) => r.outcome !== 'done');
    return incomplete || planProblems(plan) > 0 ? EXIT_PROBLEMS : EXIT_OK;
  } finally {
    await session.client.close();
  }
}
