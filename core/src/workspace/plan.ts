// The plan of a folder: every connection file compared with the profile's organisation, as a value that can be
// printed, reviewed and applied (Terraform's plan). Built from one list of live connections; a connection is fetched
// on its own only when the list entry lacks its configuration. Nothing is sent and no secret value is shown.
//
//   create     the file has no id
//   update     the file differs from the live connection (a secret: by the fingerprints of what was last sent)
//   unchanged  nothing to send differs
//   blocked    the file has errors (the first is named): it is not sent
//   stale      the file's id is not a live connection (deleted in Polytomic, or another organisation's)
//   duplicate  two files hold one id: an update from either would overwrite the other's connection
//   unmanaged  a live connection that no file holds
import { isPolytomicApiError } from '../api/errors';
import type { Connection } from '../api/types';
import { compareWithLive, type FieldChange } from '../liveComparison';
import { resolvePlaceholders, type PlaceholderSources, type PlaceholderUse } from '../placeholders';
import { fingerprintScope, secretFieldValues, secretStatuses, type FingerprintStorage } from '../secretFingerprints';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../sensitiveFields';
import { describeProblem, readConnectionFile, type FileProblem, type ReadFile, type WorkspaceFile } from './files';
import { forEachLimited } from './pool';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'blocked' | 'stale' | 'duplicate' | 'unmanaged';

/** The order the plan lists its items in, and the words of its counts. */
export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'update', 'blocked', 'duplicate', 'stale', 'unchanged', 'unmanaged'];
const COUNT_WORDS: Record<PlanAction, string> = {
  create: 'to create',
  update: 'to update',
  blocked: 'blocked',
  duplicate: 'duplicate',
  stale: 'stale',
  unchanged: 'unchanged',
  unmanaged: 'unmanaged',
};

export interface PlanItem {
  /** Unique in the plan: the file's path, or `live:<id>` for an unmanaged connection. */
  key: string;
  action: PlanAction;
  /** The connection's name (the file's, or the live one's when there is no usable file). */
  name: string;
  type?: string;
  file?: WorkspaceFile;
  id?: string;
  live?: Connection;
  /** Why it is blocked, stale or duplicate, in words a person can act on. */
  reason?: string;
  /**
   * A create only: the ids of live connections of the same name and type that no file holds. Most likely this file's
   * own earlier create whose id never reached it; a driver that cannot ask (CI) should not create it again unasked.
   */
  lookalikeIds?: string[];
  /** What an apply would change (update), or what the file sets (create: empty). */
  changes: FieldChange[];
  /** Secret fields whose sameness cannot be known. */
  unknown: FieldChange[];
  /** Placeholders that have no value yet: an apply needs them. */
  missing: PlaceholderUse[];
  /** Both sides of the diff: live (or `{}` for a create) and the file, secrets masked, placeholders named. */
  diff?: { liveText: string; fileText: string };
}

export type PlanCounts = Record<PlanAction, number>;

export interface Plan {
  profileName: string;
  items: PlanItem[];
  counts: PlanCounts;
}

export interface PlanDependencies {
  profileName: string;
  /** The type's configuration schema (for which fields are secret or read-only); undefined when not known. */
  schemaFor(typeId: string): Promise<Record<string, unknown> | undefined>;
  /** The language server's errors for the file (syntax and envelope problems are found here already). */
  validate?(file: WorkspaceFile): Promise<FileProblem[]>;
  sources: PlaceholderSources;
  /** What was last sent from here, to tell whether a secret changed. Without it every secret is "not known". */
  fingerprints?: FingerprintStorage;
  /** For a list entry without its configuration. */
  getConnection?(id: string, signal?: AbortSignal): Promise<Connection>;
  /** Resolved values, so the driver's log scrubber knows them before anything could print them. */
  onResolvedValues?(values: string[]): void;
  /** How many files are checked and compared at once (default 8). */
  concurrency?: number;
}

export async function buildPlan(files: readonly WorkspaceFile[], live: readonly Connection[], deps: PlanDependencies, signal?: AbortSignal): Promise<Plan> {
  const read = files.map(readConnectionFile);
  const liveById = new Map(live.map((c) => [c.id, c]));
  const holders = new Map<string, ReadFile[]>();
  for (const r of read) if (r.id) holders.set(r.id, [...(holders.get(r.id) ?? []), r]);

  const items: PlanItem[] = new Array(read.length);
  await forEachLimited(
    read,
    deps.concurrency ?? 8,
    async (r, index) => {
      items[index] = await planFile(r, holders, liveById, deps, signal);
    },
    signal,
  );
  signal?.throwIfAborted();
  for (const connection of live) {
    if (holders.has(connection.id)) continue;
    items.push({
      key: `live:${connection.id}`,
      action: 'unmanaged',
      name: connection.name,
      type: connection.type?.id,
      id: connection.id,
      live: connection,
      reason: 'no file holds this connection: Import writes one',
      changes: [],
      unknown: [],
      missing: [],
    });
  }
  noteLookalikes(items, deps.profileName);
  const rank = new Map(PLAN_ACTIONS.map((a, i) => [a, i]));
  items.sort((a, b) => (rank.get(a.action)! - rank.get(b.action)!) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  return { profileName: deps.profileName, items, counts: countActions(items) };
}

async function planFile(
  r: ReadFile,
  holders: ReadonlyMap<string, ReadFile[]>,
  liveById: ReadonlyMap<string, Connection>,
  deps: PlanDependencies,
  signal?: AbortSignal,
): Promise<PlanItem> {
  const { file, id } = r;
  const base = {
    key: file.path,
    name: typeof r.value?.name === 'string' && r.value.name.trim() !== '' ? r.value.name : file.label,
    type: typeof r.value?.type === 'string' ? r.value.type : undefined,
    file,
    id,
    live: id ? liveById.get(id) : undefined,
    changes: [],
    unknown: [],
    missing: [],
  };
  const sharing = id ? (holders.get(id) ?? []).filter((other) => other !== r) : [];
  if (sharing.length > 0) {
    const others = sharing.map((o) => o.file.label).join(', ');
    return {
      ...base,
      action: 'duplicate',
      reason: `${others} also ${sharing.length === 1 ? 'holds' : 'hold'} id ${id}: an update from either file overwrites the other's connection. Remove the id from the copy (it is then created as a connection of its own) or delete the copy.`,
    };
  }
  // The language server's words when there is one (it says "expected a closing brace", not CloseBraceExpected).
  const checked = deps.validate && (r.problems.length > 0 || r.valid) ? await deps.validate(file) : [];
  const problems = r.problems.length > 0 ? (checked.length > 0 ? checked : r.problems) : checked;
  if (problems.length > 0 || !r.valid) {
    const first = problems[0] ? describeProblem(problems[0]) : 'the file is not a connection file';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return { ...base, action: 'blocked', reason: `${first}${more}: fix it, then plan again` };
  }
  const valid = r.valid;
  if (id && !liveById.has(id)) {
    return {
      ...base,
      action: 'stale',
      reason: `no connection with id ${id} in ${deps.profileName}: it was deleted, or belongs to another organisation. Remove the id to create it again, or Pull another connection into the file.`,
    };
  }
  const schema = await deps.schemaFor(valid.type);
  const isSecret = secretRule(schemaSensitiveKeys(schema));
  const resolved = await resolvePlaceholders(valid.configuration, deps.sources);
  deps.onResolvedValues?.(resolved.resolvedValues);
  const missing = new Set(resolved.missing.map((m) => m.path));
  let live = id ? liveById.get(id) : undefined;
  if (live && live.configuration === undefined && deps.getConnection) {
    try {
      live = await deps.getConnection(live.id, signal);
    } catch (error) {
      // One connection that cannot be read does not sink the plan of the others.
      if (signal?.aborted) throw error;
      if (isPolytomicApiError(error) && error.kind === 'not_found') {
        return { ...base, action: 'stale', reason: `no connection with id ${id} in ${deps.profileName}: it was deleted while the plan was made. Remove the id to create it again.` };
      }
      return { ...base, action: 'blocked', reason: `its connection ${id} could not be read (${error instanceof Error ? error.message : String(error)}): plan again` };
    }
  }
  const secretStatus =
    live && deps.fingerprints
      ? await secretStatuses(deps.fingerprints, fingerprintScope(deps.profileName, live.id), secretFieldValues(valid.configuration, resolved.value, isSecret))
      : {};
  const comparison = compareWithLive(valid, live ?? { id: '', name: '', configuration: {} }, isSecret, {
    fileText: file.text,
    resolved: resolved.value,
    missing,
    secretStatus,
    readOnlyKeys: schemaReadOnlyKeys(schema),
  });
  const item = { ...base, name: valid.name, type: valid.type, live, missing: resolved.missing, unknown: comparison.unknown };
  if (!live) return { ...item, action: 'create', diff: { liveText: '{}\n', fileText: comparison.fileText } };
  return {
    ...item,
    action: comparison.equal ? 'unchanged' : 'update',
    changes: comparison.changes,
    diff: { liveText: comparison.liveText, fileText: comparison.fileText },
  };
}

/**
 * A file to create whose name and type are those of a connection no file holds: most likely a create whose id never
 * reached the file (a crash, a lost answer and the create key gone with the machine). It stays a create, but says so:
 * Pull would bring that connection into the file, while Apply would make a second one.
 */
function noteLookalikes(items: PlanItem[], profileName: string): void {
  const unmanaged = new Map<string, PlanItem[]>();
  const key = (type: string | undefined, name: string) => `${type ?? ''}\0${name.trim().toLowerCase()}`;
  for (const item of items) if (item.action === 'unmanaged') unmanaged.set(key(item.type, item.name), [...(unmanaged.get(key(item.type, item.name)) ?? []), item]);
  for (const item of items) {
    if (item.action !== 'create') continue;
    const twins = unmanaged.get(key(item.type, item.name));
    if (!twins) continue;
    item.lookalikeIds = twins.map((t) => t.id as string);
    const ids = item.lookalikeIds.join(', ');
    item.reason = `${profileName} has a ${item.type} connection named "${twins[0].name}" that no file holds (id ${ids}): if it is this file's (a create whose id never reached the file), Pull it into this file instead, since Apply makes a second one`;
  }
}

export function countActions(items: readonly PlanItem[]): PlanCounts {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as PlanCounts;
  for (const item of items) counts[item.action]++;
  return counts;
}

/** "3 to create, 2 to update, 1 blocked" (the actions with a count), or "no connection files". */
export function planSummary(counts: PlanCounts): string {
  const parts = PLAN_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${COUNT_WORDS[a]}`);
  return parts.length > 0 ? parts.join(', ') : 'no connection files and no connections';
}

/** Whether applying the plan would send anything. */
export function planHasChanges(plan: Plan): boolean {
  return plan.counts.create + plan.counts.update > 0;
}

/** The items an apply acts on. */
export function applicableItems(plan: Plan): PlanItem[] {
  return plan.items.filter((i) => i.action === 'create' || i.action === 'update');
}
