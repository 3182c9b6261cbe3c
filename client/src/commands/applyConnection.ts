// Polytomic: Apply Connection: create or update, after showing the diff between the live connection and the file in
// VS Code's diff editor (secrets masked on both sides) and a modal "Apply". "Nothing to apply" when they match.
import * as vscode from 'vscode';
import { compareWithLive, stableJson } from '../../../core/src/liveComparison';
import { schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { createConnection } from './createConnection';
import { prepareConnection } from './prepareBody';
import { sendUpdate } from './updateConnection';
import { fileTarget } from './target';
import type { Connection } from '../../../core/src/api/types';

export type ApplyResult = 'created' | 'updated' | 'unchanged' | 'cancelled';

export async function applyConnection(services: Services, arg?: unknown): Promise<ApplyResult> {
  const target = await fileTarget(services, arg);
  const prepared = await prepareConnection(services, target);
  const { profile, client } = await services.sessions.current();
  const schema = await services.catalog.schemaFor(prepared.file.type);
  const isSecret = secretRule(schemaSensitiveKeys(schema));
  const live: Connection | undefined = target.id
    ? await withCancellableProgress(`Reading "${prepared.file.name}" from ${profile.name}`, (signal) => client.getConnection(target.id as string, signal))
    : undefined;

  const comparison = live
    ? compareWithLive(prepared.file, live, isSecret)
    : compareWithLive(prepared.file, { id: '', name: '', configuration: {} }, isSecret);
  if (live && comparison.equal) {
    void services.prompts.current.notify('info', `Nothing to apply: "${live.name}" in ${profile.name} matches ${target.label}.`);
    return 'unchanged';
  }
  const key = target.id ?? 'new';
  const liveUri = services.liveDocs.publish(key, 'live', prepared.file.name, live ? comparison.liveText : stableJson({}));
  const fileUri = services.liveDocs.publish(key, 'file', prepared.file.name, comparison.fileText);
  await vscode.commands.executeCommand(
    'vscode.diff',
    liveUri,
    fileUri,
    `${prepared.file.name}: ${live ? `live in ${profile.name}` : 'not in Polytomic yet'} ↔ ${target.label}`,
    { preview: true },
  );
  const action = live ? 'Apply' : 'Create';
  const confirmed = await services.prompts.current.confirm(
    live ? `Apply ${target.label} to "${live.name}" in ${profile.name}?` : `Create "${prepared.file.name}" in ${profile.name}?`,
    live
      ? 'The diff editor shows the live connection (left) and the file (right); secrets are masked on both sides and are sent from the file as they are. An update replaces the whole configuration.'
      : 'The connection does not exist yet; it is created from the file and its id written back into the file.',
    action,
  );
  if (!confirmed) return 'cancelled';
  if (!live) {
    return (await createConnection(services, target.document.uri)) ? 'created' : 'cancelled';
  }
  const updated = await sendUpdate(services, target, prepared);
  // The open diff now shows what Polytomic holds after the update, instead of the state before it.
  const after = compareWithLive(prepared.file, updated, isSecret);
  services.liveDocs.publish(key, 'live', prepared.file.name, after.liveText);
  services.liveDocs.publish(key, 'file', prepared.file.name, after.fileText);
  void services.prompts.current.notify('info', `Applied ${target.label} to "${updated.name}".`);
  return 'updated';
}
