// The folder as the source of truth, in VS Code: the Plan view, the duplicate-id warnings, and the drift the
// Connections view shows. The engine is core/src/workspace/; the commands (Plan Workspace, Apply Plan, Import
// Organization, Show Diff) are registered with the others in commands/index.ts.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { DuplicateIdDiagnostics } from './duplicateIds';
import type { PlanNode } from './planView';

export function registerWorkspacePlan(services: Services): vscode.Disposable[] {
  const view = vscode.window.createTreeView<PlanNode>('polytomic.plan', { treeDataProvider: services.plan, showCollapseAll: true });
  services.plan.view = view;
  return [view, new DuplicateIdDiagnostics(services.index)];
}
