// Polytomic: Plan Workspace: every connection file of the workspace compared with the active profile's connections,
// from ONE list call, shown in the Plan view. Nothing is sent; each file gets the language server's verdict (the
// diagnostics an open document gets), secrets are compared by the fingerprints of what was last sent.
import * as vscode from 'vscode';
import { parseConnectionText } from '../../../core/src/connectionFile';
import { buildPlan, type Plan } from '../../../core/src/workspace/plan';
import { forEachLimited } from '../../../core/src/workspace/pool';
import type { ApplyItemResult } from '../../../core/src/workspace/applyPlan';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { UserError } from '../userError';
import { planDependencies } from './planDependencies';
import { collectWorkspaceFiles } from './workspaceFiles';
import type { WorkspaceFile } from '../../../core/src/workspace/files';

export async function planWorkspace(services: Services, applied?: { results: readonly ApplyItemResult[]; summary: string }): Promise<Plan> {
  const { profile, client } = await services.sessions.current();
  const { plan, unsaved } = await withCancellableProgress(`Planning the workspace against ${profile.name}`, async (signal, report) => {
    report('reading connection files');
    const { files, unsaved } = await collectWorkspaceFiles();
    report('listing connections');
    const live = await client.listConnections(signal);
    await warmSchemas(services, files, signal);
    report(`checking ${files.length} file${files.length === 1 ? '' : 's'}`);
    const deps = planDependencies(services, profile.name, {
      languageClient: services.languageClient,
      getConnection: (id, s) => client.getConnection(id, s),
    });
    try {
      return { plan: await buildPlan(files, live, deps, signal), unsaved };
    } catch (error) {
      // The engine stops with an AbortError: said as a cancellation, not as a failure.
      if (signal.aborted) throw new UserError('Plan Workspace was cancelled; the Plan view still shows the last plan.', [], 'warning');
      throw error;
    }
  });
  services.plan.show(plan, unsaved, applied);
  await services.drift.fromPlan(plan).catch((error) => services.output.warn(`Drift of the plan: ${error instanceof Error ? error.message : String(error)}`));
  if (!services.plan.view?.visible) void vscode.commands.executeCommand('polytomic.plan.focus');
  services.output.info(`Plan of the workspace against ${profile.name}: ${plan.items.length} items.`);
  return plan;
}

/**
 * The schemas of the files' types, as opening each file would fetch them (a cached, fresh one is not fetched again):
 * the server checks against them and the plan knows which fields are secret. A failure leaves the cached or bundled one.
 */
async function warmSchemas(services: Services, files: readonly WorkspaceFile[], signal: AbortSignal): Promise<void> {
  const types = new Set<string>();
  for (const file of files) {
    const type = parseConnectionText(file.text).value?.type;
    if (typeof type === 'string' && /^[A-Za-z0-9_.-]+$/.test(type)) types.add(type);
  }
  await forEachLimited([...types], 4, async (type) => {
    await services.catalog.ensureSchema(type, { background: true, signal }).catch((error) => {
      if (!signal.aborted) services.output.warn(`Fetching the schema of ${type} for the plan failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, signal);
}
