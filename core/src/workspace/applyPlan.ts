// Applies the creates and updates of a plan: bounded concurrency, one idempotency key per create (CreateKeys, kept
// until the id is in the file), the id written back into each created file, a result per item. A failed item never
// stops the others; running it again after a failure or a crash creates no duplicate, since the create key is kept
// whenever the outcome is not known. A file that changed since the plan is skipped: plan again to apply it.
import type { Connection, CreateConnectionRequest, UpdateConnectionRequest } from '../api/types';
import { isPolytomicApiError } from '../api/errors';
import { repeatedAnswerHint, type CreateKeys } from '../createKeys';
import { resolvePlaceholders, type PlaceholderSources, type PlaceholderUse } from '../placeholders';
import { fingerprintScope, recordSent, secretFieldValues, type FingerprintStorage } from '../secretFingerprints';
import { schemaSensitiveKeys, secretRule } from '../sensitiveFields';
import { readConnectionFile, type WorkspaceFile } from './files';
import type { PlanItem } from './plan';
import { forEachLimited } from './pool';
import { connectionBody } from './requestBody';

export const DEFAULT_APPLY_CONCURRENCY = 4;

export interface ApplyDependencies {
  profileName: string;
  createConnection(body: CreateConnectionRequest, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<Connection>;
  updateConnection(id: string, body: UpdateConnectionRequest, signal?: AbortSignal): Promise<Connection>;
  createKeys: CreateKeys;
  sources: PlaceholderSources;
  fingerprints?: FingerprintStorage;
  schemaFor(typeId: string): Promise<Record<string, unknown> | undefined>;
  /** The file's text now (undefined: it is gone). */
  readText(file: WorkspaceFile): Promise<string | undefined>;
  /** Writes the created connection's id into the file (a minimal edit) and saves it. */
  writeId(file: WorkspaceFile, id: string): Promise<void>;
  /** `validate` when a file does not say (the setting or flag). */
  validateDefault: boolean;
  onResolvedValues?(values: string[]): void;
  /** Asks for missing placeholder values (the editor); false or absent: the item fails naming them. */
  resolveMissing?(file: WorkspaceFile, missing: PlaceholderUse[]): Promise<boolean>;
  /** Words for missing placeholders, naming how this driver sets them. */
  describeMissing(missing: PlaceholderUse[]): string;
  /** After a create or update went through (the extension records the drift baseline). */
  onApplied?(item: PlanItem, connection: Connection, sentText: string): Promise<void> | void;
}

export type ApplyOutcome = 'done' | 'failed' | 'skipped';

export interface ApplyItemResult {
  key: string;
  name: string;
  label?: string;
  action: PlanItem['action'];
  outcome: ApplyOutcome;
  /** For failed and skipped: why, and what to do. */
  reason?: string;
  /** The connection's id after a create or update. */
  id?: string;
}

export interface ApplyProgress {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  /** The result that just came in. */
  last?: ApplyItemResult;
}

export interface ApplyOptions {
  concurrency?: number;
  /** Aborts the requests in flight too (their outcome is then not known: their create keys are kept). */
  signal?: AbortSignal;
  /** Starts no further item; the ones being sent finish (a first Ctrl-C). */
  stop?: AbortSignal;
  onProgress?(progress: ApplyProgress): void;
}

export async function applyPlan(items: readonly PlanItem[], deps: ApplyDependencies, options: ApplyOptions = {}): Promise<ApplyItemResult[]> {
  const results: ApplyItemResult[] = new Array(items.length);
  const progress: ApplyProgress = { total: items.length, done: 0, failed: 0, skipped: 0 };
  const record = (index: number, result: ApplyItemResult) => {
    results[index] = result;
    progress[result.outcome]++;
    progress.last = result;
    options.onProgress?.({ ...progress });
  };
  await forEachLimited(
    items,
    options.concurrency ?? DEFAULT_APPLY_CONCURRENCY,
    async (item, index) => record(index, await applyItem(item, deps, options.signal)),
    anySignal(options.signal, options.stop),
  );
  // Items that never started because the apply was cancelled.
  items.forEach((item, index) => {
    if (!results[index]) record(index, { ...identity(item), outcome: 'skipped', reason: 'cancelled before it started; nothing was sent for it' });
  });
  return results;
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  return given.length <= 1 ? given[0] : AbortSignal.any(given);
}

function identity(item: PlanItem): Pick<ApplyItemResult, 'key' | 'name' | 'label' | 'action'> {
  return { key: item.key, name: item.name, label: item.file?.label, action: item.action };
}

async function applyItem(item: PlanItem, deps: ApplyDependencies, signal?: AbortSignal): Promise<ApplyItemResult> {
  const who = identity(item);
  const skipped = (reason: string): ApplyItemResult => ({ ...who, outcome: 'skipped', reason });
  const failed = (reason: string, id?: string): ApplyItemResult => ({ ...who, outcome: 'failed', reason, id });
  if (item.action !== 'create' && item.action !== 'update') return skipped(`${item.action}: nothing to apply`);
  const file = item.file;
  if (!file) return skipped('no file');
  try {
    const text = await deps.readText(file);
    if (text === undefined) return skipped(`${file.label} is gone since the plan`);
    if (text !== file.text) return skipped(`${file.label} changed since the plan: plan again to apply it`);
    const read = readConnectionFile(file);
    if (!read.valid) return skipped(`${file.label} is not a usable connection file`);
    const valid = read.valid;
    let resolved = await resolvePlaceholders(valid.configuration, deps.sources);
    if (resolved.missing.length > 0 && deps.resolveMissing && (await deps.resolveMissing(file, resolved.missing))) {
      resolved = await resolvePlaceholders(valid.configuration, deps.sources);
    }
    deps.onResolvedValues?.(resolved.resolvedValues);
    if (resolved.missing.length > 0) return failed(`nothing was sent: ${deps.describeMissing(resolved.missing)}`);
    const isSecret = secretRule(schemaSensitiveKeys(await deps.schemaFor(valid.type)));
    const secretValues: Record<string, string> = {};
    for (const [path, value] of Object.entries(secretFieldValues(valid.configuration, resolved.value, isSecret))) {
      if (value !== undefined) secretValues[path] = value;
    }
    const body = connectionBody(valid, resolved.value, deps.validateDefault);
    signal?.throwIfAborted();

    if (item.action === 'update') {
      const id = item.id as string;
      const updated = await deps.updateConnection(id, body, signal);
      if (deps.fingerprints) await recordSent(deps.fingerprints, fingerprintScope(deps.profileName, id), secretValues);
      await deps.onApplied?.(item, updated, text);
      return { ...who, outcome: 'done', id };
    }

    if (read.id) return skipped(`${file.label} has an id already (${read.id}): plan again`);
    const keptFromBefore = deps.createKeys.hasKey(file.path);
    const idempotencyKey = await deps.createKeys.keyFor(file.path, body);
    let created: Connection;
    try {
      created = await deps.createConnection(body, { idempotencyKey, signal });
    } catch (error) {
      await deps.createKeys.failed(file.path, error);
      // Polytomic answers a key's first outcome again for at least 24 hours, a 5xx included: say what that means.
      if (keptFromBefore && deps.createKeys.hasKey(file.path) && isPolytomicApiError(error) && error.kind === 'server') {
        return failed(`${error.message} ${repeatedAnswerHint(valid.name, file.label)}`);
      }
      throw error;
    }
    if (deps.fingerprints) await recordSent(deps.fingerprints, fingerprintScope(deps.profileName, created.id), secretValues);
    try {
      await deps.writeId(file, created.id);
    } catch (error) {
      // The create key stays: running Apply again replays this create instead of making a second connection.
      return failed(`created as ${created.id}, but the id could not be written into ${file.label} (${messageOf(error)}). Apply again: Polytomic replays the create, it does not make a second one.`, created.id);
    }
    await deps.createKeys.settled(file.path);
    await deps.onApplied?.(item, created, text);
    return { ...who, outcome: 'done', id: created.id };
  } catch (error) {
    if (signal?.aborted && (!isPolytomicApiError(error) || error.kind === 'cancelled')) {
      return failed(`cancelled while it was being sent: it may have gone through. Plan again to see${item.action === 'create' ? '; Apply again replays the create, it does not make a second one' : ''}.`);
    }
    return failed(messageOf(error));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "12 done, 1 failed, 2 skipped". */
export function applySummary(results: readonly ApplyItemResult[]): string {
  const count = (o: ApplyOutcome) => results.filter((r) => r.outcome === o).length;
  const parts = [`${count('done')} done`];
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
  return parts.join(', ');
}
