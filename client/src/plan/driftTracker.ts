// Drift for the Connections view: for each connection a workspace file holds, whether the file, Polytomic or both
// moved since they last agreed (core drift.ts). Computed from the list the tree already fetched (no other request:
// a list entry is compared as listed), or taken from a Plan Workspace run. The last agreements (baselines) are
// keyed digests in workspace state under the secret-storage key; Apply Plan, Create, Update, Apply, Pull and Import
// record one when they leave the two equal.
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import { driftOf, recordBaseline, type Baseline, type BaselineStorage, type DriftState } from '../../../core/src/workspace/drift';
import { buildPlan, type Plan, type PlanItem } from '../../../core/src/workspace/plan';
import { planDependencies, type PlanSources } from './planDependencies';
import { collectWorkspaceFiles } from './workspaceFiles';

const STATE_PREFIX = 'polytomic.driftBaseline/';

export function workspaceBaselines(state: vscode.Memento, digestKey: () => Promise<string>): BaselineStorage {
  return {
    key: digestKey,
    read: async (scope) => {
      const stored = state.get<Baseline>(STATE_PREFIX + scope);
      return stored && typeof stored.file === 'string' && typeof stored.live === 'string' ? stored : undefined;
    },
    write: async (scope, baseline) => {
      await state.update(STATE_PREFIX + scope, baseline);
    },
  };
}

export class DriftTracker implements vscode.Disposable {
  private states = new Map<string, DriftState>();
  private items = new Map<string, PlanItem>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly baselines: BaselineStorage;

  constructor(
    private readonly sources: PlanSources,
    state: vscode.Memento,
  ) {
    this.baselines = workspaceBaselines(state, () => sources.secrets.digestKey());
  }

  /** From the tree's list: the workspace's files compared with it, without the server's check and without a request. */
  async compute(live: readonly Connection[], profileName: string, signal?: AbortSignal): Promise<void> {
    const { files } = await collectWorkspaceFiles();
    // An entry listed without its configuration is left out: comparing it would call every field changed.
    const listed = live.filter((c) => c.configuration !== undefined);
    const plan = await buildPlan(files, listed, planDependencies(this.sources, profileName), signal);
    signal?.throwIfAborted();
    await this.fromPlan(plan, signal);
  }

  /** Takes the drift of a plan (Plan Workspace's, or the tree's own). */
  async fromPlan(plan: Plan, signal?: AbortSignal): Promise<void> {
    const states = await driftOf(plan.items, this.baselines, plan.profileName);
    signal?.throwIfAborted();
    const items = new Map<string, PlanItem>();
    for (const item of plan.items) if (item.id && states.has(item.id) && !items.has(item.id)) items.set(item.id, item);
    this.states = states;
    this.items = items;
    this.changed.fire();
  }

  stateOf(id: string): DriftState | undefined {
    return this.states.get(id);
  }

  /** The plan item behind a connection's drift: its diff. */
  itemOf(id: string): PlanItem | undefined {
    return this.items.get(id);
  }

  /** After a send or a pull left the file's text and the live connection equal. Never fails the command. */
  async record(profileName: string, text: string, live: Connection): Promise<void> {
    try {
      await recordBaseline(this.baselines, profileName, text, live);
      if (this.states.has(live.id)) {
        this.states.set(live.id, 'in-sync');
        this.changed.fire();
      }
    } catch (error) {
      this.sources.output.warn(`Could not record that "${live.name}" and its file agree: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
