// The connections tree's shape, computed once per list call: pure, so 5,000 connections cost one pass and a sort.
import type { Connection } from '../../../core/src/api/types';

export type ConnectionHealth = 'healthy' | 'unhealthy' | 'unknown';

export function healthOf(connection: Connection): ConnectionHealth {
  const status = connection.status?.toLowerCase();
  if (status === 'healthy') return 'healthy';
  if (status === 'unhealthy' || status === 'error' || status === 'failed') return 'unhealthy';
  return 'unknown';
}

export interface TypeGroup {
  typeId: string;
  label: string;
  connections: Connection[];
}

// One collator for all comparisons: localeCompare with options builds one per call, which 5,000 rows feel.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: Connection, b: Connection) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sortConnections(connections: Connection[]): Connection[] {
  return [...connections].sort(byName);
}

/** Groups by type id; groups sorted by label, connections by name. */
export function groupByType(connections: Connection[]): TypeGroup[] {
  const groups = new Map<string, TypeGroup>();
  for (const connection of connections) {
    const typeId = connection.type?.id ?? 'unknown';
    let group = groups.get(typeId);
    if (!group) {
      group = { typeId, label: connection.type?.name || typeId, connections: [] };
      groups.set(typeId, group);
    }
    group.connections.push(connection);
  }
  const list = [...groups.values()];
  for (const group of list) group.connections.sort(byName);
  return list.sort((a, b) => collator.compare(a.label, b.label));
}

/** A count summary for a group's description, e.g. "3 · 1 unhealthy". */
export function groupSummary(group: TypeGroup): string {
  const unhealthy = group.connections.filter((c) => healthOf(c) === 'unhealthy').length;
  return unhealthy > 0 ? `${group.connections.length} · ${unhealthy} unhealthy` : String(group.connections.length);
}
