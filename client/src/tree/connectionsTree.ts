// The "Connections" view: the active profile's connections from ONE list call, grouped by type (or flat), each with a
// status icon, its status error as tooltip, and the workspace file holding its id as description, with its drift
// (in sync, changed in the file, in Polytomic, or both) computed from that same list.
import * as vscode from 'vscode';
import { isPolytomicApiError } from '../../../core/src/api/errors';
import type { Connection } from '../../../core/src/api/types';
import { DRIFT_WORDS, type DriftState } from '../../../core/src/workspace/drift';
import type { ApiSessions } from '../apiSession';
import type { PolytomicOutput } from '../output';
import type { ProfileStore } from '../profiles/profileStore';
import { UserError } from '../userError';
import type { WorkspaceIndex } from '../workspaceIndex';
import { groupByType, groupSummary, healthOf, sortConnections, TypeGroup } from './treeModel';

export interface GroupNode {
  kind: 'group';
  group: TypeGroup;
}

export interface ConnectionNode {
  kind: 'connection';
  connection: Connection;
}

export interface MessageNode {
  kind: 'message';
  text: string;
  icon: string;
  tooltip?: string;
  command?: vscode.Command;
}

export type TreeNode = GroupNode | ConnectionNode | MessageNode;

/** Where the tree gets each file-held connection's drift from (plan/driftTracker.ts). */
export interface DriftSource {
  compute(live: readonly Connection[], profileName: string, signal?: AbortSignal): Promise<void>;
  stateOf(id: string): DriftState | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export function isConnectionNode(value: unknown): value is ConnectionNode {
  return typeof value === 'object' && value !== null && (value as TreeNode).kind === 'connection' && 'connection' in value;
}

export class ConnectionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private connections: Connection[] | undefined;
  private groups: TypeGroup[] | undefined;
  private error: { message: string; fix?: vscode.Command } | undefined;
  private readonly deleting = new Set<string>();
  private loading: { controller: AbortController; done: Promise<void> } | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly loaded = new vscode.EventEmitter<void>();
  /** Fires after each completed load (tests wait on it). */
  readonly onDidLoad = this.loaded.event;
  view: vscode.TreeView<TreeNode> | undefined;
  private waitingToBeSeen: vscode.Disposable | undefined;

  constructor(
    private readonly sessions: ApiSessions,
    private readonly profiles: ProfileStore,
    private readonly index: WorkspaceIndex,
    private readonly output: PolytomicOutput,
    private readonly drift?: DriftSource,
  ) {
    this.disposables.push(
      this.loaded,
      index.onDidChange(() => this.changed.fire(undefined)),
      ...(drift ? [drift.onDidChange(() => this.changed.fire(undefined))] : []),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('polytomic.connections.groupByType')) this.changed.fire(undefined);
      }),
    );
  }

  private get groupByType(): boolean {
    return vscode.workspace.getConfiguration('polytomic').get<boolean>('connections.groupByType', true);
  }

  /** The connections of the last successful load. */
  get current(): readonly Connection[] | undefined {
    return this.connections;
  }

  /** Reloads the list (one call); a reload in flight is cancelled. Resolves when the view has the new list. */
  refresh(options: { background?: boolean } = {}): Promise<void> {
    this.loading?.controller.abort();
    const controller = new AbortController();
    const done = (async () => {
      const profile = this.profiles.active();
      if (!profile) {
        this.connections = undefined;
        this.groups = undefined;
        this.error = undefined;
      } else {
        try {
          const { client } = await this.sessions.current(options);
          const [list] = await Promise.all([client.listConnections(controller.signal), this.index.ready()]);
          if (controller.signal.aborted) return this.newerLoad(controller);
          this.connections = list;
          this.groups = undefined;
          this.error = undefined;
          // From the list just fetched: no other request. A failure leaves the list without drift.
          await this.drift?.compute(list, profile.name, controller.signal).catch((error: unknown) => {
            if (!controller.signal.aborted) this.output.warn(`Comparing the workspace's files with the list failed: ${error instanceof Error ? error.message : String(error)}`);
          });
          if (controller.signal.aborted) return this.newerLoad(controller);
        } catch (error) {
          if (controller.signal.aborted) return this.newerLoad(controller);
          this.connections = undefined;
          const message = error instanceof Error ? error.message : String(error);
          // A UserError carries its fix (Add Profile, Enter API Key): the tree offers that instead of a retry.
          const action =
            error instanceof UserError
              ? error.actions[0]
              : isPolytomicApiError(error) && error.kind === 'unauthorized'
                ? { title: 'Enter API Key', command: 'polytomic.enterApiKey', args: undefined }
                : undefined;
          this.error = { message, fix: action && { command: action.command, title: action.title, arguments: action.args } };
          this.output.warn(`Listing connections failed: ${message}`);
        }
      }
      if (this.view) {
        this.view.description = profile?.name;
        // The whole message above the list (a row would cut it off); a key problem shows the welcome view's button.
        this.view.message = this.error?.message;
      }
      void vscode.commands.executeCommand('setContext', 'polytomic.treeEmpty', this.connections?.length === 0);
      void vscode.commands.executeCommand('setContext', 'polytomic.keyProblem', this.keyProblem);
      this.changed.fire(undefined);
      this.loaded.fire();
    })();
    this.loading = { controller, done };
    const shown = this.view ? vscode.window.withProgress({ location: { viewId: 'polytomic.connections' } }, () => done) : done;
    return Promise.resolve(shown);
  }

  /** A superseded load resolves with the load that replaced it, so every caller sees the newest list. */
  private newerLoad(superseded: AbortController): Promise<void> | undefined {
    return this.loading && this.loading.controller !== superseded ? this.loading.done : undefined;
  }

  /**
   * Refreshes when someone can see it: now if the view is visible or was loaded before (its list would be stale),
   * else on the view's first showing. A workspace that never opens the view costs no list call.
   */
  refreshWhenSeen(): Promise<void> {
    if (this.view?.visible || this.connections !== undefined || this.error !== undefined) return this.refresh({ background: true });
    if (!this.waitingToBeSeen && this.view) {
      this.waitingToBeSeen = this.view.onDidChangeVisibility((e) => {
        if (!e.visible) return;
        this.waitingToBeSeen?.dispose();
        this.waitingToBeSeen = undefined;
        void this.refresh({ background: true });
      });
    }
    return Promise.resolve();
  }

  /** Shows a transient "Deleting..." state on a connection until the next refresh or `false`. */
  setDeleting(id: string, deleting: boolean): void {
    if (deleting) this.deleting.add(id);
    else this.deleting.delete(id);
    this.changed.fire(undefined);
  }

  /** The profile cannot be used as it is (no key, or Polytomic refused it): the welcome view offers Enter API Key. */
  get keyProblem(): boolean {
    return this.error?.fix?.command === 'polytomic.enterApiKey';
  }

  /** What the view says above the list, if anything (the test hooks read it). */
  get problem(): { message: string; keyProblem: boolean } | undefined {
    return this.error && { message: this.error.message, keyProblem: this.keyProblem };
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node?.kind === 'group') return node.group.connections.map((connection) => ({ kind: 'connection', connection }));
    if (node) return [];
    if (this.keyProblem) return [];
    if (this.error) {
      const { message, fix } = this.error;
      return [
        fix
          ? { kind: 'message', text: `${message} ${fix.title}...`, icon: 'key', tooltip: message, command: fix }
          : { kind: 'message', text: 'Could not list connections. Retry', icon: 'warning', tooltip: message, command: { command: 'polytomic.refresh', title: 'Retry' } },
      ];
    }
    if (!this.connections) return [];
    if (!this.groupByType) return sortConnections(this.connections).map((connection) => ({ kind: 'connection', connection }));
    this.groups ??= groupByType(this.connections);
    return this.groups.map((group) => ({ kind: 'group', group }));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.tooltip = node.tooltip;
      item.command = node.command;
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `type:${node.group.typeId}`;
      item.description = groupSummary(node.group);
      item.contextValue = 'type';
      item.iconPath = new vscode.ThemeIcon('database');
      return item;
    }
    return this.connectionItem(node.connection);
  }

  private connectionItem(connection: Connection): vscode.TreeItem {
    const item = new vscode.TreeItem(connection.name, vscode.TreeItemCollapsibleState.None);
    item.id = `connection:${connection.id}`;
    const file = this.index.fileFor(connection.id);
    const health = healthOf(connection);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(connection.name)}** (${escapeMarkdown(connection.type?.name ?? connection.type?.id ?? 'unknown type')})\n\n`);
    tooltip.appendMarkdown(`$(${iconFor(health)}) ${health}`);
    if (connection.status_error) tooltip.appendMarkdown(`: ${escapeMarkdown(connection.status_error)}`);
    // The id comes from the API like the name: escaped too (a backtick in it would end a code span).
    tooltip.appendMarkdown(`\n\nid ${escapeMarkdown(connection.id)}`);
    if (file) tooltip.appendMarkdown(`\n\nfile ${escapeMarkdown(vscode.workspace.asRelativePath(file))}`);
    const holders = this.index.holdersOf(connection.id).length;
    if (holders > 1) tooltip.appendMarkdown(`\n\n$(warning) ${holders} files hold this id: an update from either overwrites the other's connection`);
    const drift = file ? this.drift?.stateOf(connection.id) : undefined;
    const driftHint = drift === 'in-sync' ? '' : drift === 'live-changed' ? ": Pull writes Polytomic's version into the file, Show Diff compares them" : ': Show Diff compares them';
    if (drift) tooltip.appendMarkdown(`\n\n$(${DRIFT_ICONS[drift]}) ${DRIFT_WORDS[drift]}${driftHint}`);
    item.tooltip = tooltip;
    if (this.deleting.has(connection.id)) {
      item.description = 'Deleting…';
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = 'connection.deleting';
      return item;
    }
    item.description = file ? [vscode.workspace.asRelativePath(file), drift && DRIFT_WORDS[drift]].filter(Boolean).join(' · ') : undefined;
    item.iconPath = new vscode.ThemeIcon(iconFor(health), new vscode.ThemeColor(colorFor(health)));
    // `connection.inWorkspace.drift-live-changed`: the menus offer Show Diff when it is not in sync, Pull when Polytomic moved.
    item.contextValue = file ? `connection.inWorkspace${drift ? `.drift-${drift}` : ''}` : 'connection';
    item.command = { command: 'polytomic.openConnection', title: 'Open Connection File', arguments: [{ kind: 'connection', connection }] };
    return item;
  }

  dispose(): void {
    this.waitingToBeSeen?.dispose();
    this.loading?.controller.abort();
    for (const d of this.disposables) d.dispose();
  }
}

const DRIFT_ICONS: Record<DriftState, string> = {
  'in-sync': 'check',
  'file-changed': 'edit',
  'live-changed': 'cloud',
  'both-changed': 'git-compare',
  differs: 'diff',
};

function iconFor(health: string): string {
  return health === 'healthy' ? 'pass-filled' : health === 'unhealthy' ? 'error' : 'circle-large-outline';
}

function colorFor(health: string): string {
  return health === 'healthy' ? 'testing.iconPassed' : health === 'unhealthy' ? 'testing.iconFailed' : 'disabledForeground';
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
