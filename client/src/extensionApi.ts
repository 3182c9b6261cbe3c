// What the extension exports from activate(). Its only users are the in-editor tests: they replace the prompts with
// scripted answers (so modal confirmations and typed-name checks stay real code paths) and inspect the tree, the log
// folder and the stored state. Nothing secret is reachable through it, and the prompts can be replaced only in a test
// run (ExtensionMode.Test).
import * as vscode from 'vscode';
import type { Connection } from '../../core/src/api/types';
import type { SchemaLanguageStatus } from './languageStatus';
import type { Services } from './services';
import type { PlanNode } from './plan/planView';
import type { TreeNode } from './tree/connectionsTree';
import { Prompts, vscodePrompts } from './ui';

export interface PolytomicExtensionApi {
  /** Replaces some prompts (the rest keep asking through VS Code); `resetPrompts` restores the real ones. */
  setPrompts(prompts: Partial<Prompts>): void;
  resetPrompts(): void;
  /** Reloads the tree from one list call and resolves when it shows the result. */
  refreshTree(): Promise<void>;
  treeConnections(): readonly Connection[] | undefined;
  treeChildren(node?: TreeNode): TreeNode[];
  treeItem(node: TreeNode): vscode.TreeItem;
  /** What the view says above its list after a failed load; keyProblem: the welcome view offers Enter API Key. */
  treeProblem(): { message: string; keyProblem: boolean } | undefined;
  /** The Plan view's nodes and items, and what it says above them (summary, notes). */
  planChildren(node?: PlanNode): PlanNode[];
  planItem(node: PlanNode): vscode.TreeItem;
  planHeader(): { description?: string; message?: string };
  /** The folder of the extension's log files (the "Polytomic" LogOutputChannel writes there). */
  logFolder(): string;
  /** The catalog folders the language server was told to prefer. */
  catalogDirs(): Promise<string[]>;
  /** The active profile's name and where its key comes from (never the key). */
  activeProfile(): Promise<{ name: string; keySource?: 'secretStorage' | 'environment'; problem?: string } | undefined>;
  /** Every key and value of this extension's workspace and global state, as JSON. */
  stateSnapshot(): string;
  /** Updates and returns the schema language status item of the active editor. */
  schemaStatus(): Promise<{ text: string; detail?: string; severity: vscode.LanguageStatusSeverity }>;
}

export function createExtensionApi(services: Services, languageStatus: SchemaLanguageStatus): PolytomicExtensionApi {
  const { context } = services;
  return {
    setPrompts: (prompts) => {
      // Scripted answers would let another extension confirm a force delete unasked: only a test run may use them.
      if (context.extensionMode !== vscode.ExtensionMode.Test) {
        throw new Error('Polytomic: scripted prompts are only available while VS Code runs the extension\'s tests.');
      }
      services.prompts.current = { ...vscodePrompts, ...prompts };
    },
    resetPrompts: () => {
      services.prompts.current = vscodePrompts;
    },
    refreshTree: () => services.tree.refresh(),
    treeConnections: () => services.tree.current,
    treeChildren: (node) => services.tree.getChildren(node),
    treeItem: (node) => services.tree.getTreeItem(node),
    treeProblem: () => services.tree.problem,
    planChildren: (node) => services.plan.getChildren(node),
    planItem: (node) => services.plan.getTreeItem(node),
    planHeader: () => services.plan.header,
    logFolder: () => context.logUri.fsPath,
    catalogDirs: () => services.catalog.catalogDirs(),
    activeProfile: async () => {
      const profile = services.profiles.active();
      if (!profile) return undefined;
      const lookup = await services.profiles.apiKey(profile);
      return { name: profile.name, keySource: lookup.source, problem: lookup.originMismatch };
    },
    schemaStatus: async () => {
      await languageStatus.update();
      return languageStatus.snapshot();
    },
    stateSnapshot: () => {
      const dump = (memento: vscode.Memento) => Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)]));
      return JSON.stringify({ workspaceState: dump(context.workspaceState), globalState: dump(context.globalState) });
    },
  };
}
