// The "Plan" view: the last plan of the workspace, grouped by action with counts (To create, To update, Blocked,
// Duplicate, Stale, Unchanged, Unmanaged), its summary as the view's description. A create, update or unchanged item
// opens its diff, a blocked, stale or duplicate one its file; an unmanaged one offers Pull. After Apply Plan, the
// items that failed or were skipped say why until the next Plan Workspace. Files saved after the plan make the view
// say so: the plan is a value, it does not follow the files on its own.
import * as vscode from 'vscode';
import type { ApplyItemResult } from '../../../core/src/workspace/applyPlan';
import { planHasChanges, planSummary, type Plan, type PlanAction, type PlanItem } from '../../../core/src/workspace/plan';
import { inertText } from '../inertText';
import { CONNECTION_FILE_GLOB } from '../workspaceIndex';
import { changeSummary, itemDescription, planGroups, type PlanGroup } from './planModel';
import { fileUri, savedText } from './workspaceFiles';

export interface PlanGroupNode {
  kind: 'planGroup';
  group: PlanGroup;
}

export interface PlanItemNode {
  kind: 'planItem';
  item: PlanItem;
}

export type PlanNode = PlanGroupNode | PlanItemNode;

export function isPlanItemNode(value: unknown): value is PlanItemNode {
  return typeof value === 'object' && value !== null && (value as PlanNode).kind === 'planItem' && 'item' in value;
}

const ICONS: Record<PlanAction, [string, string | undefined]> = {
  create: ['diff-added', 'gitDecoration.addedResourceForeground'],
  update: ['diff-modified', 'gitDecoration.modifiedResourceForeground'],
  blocked: ['error', 'problemsErrorIcon.foreground'],
  duplicate: ['copy', 'problemsWarningIcon.foreground'],
  stale: ['debug-disconnect', 'problemsWarningIcon.foreground'],
  unchanged: ['pass', 'testing.iconPassed'],
  unmanaged: ['cloud', undefined],
};

/** Groups shown open; Unchanged and Unmanaged can be long and need nothing. */
const COLLAPSED: ReadonlySet<PlanAction> = new Set(['unchanged', 'unmanaged']);

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private plan: Plan | undefined;
  private unsaved = new Set<string>();
  private results = new Map<string, ApplyItemResult>();
  private lastApply: string | undefined;
  private filesChanged = false;
  view: vscode.TreeView<PlanNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONNECTION_FILE_GLOB);
    const touched = (uri: vscode.Uri) => void this.fileTouched(uri);
    this.disposables.push(watcher, watcher.onDidCreate(touched), watcher.onDidChange(touched), watcher.onDidDelete(touched));
  }

  get current(): Plan | undefined {
    return this.plan;
  }

  /** The last apply's result for an item (failed and skipped ones are shown). */
  resultOf(key: string): ApplyItemResult | undefined {
    return this.results.get(key);
  }

  isUnsaved(key: string): boolean {
    return this.unsaved.has(key);
  }

  /** Shows a new plan; `results` (after Apply Plan) keep the failed and skipped items' reasons on view. */
  show(plan: Plan, unsaved: Set<string>, applied?: { results: readonly ApplyItemResult[]; summary: string }): void {
    this.plan = plan;
    this.unsaved = unsaved;
    this.results = new Map((applied?.results ?? []).filter((r) => r.outcome !== 'done').map((r) => [r.key, r]));
    this.lastApply = applied?.summary;
    this.filesChanged = false;
    void vscode.commands.executeCommand('setContext', 'polytomic.planHasChanges', planHasChanges(plan));
    this.updateHeader();
    this.changed.fire(undefined);
  }

  /**
   * A connection file was created, changed or deleted on disk: the plan is old when the file's saved text is not what
   * was planned (an apply's own id writes are, once it has planned again: the watcher may report them late).
   */
  private async fileTouched(uri: vscode.Uri): Promise<void> {
    const plan = this.plan;
    if (!plan || this.filesChanged || uri.path.split('/').includes('node_modules')) return;
    const planned = plan.items.find((i) => i.file?.path === uri.toString())?.file?.text;
    const now = await savedText(uri).catch(() => undefined);
    if (now === planned || plan !== this.plan) return;
    this.filesChanged = true;
    this.updateHeader();
  }

  /** The summary and what the user should know before acting on it. */
  private updateHeader(): void {
    if (!this.view || !this.plan) return;
    this.view.description = `${planSummary(this.plan.counts)} (${this.plan.profileName})`;
    const notes: string[] = [];
    if (this.lastApply) notes.push(`Last apply: ${this.lastApply}.`);
    if (this.unsaved.size > 0) notes.push(`${this.unsaved.size} file${this.unsaved.size === 1 ? ' has' : 's have'} unsaved changes: planned as saved. Save, then plan again.`);
    if (this.filesChanged) notes.push('Connection files changed since this plan: plan again to see them.');
    this.view.message = notes.length > 0 ? inertText(notes.join(' ')) : undefined;
  }

  /** What the view says above its items (tests read it). */
  get header(): { description?: string; message?: string } {
    return { description: this.view?.description, message: this.view?.message };
  }

  getChildren(node?: PlanNode): PlanNode[] {
    if (!this.plan) return [];
    if (!node) return planGroups(this.plan).map((group) => ({ kind: 'planGroup', group }));
    if (node.kind === 'planGroup') return node.group.items.map((item) => ({ kind: 'planItem', item }));
    return [];
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    if (node.kind === 'planGroup') {
      const { group } = node;
      const item = new vscode.TreeItem(group.title, COLLAPSED.has(group.action) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `planGroup:${group.action}`;
      item.description = String(group.items.length);
      item.contextValue = `planGroup.${group.action}`;
      return item;
    }
    return this.itemOf(node);
  }

  private itemOf(node: PlanItemNode): vscode.TreeItem {
    const { item: planItem } = node;
    const item = new vscode.TreeItem(planItem.name, vscode.TreeItemCollapsibleState.None);
    item.id = `planItem:${planItem.key}`;
    const unsaved = this.unsaved.has(planItem.key);
    const result = this.results.get(planItem.key);
    const description = itemDescription(planItem, unsaved);
    item.description = result ? `${result.outcome} in the last apply · ${description}` : description;
    const [icon, color] = result ? (result.outcome === 'failed' ? ICONS.blocked : ['warning', 'problemsWarningIcon.foreground']) : ICONS[planItem.action];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = tooltipOf(planItem, unsaved, result);
    item.contextValue = `planItem.${planItem.action}${planItem.file ? '.file' : ''}`;
    if (planItem.action === 'create' || planItem.action === 'update' || planItem.action === 'unchanged') {
      item.command = { command: 'polytomic.showPlanDiff', title: 'Show Diff', arguments: [node] };
    } else if (planItem.file) {
      item.command = { command: 'vscode.open', title: 'Open File', arguments: [fileUri(planItem.file)] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function tooltipOf(item: PlanItem, unsaved: boolean, result: ApplyItemResult | undefined): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escapeMarkdown(item.name)}**${item.type ? ` (${escapeMarkdown(item.type)})` : ''}\n\n`);
  if (item.file) tooltip.appendMarkdown(`file ${escapeMarkdown(item.file.label)}\n\n`);
  if (item.id) tooltip.appendMarkdown(`id ${escapeMarkdown(item.id)}\n\n`);
  if (result) tooltip.appendMarkdown(`$(warning) ${result.outcome} in the last apply: ${escapeMarkdown(result.reason ?? '')}\n\n`);
  if (unsaved) tooltip.appendMarkdown('$(circle-filled) unsaved changes: the plan uses the file as saved. Save it, then plan again.\n\n');
  const summary = item.reason ?? changeSummary(item);
  if (summary) tooltip.appendMarkdown(escapeMarkdown(summary));
  return tooltip;
}

function escapeMarkdown(text: string): string {
  return inertText(text, 2000).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
