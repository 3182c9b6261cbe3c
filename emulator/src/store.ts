// The emulator's organisation: connections and the resources that use them (bulk syncs, models, model syncs).
// Every mutation goes through here so the --data file is rewritten after each change.
import type { Actor } from './auth';

export interface StoredConnection {
  id: string;
  name: string;
  organization_id: string;
  /** The connection type id. */
  type: string;
  /** The type's display name, kept so a connection whose type left the catalog still shows one. */
  type_name: string;
  /** Unmasked: the secrets live here and only here. */
  configuration: Record<string, unknown>;
  status: 'healthy' | 'unhealthy';
  status_error?: string;
  saved: boolean;
  policies: string[];
  healthcheck_interval?: string;
  created_at: string;
  updated_at: string;
  created_by: Actor;
  updated_by: Actor;
}

/** A copy of a connection shared into a child organisation (a partner feature): it lives in that organisation. */
export interface StoredSharedConnection extends StoredConnection {
  parent_connection_id: string;
}

interface Dependent {
  id: string;
  name: string;
  organization_id: string;
  created_at: string;
  updated_at: string;
}

export interface StoredBulkSync extends Dependent {
  source_connection_id: string;
  destination_connection_id: string;
  active: boolean;
  mode: string;
  schedule: Record<string, unknown>;
}

export interface StoredModel extends Dependent {
  connection_id: string;
  configuration: Record<string, unknown>;
}

export interface StoredModelSync extends Dependent {
  target: { connection_id: string; object?: string };
  model_ids: string[];
  active: boolean;
  mode: string;
}

export interface UsedBy {
  type: 'bulk_sync' | 'model' | 'sync';
  name: string;
  id: string;
}

export interface StateSnapshot {
  connections: StoredConnection[];
  bulk_syncs: StoredBulkSync[];
  models: StoredModel[];
  syncs: StoredModelSync[];
  /** Absent in files written before shared connections were emulated. */
  shared_connections?: StoredSharedConnection[];
}

export class EmulatorState {
  readonly connections = new Map<string, StoredConnection>();
  readonly bulkSyncs = new Map<string, StoredBulkSync>();
  readonly models = new Map<string, StoredModel>();
  readonly syncs = new Map<string, StoredModelSync>();
  /** Shared copies, by id; they belong to other organisations, so the connection list never shows them. */
  readonly sharedConnections = new Map<string, StoredSharedConnection>();
  private readonly listeners: Array<() => void> = [];

  /** Called after every mutation (persistence listens here). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(): StateSnapshot {
    return {
      connections: [...this.connections.values()],
      bulk_syncs: [...this.bulkSyncs.values()],
      models: [...this.models.values()],
      syncs: [...this.syncs.values()],
      shared_connections: [...this.sharedConnections.values()],
    };
  }

  /** Replaces everything (no change event: callers decide whether the result must be saved). */
  replace(snapshot: StateSnapshot): void {
    this.clearMaps();
    for (const c of snapshot.connections) this.connections.set(c.id, c);
    for (const b of snapshot.bulk_syncs) this.bulkSyncs.set(b.id, b);
    for (const m of snapshot.models) this.models.set(m.id, m);
    for (const s of snapshot.syncs) this.syncs.set(s.id, s);
    for (const c of snapshot.shared_connections ?? []) this.sharedConnections.set(c.id, c);
  }

  clear(): void {
    this.clearMaps();
    this.changed();
  }

  private clearMaps(): void {
    this.connections.clear();
    this.bulkSyncs.clear();
    this.models.clear();
    this.syncs.clear();
    this.sharedConnections.clear();
  }

  putConnection(connection: StoredConnection): void {
    this.connections.set(connection.id, connection);
    this.changed();
  }

  putSharedConnection(connection: StoredSharedConnection): void {
    this.sharedConnections.set(connection.id, connection);
    this.changed();
  }

  /** The copies of a connection shared into other organisations, oldest first. */
  sharedCopiesOf(connectionId: string): StoredSharedConnection[] {
    return [...this.sharedConnections.values()].filter((c) => c.parent_connection_id === connectionId);
  }

  putBulkSync(sync: StoredBulkSync): void {
    this.bulkSyncs.set(sync.id, sync);
    this.changed();
  }

  putModel(model: StoredModel): void {
    this.models.set(model.id, model);
    this.changed();
  }

  putModelSync(sync: StoredModelSync): void {
    this.syncs.set(sync.id, sync);
    this.changed();
  }

  deleteBulkSync(id: string): boolean {
    const deleted = this.bulkSyncs.delete(id);
    if (deleted) this.changed();
    return deleted;
  }

  deleteModelSync(id: string): boolean {
    const deleted = this.syncs.delete(id);
    if (deleted) this.changed();
    return deleted;
  }

  /** Deleting a model also deletes the model syncs that read from it (they cannot run without it). */
  deleteModel(id: string): boolean {
    if (!this.models.delete(id)) return false;
    for (const sync of [...this.syncs.values()]) if (sync.model_ids.includes(id)) this.syncs.delete(sync.id);
    this.changed();
    return true;
  }

  /** What uses a connection directly: bulk syncs (either side), models on it, model syncs targeting it. */
  usedBy(connectionId: string): UsedBy[] {
    const used: UsedBy[] = [];
    for (const b of this.bulkSyncs.values()) {
      if (b.source_connection_id === connectionId || b.destination_connection_id === connectionId) {
        used.push({ type: 'bulk_sync', name: b.name, id: b.id });
      }
    }
    for (const m of this.models.values()) {
      if (m.connection_id === connectionId) used.push({ type: 'model', name: m.name, id: m.id });
    }
    for (const s of this.syncs.values()) {
      if (s.target.connection_id === connectionId) used.push({ type: 'sync', name: s.name, id: s.id });
    }
    return used;
  }

  /** Deletes the dependents first (model syncs of its models too), then the connection. */
  deleteConnectionCascade(connectionId: string): boolean {
    if (!this.connections.has(connectionId)) return false;
    for (const used of this.usedBy(connectionId)) {
      if (used.type === 'bulk_sync') this.bulkSyncs.delete(used.id);
      if (used.type === 'sync') this.syncs.delete(used.id);
    }
    for (const used of this.usedBy(connectionId)) {
      if (used.type === 'model') {
        this.models.delete(used.id);
        for (const s of [...this.syncs.values()]) if (s.model_ids.includes(used.id)) this.syncs.delete(s.id);
      }
    }
    // A shared copy cannot outlive the connection it copies.
    for (const copy of this.sharedCopiesOf(connectionId)) this.sharedConnections.delete(copy.id);
    this.connections.delete(connectionId);
    this.changed();
    return true;
  }
}
