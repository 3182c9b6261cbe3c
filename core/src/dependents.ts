// How the resources that use a connection are shown when a delete meets "connection in use" and before a force
// delete: grouped by type, by name, in words ("bulk sync", not "bulk_sync").
import type { Dependent } from './api/errors';

/** One line per type: 'bulk sync: "Nightly", "Hourly"' and 'model: "Users"'. */
export function describeDependents(usedBy: Dependent[]): string {
  const byType = new Map<string, string[]>();
  for (const d of usedBy) byType.set(typeLabel(d.type), [...(byType.get(typeLabel(d.type)) ?? []), `"${d.name}"`]);
  return [...byType].map(([type, names]) => `${type}: ${names.join(', ')}`).join('\n');
}

/** 'bulk sync "Nightly", model "Users"' for one sentence. */
export function listDependents(usedBy: Dependent[]): string {
  return usedBy.map((d) => `${typeLabel(d.type)} "${d.name}"`).join(', ');
}

function typeLabel(type: string): string {
  return (type || 'resource').replace(/[_-]+/g, ' ').trim();
}
